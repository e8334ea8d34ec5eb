package cn.jiaxiao.app.demo;

import cn.jiaxiao.app.config.JiaxiaoProperties;
import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import cn.jiaxiao.provisioning.demo.DemoSchool;
import cn.jiaxiao.provisioning.people.RosterWriter;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Seeds the demo school into an empty database, in one transaction, unless {@code jiaxiao.demo.enabled=false}. */
@Component
class DemoSchoolSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSchoolSeeder.class);

    private final JiaxiaoProperties properties;
    private final DemoSchool school;
    private final TransactionTemplate tx;

    DemoSchoolSeeder(JiaxiaoProperties properties, UnitRepository units, StaffAccountRepository accounts,
            RosterWriter roster, PasswordEncoder passwords, TransactionTemplate tx) {
        this.properties = properties;
        this.school = new DemoSchool(units, accounts, roster, passwords::encode);
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.getDemo().isEnabled() && Boolean.TRUE.equals(tx.execute(status -> school.seedIfEmpty()))) {
            log.info("Demo school 示范中学 seeded; every demo account's password is '{}'", DemoSchool.PASSWORD);
        }
    }
}
