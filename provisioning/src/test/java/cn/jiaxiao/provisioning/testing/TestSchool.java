package cn.jiaxiao.provisioning.testing;

import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.provisioning.demo.DemoSchool;
import cn.jiaxiao.provisioning.people.GuardianDirectory;
import cn.jiaxiao.provisioning.people.RosterWriter;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The demo school in a fresh test database, with the repositories over it. */
public final class TestSchool {

    public static final String KEY = "test-encryption-key-0123456789";

    private static final ContactCipher CIPHER = ContactCipher.fromSecret(KEY);

    /** Seeded once per JVM (its ~500 statements took seconds per test), then copied. */
    public final TestDatabase database = TestDatabase.create("demo_school", TestSchool::seed);
    public final NamedParameterJdbcTemplate jdbc = database.jdbc();
    public final ContactCipher cipher = CIPHER;
    public final UnitRepository units = new UnitRepository(jdbc);
    public final StaffAccountRepository accounts = new StaffAccountRepository(jdbc, units, cipher);
    public final GuardianDirectory guardians = new GuardianDirectory(jdbc, cipher);

    private static void seed(TestDatabase database) {
        NamedParameterJdbcTemplate jdbc = database.jdbc();
        UnitRepository units = new UnitRepository(jdbc);
        // Tests don't need a slow adaptive hash; the app's own tests check the real encoder.
        new DemoSchool(units, new StaffAccountRepository(jdbc, units, CIPHER), new RosterWriter(jdbc, CIPHER),
                p -> "{noop}" + p).seedIfEmpty();
    }
}
