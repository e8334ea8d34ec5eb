package cn.jiaxiao.app.config;

import cn.jiaxiao.provisioning.account.AccountPolicy;
import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import cn.jiaxiao.provisioning.audit.AdminAuditLog;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.fanout.FanOutService;
import cn.jiaxiao.routes.quota.NoticeQuotas;
import cn.jiaxiao.routes.quota.QuotaAdmin;
import cn.jiaxiao.routes.quota.QuotaDefaults;
import cn.jiaxiao.routes.quota.QuotaGuard;
import cn.jiaxiao.routes.quota.QuotaLedger;
import cn.jiaxiao.routes.quota.QuotaSettings;
import cn.jiaxiao.routes.quota.RecipientCap;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** SMS quotas and the per-recipient cap (issue 7): their settings, the shared Bucket4j ledger, the workflow's guard. */
@Configuration(proxyBeanMethods = false)
class QuotaConfiguration {

    @Bean
    QuotaSettings quotaSettings(NamedParameterJdbcTemplate jdbc, JiaxiaoProperties properties) {
        JiaxiaoProperties.Quota quota = properties.getQuota();
        return new QuotaSettings(jdbc, new QuotaDefaults(quota.getDefaultAccountDailySms(),
                quota.getDefaultAccountMonthlySms(), quota.getDefaultUnitDailySms(), quota.getDefaultUnitMonthlySms(),
                quota.getRecipientDailyMessages()));
    }

    @Bean
    QuotaLedger quotaLedger(DataSource dataSource, NamedParameterJdbcTemplate jdbc, QuotaSettings settings,
            UnitRepository units, StaffAccountRepository accounts, Clock clock, JiaxiaoProperties properties) {
        return new QuotaLedger(QuotaLedger.proxyManager(dataSource, clock), jdbc, settings, units, accounts, clock,
                properties.getTimeZone());
    }

    @Bean
    QuotaGuard quotaGuard(QuotaLedger ledger, QuotaSettings settings, NamedParameterJdbcTemplate jdbc,
            StaffAccountRepository accounts, FanOutService fanOut, JiaxiaoProperties properties) {
        return new NoticeQuotas(ledger, new RecipientCap(jdbc, settings, properties.getTimeZone()), accounts,
                notice -> fanOut.estimate(notice).smsParts());
    }

    @Bean
    QuotaAdmin quotaAdmin(QuotaSettings settings, QuotaLedger ledger, NamedParameterJdbcTemplate jdbc,
            UnitRepository units, StaffAccountRepository accounts, AdminAuditLog audit, TransactionTemplate tx) {
        return new QuotaAdmin(settings, ledger, new AccountPolicy(jdbc, units), accounts, units, audit, jdbc, tx);
    }
}
