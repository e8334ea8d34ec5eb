package cn.jiaxiao.app.config;

import cn.jiaxiao.provisioning.account.AccountPolicy;
import cn.jiaxiao.provisioning.account.AccountService;
import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import cn.jiaxiao.provisioning.audit.AdminAuditLog;
import cn.jiaxiao.provisioning.grant.SendGrants;
import cn.jiaxiao.provisioning.group.RecipientGroups;
import cn.jiaxiao.provisioning.people.ClassRosterService;
import cn.jiaxiao.provisioning.people.GuardianScope;
import cn.jiaxiao.provisioning.roster.RosterImporter;
import cn.jiaxiao.provisioning.token.ApiTokens;
import java.time.Clock;
import org.springframework.security.crypto.password.PasswordEncoder;
import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.provisioning.people.GuardianDirectory;
import cn.jiaxiao.provisioning.people.RosterWriter;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.approval.ApprovalChain;
import cn.jiaxiao.routes.approval.ApprovalRepository;
import cn.jiaxiao.routes.approval.ApprovalService;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.delivery.ReceiptService;
import cn.jiaxiao.routes.fanout.FanOutService;
import cn.jiaxiao.routes.fanout.NoticeReleaseRoute;
import cn.jiaxiao.routes.notice.NoticeRepository;
import cn.jiaxiao.routes.notice.NoticeService;
import cn.jiaxiao.routes.scope.AudienceScope;
import cn.jiaxiao.routes.sms.InboundSmsStore;
import cn.jiaxiao.routes.sms.SmsRoutes;
import cn.jiaxiao.routes.sms.SmsSender;
import cn.jiaxiao.routes.smpp.SmppClient;
import cn.jiaxiao.routes.support.CamelQueues;
import cn.jiaxiao.templates.render.MessageRenderer;
import java.time.Duration;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the plain beans of provisioning, templates and routes; they know nothing of Spring Boot. */
@Configuration(proxyBeanMethods = false)
class MessagePathConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagePathConfiguration.class);
    /** Only for the embedded demo: a real deployment must set jiaxiao.encryption-key. */
    private static final String DEMO_KEY = "jiaxiao-demo-only-encryption-key";

    @Bean
    ContactCipher contactCipher(JiaxiaoProperties properties) {
        String key = properties.getEncryptionKey();
        if (key == null || key.isBlank()) {
            log.warn("jiaxiao.encryption-key is not set: contact points are sealed with the demo key."
                    + " Set it before storing real guardians' data.");
            key = DEMO_KEY;
        }
        return ContactCipher.fromSecret(key);
    }

    @Bean
    UnitRepository unitRepository(NamedParameterJdbcTemplate jdbc) {
        return new UnitRepository(jdbc);
    }

    @Bean
    StaffAccountRepository staffAccountRepository(NamedParameterJdbcTemplate jdbc, UnitRepository units,
            ContactCipher cipher) {
        return new StaffAccountRepository(jdbc, units, cipher);
    }

    @Bean
    GuardianDirectory guardianDirectory(NamedParameterJdbcTemplate jdbc, ContactCipher cipher) {
        return new GuardianDirectory(jdbc, cipher);
    }

    @Bean
    RosterWriter rosterWriter(NamedParameterJdbcTemplate jdbc, ContactCipher cipher) {
        return new RosterWriter(jdbc, cipher);
    }

    @Bean
    NoticeRepository noticeRepository(NamedParameterJdbcTemplate jdbc) {
        return new NoticeRepository(jdbc);
    }

    @Bean
    ApprovalRepository approvalRepository(NamedParameterJdbcTemplate jdbc) {
        return new ApprovalRepository(jdbc);
    }

    @Bean
    OutboundMessageRepository outboundMessageRepository(NamedParameterJdbcTemplate jdbc, ContactCipher cipher,
            JiaxiaoProperties properties) {
        return new OutboundMessageRepository(jdbc, cipher, properties.getSmpp().getClaimLease());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AdminAuditLog adminAuditLog(NamedParameterJdbcTemplate jdbc) {
        return new AdminAuditLog(jdbc);
    }

    @Bean
    AccountService accountService(StaffAccountRepository accounts, NamedParameterJdbcTemplate jdbc,
            UnitRepository units, AdminAuditLog audit, PasswordEncoder passwords, TransactionTemplate tx,
            Clock clock) {
        return new AccountService(accounts, new AccountPolicy(jdbc, units), units, audit, passwords, tx, clock);
    }

    @Bean
    SendGrants sendGrants(NamedParameterJdbcTemplate jdbc, UnitRepository units, StaffAccountRepository accounts,
            AdminAuditLog audit, TransactionTemplate tx) {
        return new SendGrants(jdbc, units, accounts, audit, tx);
    }

    @Bean
    GuardianScope guardianScope(NamedParameterJdbcTemplate jdbc) {
        return new GuardianScope(jdbc);
    }

    @Bean
    RecipientGroups recipientGroups(NamedParameterJdbcTemplate jdbc, GuardianScope scope, TransactionTemplate tx) {
        return new RecipientGroups(jdbc, scope, tx);
    }

    @Bean
    ApiTokens apiTokens(NamedParameterJdbcTemplate jdbc, AdminAuditLog audit) {
        return new ApiTokens(jdbc, audit);
    }

    @Bean
    ClassRosterService classRosterService(NamedParameterJdbcTemplate jdbc, UnitRepository units,
            ContactCipher cipher, AdminAuditLog audit, TransactionTemplate tx) {
        return new ClassRosterService(jdbc, units, cipher, new RosterWriter(jdbc, cipher), audit, tx);
    }

    @Bean
    RosterImporter rosterImporter(NamedParameterJdbcTemplate jdbc, ContactCipher cipher, UnitRepository units,
            TransactionTemplate tx) {
        return new RosterImporter(jdbc, cipher, units, tx);
    }

    @Bean
    AudienceScope audienceScope(UnitRepository units, NamedParameterJdbcTemplate jdbc, SendGrants grants,
            RecipientGroups groups, GuardianScope guardianScope) {
        return new AudienceScope(units, jdbc, grants, groups, guardianScope);
    }

    @Bean
    NoticeService noticeService(NoticeRepository notices, ApprovalRepository approvals, AudienceScope scope,
            UnitRepository units, TransactionTemplate tx) {
        return new NoticeService(notices, approvals, scope, new ApprovalChain(units), units, tx);
    }

    @Bean
    CamelQueues camelQueues(ProducerTemplate producer) {
        return new CamelQueues(producer);
    }

    @Bean
    ApprovalService approvalService(NoticeRepository notices, ApprovalRepository approvals, UnitRepository units,
            CamelQueues queues, TransactionTemplate tx) {
        return new ApprovalService(notices, approvals, units, queues, tx);
    }

    @Bean
    FanOutService fanOutService(NoticeRepository notices, GuardianDirectory guardians,
            StaffAccountRepository staff, OutboundMessageRepository messages, JiaxiaoProperties properties,
            TransactionTemplate tx) {
        return new FanOutService(notices, guardians, staff, messages, new MessageRenderer(), properties.getSignature(),
                Duration.ofSeconds(30), tx);
    }

    @Bean
    NoticeReleaseRoute noticeReleaseRoute(FanOutService fanOut) {
        return new NoticeReleaseRoute(fanOut, Duration.ofSeconds(30));
    }

    @Bean
    SmsRoutes smsRoutes(OutboundMessageRepository messages, NoticeRepository notices, SmppClient smpp,
            NamedParameterJdbcTemplate jdbc, ContactCipher cipher, TransactionTemplate tx) {
        return new SmsRoutes(new SmsSender(messages, notices, smpp, tx), new ReceiptService(jdbc, messages, tx),
                new InboundSmsStore(jdbc, cipher), smpp.totalWindow());
    }
}
