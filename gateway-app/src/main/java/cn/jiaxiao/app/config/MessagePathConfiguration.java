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
import cn.jiaxiao.routes.approval.ApprovalChains;
import cn.jiaxiao.routes.audit.AuditTrail;
import cn.jiaxiao.routes.delivery.NoticeCompletion;
import cn.jiaxiao.routes.schedule.QuietHours;
import cn.jiaxiao.routes.settings.SchoolSettingRepository;
import cn.jiaxiao.routes.settings.SchoolSettings;
import cn.jiaxiao.routes.content.ContentPolicy;
import cn.jiaxiao.routes.workflow.ApprovalInbox;
import cn.jiaxiao.routes.workflow.ContentGate;
import cn.jiaxiao.routes.workflow.NoticeWorkflow;
import cn.jiaxiao.routes.workflow.WorkflowRoutes;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.delivery.ReceiptService;
import cn.jiaxiao.routes.fanout.ChannelChoice;
import cn.jiaxiao.routes.fanout.FanOutService;
import cn.jiaxiao.routes.fanout.GuardianReach;
import cn.jiaxiao.routes.fanout.HeldMessagesRoute;
import cn.jiaxiao.routes.fanout.PushFallback;
import cn.jiaxiao.routes.push.PushSubscriptionRepository;
import cn.jiaxiao.routes.delivery.ChannelMessageRepository;
import cn.jiaxiao.routes.delivery.HeldMessages;
import cn.jiaxiao.routes.fanout.MessageComposer;
import cn.jiaxiao.routes.template.TemplateOverrideRepository;
import cn.jiaxiao.routes.fanout.NoticeReleaseRoute;
import cn.jiaxiao.routes.notice.NoticeRepository;
import cn.jiaxiao.routes.notice.NoticeService;
import cn.jiaxiao.routes.scope.AudienceScope;
import cn.jiaxiao.routes.sms.InboundSmsStore;
import cn.jiaxiao.routes.sms.SmsRoutes;
import cn.jiaxiao.routes.sms.SmsSender;
import cn.jiaxiao.routes.smpp.MoReassembler;
import cn.jiaxiao.routes.smpp.SmppClient;
import cn.jiaxiao.routes.support.CamelQueues;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
            UnitRepository units) {
        return new NoticeService(notices, approvals, scope, units);
    }

    @Bean
    AuditTrail auditTrail(NamedParameterJdbcTemplate jdbc, Clock clock) {
        return new AuditTrail(jdbc, clock);
    }

    @Bean
    NoticeCompletion noticeCompletion(NoticeRepository notices, AuditTrail audit) {
        return new NoticeCompletion(notices, audit);
    }

    /** The configured quiet hours and chains are the defaults; what the school stored overrides them. */
    @Bean
    SchoolSettings schoolSettings(SchoolSettingRepository stored, JiaxiaoProperties properties) {
        JiaxiaoProperties.QuietHoursProperties quiet = properties.getQuietHours();
        SchoolSettings settings = new SchoolSettings(stored,
                new QuietHours(quiet.isEnabled(), quiet.getStart(), quiet.getEnd(), properties.getTimeZone()),
                ApprovalChains.configured(properties.getApproval().getChains()));
        settings.reload();
        return settings;
    }

    @Bean
    SchoolSettingRepository schoolSettingRepository(NamedParameterJdbcTemplate jdbc) {
        return new SchoolSettingRepository(jdbc);
    }

    @Bean
    NoticeWorkflow noticeWorkflow(NoticeRepository notices, ApprovalRepository approvals, UnitRepository units,
            StaffAccountRepository accounts, AudienceScope scope, AuditTrail audit, CamelQueues queues,
            SchoolSettings settings, Clock clock, TransactionTemplate tx,
            ObjectProvider<NoticeWorkflow.SubmissionCheck> checks, ObjectProvider<cn.jiaxiao.routes.quota.QuotaGuard> quota) {
        ApprovalChain chain = new ApprovalChain(units, accounts, settings::approvalChains);
        return new NoticeWorkflow(notices, approvals, chain, scope, units, audit, queues, settings::quietHours, clock, tx,
                checks.orderedStream().toList(), quota.getIfAvailable(() -> cn.jiaxiao.routes.quota.QuotaGuard.NONE));
    }

    @Bean
    ContentGate contentGate(ContentPolicy policy) {
        return new ContentGate(policy);
    }

    @Bean
    ApprovalInbox approvalInbox(ApprovalRepository approvals, NoticeRepository notices, UnitRepository units) {
        return new ApprovalInbox(approvals, notices, units);
    }

    @Bean
    WorkflowRoutes workflowRoutes(NoticeWorkflow workflow, JiaxiaoProperties properties) {
        return new WorkflowRoutes(workflow, properties.getScheduler().getPeriod(),
                properties.getApproval().getEscalationCheck(), properties.getApproval().getEscalateAfter());
    }

    @Bean
    CamelQueues camelQueues(ProducerTemplate producer) {
        return new CamelQueues(producer);
    }


    @Bean
    TemplateOverrideRepository templateOverrides(NamedParameterJdbcTemplate jdbc) {
        return new TemplateOverrideRepository(jdbc);
    }

    @Bean
    MessageComposer messageComposer(TemplateOverrideRepository overrides, ChannelChoice channels,
            NamedParameterJdbcTemplate jdbc, JiaxiaoProperties properties, PushSubscriptionRepository subscriptions,
            ContactCipher cipher) {
        // guardians who replied STOP / TD / 退订 get no notice of a kind that is not mandatory
        return new MessageComposer(overrides::renderer, channels, new GuardianReach(jdbc, subscriptions),
                properties.getSignature(), new cn.jiaxiao.routes.reply.ReplyRepository(jdbc, cipher)::optedOut);
    }

    @Bean
    FanOutService fanOutService(NoticeRepository notices, GuardianDirectory guardians,
            StaffAccountRepository staff, OutboundMessageRepository messages, JiaxiaoProperties properties,
            AuditTrail audit, NoticeCompletion completion, TransactionTemplate tx, MessageComposer composer) {
        return new FanOutService(notices, guardians, staff, messages, composer, Duration.ofSeconds(30), audit,
                completion, tx, properties.getSmpp().getBatchSize());
    }

    /** E-mail and push messages: claimed and settled one row each, no parts. */
    @Bean
    ChannelMessageRepository channelMessageRepository(NamedParameterJdbcTemplate jdbc, ContactCipher cipher,
            OutboundMessageRepository messages, JiaxiaoProperties properties) {
        return new ChannelMessageRepository(jdbc, cipher, properties.getSmpp().getClaimLease(), messages);
    }

    @Bean
    HeldMessages heldMessages(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, SchoolSettings settings,
            Clock clock, JiaxiaoProperties properties) {
        return new HeldMessages(jdbc, tx, settings::quietHours, clock, properties.getSmpp().getBatchSize());
    }

    @Bean
    PushFallback pushFallback(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, NoticeRepository notices,
            GuardianDirectory guardians, OutboundMessageRepository messages, MessageComposer composer, Clock clock) {
        return new PushFallback(jdbc, tx, notices, guardians, messages, composer, clock);
    }

    @Bean
    HeldMessagesRoute heldMessagesRoute(HeldMessages held, CamelQueues queues, PushFallback fallback,
            JiaxiaoProperties properties) {
        return new HeldMessagesRoute(held, queues, fallback, properties.getFallback().getAfter(),
                properties.getScheduler().getPeriod());
    }

    @Bean
    NoticeReleaseRoute noticeReleaseRoute(FanOutService fanOut) {
        return new NoticeReleaseRoute(fanOut, Duration.ofSeconds(30));
    }

    @Bean
    SmsRoutes smsRoutes(OutboundMessageRepository messages, SmppClient smpp,
            NamedParameterJdbcTemplate jdbc, ContactCipher cipher, TransactionTemplate tx,
            JiaxiaoProperties properties, MoReassembler moReassembler, ExecutorService smsSubmitters,
            HeldMessages held, ObjectProvider<cn.jiaxiao.routes.reply.ReplyRouter> replies) {
        cn.jiaxiao.routes.reply.ReplyRouter router = replies.getIfAvailable();
        return new SmsRoutes(new SmsSender(messages, smpp, tx, properties.getSmpp().getRetryWindow(), smsSubmitters,
                held),
                new ReceiptService(jdbc, messages, tx), new InboundSmsStore(jdbc, cipher, tx, moReassembler),
                properties.getSmpp().getBatchConsumers(), router == null ? id -> { } : router);
    }

    /** One thread per window slot of every connection: as many submit_sm in flight as the SMSCs allow. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService smsSubmitters(SmppClient smpp) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(smpp.totalWindow(), runnable -> {
            Thread thread = new Thread(runnable, "sms-submit-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
