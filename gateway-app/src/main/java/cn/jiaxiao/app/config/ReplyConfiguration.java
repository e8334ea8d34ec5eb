package cn.jiaxiao.app.config;

import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.provisioning.people.GuardianDirectory;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.audit.AuditTrail;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.fanout.MessageComposer;
import cn.jiaxiao.routes.notice.NoticeRepository;
import cn.jiaxiao.routes.reply.AbsenceRepository;
import cn.jiaxiao.routes.reply.AbsenceService;
import cn.jiaxiao.routes.reply.Confirmations;
import cn.jiaxiao.routes.reply.LeaveRequestRepository;
import cn.jiaxiao.routes.reply.LeaveRequests;
import cn.jiaxiao.routes.reply.ReplyRepository;
import cn.jiaxiao.routes.reply.ReplyRouter;
import cn.jiaxiao.routes.reply.ReplyRoutes;
import cn.jiaxiao.routes.reply.ReplySender;
import cn.jiaxiao.routes.reply.ReplySettings;
import cn.jiaxiao.routes.reply.ServiceNumbers;
import cn.jiaxiao.routes.scope.AudienceScope;
import cn.jiaxiao.routes.smpp.SmppSettings;
import cn.jiaxiao.routes.support.CamelQueues;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Parents' replies by SMS (issue 8): the reply handler, leave requests, absences, confirmations, reminders. */
@Configuration(proxyBeanMethods = false)
class ReplyConfiguration {

    @Bean
    ReplyRepository replyRepository(NamedParameterJdbcTemplate jdbc, ContactCipher cipher) {
        return new ReplyRepository(jdbc, cipher);
    }

    @Bean
    LeaveRequestRepository leaveRequestRepository(NamedParameterJdbcTemplate jdbc) {
        return new LeaveRequestRepository(jdbc);
    }

    @Bean
    AbsenceRepository absenceRepository(NamedParameterJdbcTemplate jdbc) {
        return new AbsenceRepository(jdbc);
    }

    @Bean
    ReplySender replySender(NoticeRepository notices, OutboundMessageRepository messages, AuditTrail audit,
            CamelQueues queues, NamedParameterJdbcTemplate jdbc, JiaxiaoProperties properties) {
        return new ReplySender(notices, messages, audit, queues, jdbc, properties.getSmpp().getBatchSize());
    }

    @Bean
    ReplySettings replySettings(JiaxiaoProperties properties) {
        JiaxiaoProperties.Replies replies = properties.getReplies();
        return new ReplySettings(replies.getConfirmationWindow(), replies.getMaxAnswersPerHour(),
                replies.getAbsenceEscalateAfter(), properties.getTimeZone(), properties.getSignature());
    }

    @Bean
    @ConditionalOnProperty(prefix = "jiaxiao.replies", name = "enabled", matchIfMissing = true)
    ReplyRouter replyRouter(ReplyRepository replies, LeaveRequestRepository leaves, AbsenceRepository absences,
            GuardianDirectory guardians, UnitRepository units, StaffAccountRepository staff, ReplySender sender,
            MessageComposer composer, List<SmppSettings> connections, ReplySettings settings, AuditTrail audit,
            Clock clock, TransactionTemplate tx) {
        return new ReplyRouter(replies, leaves, absences, guardians, units, staff, sender, composer,
                ServiceNumbers.of(connections), settings, audit, clock, tx);
    }

    @Bean
    LeaveRequests leaveRequests(LeaveRequestRepository leaves, UnitRepository units, AudienceScope scope,
            GuardianDirectory guardians, ReplySender sender, MessageComposer composer, ReplySettings settings,
            AuditTrail audit, Clock clock, TransactionTemplate tx) {
        return new LeaveRequests(leaves, units, scope, guardians, sender, composer, settings.signature(), audit,
                clock, tx);
    }

    @Bean
    AbsenceService absenceService(AbsenceRepository absences, ReplyRepository replies, NamedParameterJdbcTemplate jdbc,
            UnitRepository units, AudienceScope scope, StaffAccountRepository staff, GuardianDirectory guardians,
            ReplySender sender, MessageComposer composer, JiaxiaoProperties properties, AuditTrail audit, Clock clock,
            TransactionTemplate tx) {
        return new AbsenceService(absences, replies, jdbc, units, scope, staff, guardians, sender, composer,
                properties.getSignature(), audit, clock, tx);
    }

    @Bean
    Confirmations confirmations(ReplyRepository replies, NoticeRepository notices, GuardianDirectory guardians,
            UnitRepository units, ReplySender sender, MessageComposer composer, AuditTrail audit,
            JiaxiaoProperties properties, TransactionTemplate tx) {
        return new Confirmations(replies, notices, guardians, units, sender, composer, audit,
                properties.getSignature(), properties.getTimeZone(), tx);
    }

    @Bean
    @ConditionalOnProperty(prefix = "jiaxiao.replies", name = "enabled", matchIfMissing = true)
    ReplyRoutes replyRoutes(ReplyRouter router, AbsenceService absences, JiaxiaoProperties properties) {
        return new ReplyRoutes(router, absences, properties.getScheduler().getPeriod(),
                properties.getReplies().getAbsenceEscalateAfter());
    }
}
