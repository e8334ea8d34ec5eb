package cn.jiaxiao.routes.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.provisioning.people.GuardianContact;
import cn.jiaxiao.provisioning.people.RosterWriter;
import cn.jiaxiao.provisioning.people.StudentRef;
import cn.jiaxiao.provisioning.testing.TestSchool;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitKind;
import cn.jiaxiao.routes.audit.AuditTrail;
import cn.jiaxiao.routes.delivery.HeldMessages;
import cn.jiaxiao.routes.delivery.NoticeCompletion;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.delivery.SendBatch;
import cn.jiaxiao.routes.delivery.SendBatches;
import cn.jiaxiao.routes.notice.Channel;
import cn.jiaxiao.routes.notice.NoticeRepository;
import cn.jiaxiao.routes.push.PushSubscriptionRepository;
import cn.jiaxiao.routes.schedule.QuietHours;
import cn.jiaxiao.templates.render.MessageRenderer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A notice's fan-out: one personalised SMS per guardian, written with the notice's move to SENDING; and what a
 * crash after that commit leaves behind is handed out again, by the release coming back or by the stale sweep.
 */
class FanOutServiceTest {

    private static final String BODY = "受暴雨影响，明天全校停课一天，请家长做好孩子的看护。";

    private static TestSchool school;
    private static TransactionTemplate tx;
    private static NoticeRepository notices;
    private static OutboundMessageRepository messages;
    private static FanOutService fanOut;
    private static List<Long> classes;

    @BeforeAll
    static void school() {
        school = new TestSchool();
        tx = new TransactionTemplate(new DataSourceTransactionManager(school.database.dataSource()));
        notices = new NoticeRepository(school.jdbc);
        messages = new OutboundMessageRepository(school.jdbc, school.cipher, Duration.ofMinutes(5));
        AuditTrail audit = new AuditTrail(school.jdbc, Clock.systemUTC());
        MessageComposer composer = new MessageComposer(MessageRenderer::new, new ChannelChoice(EnumSet.of(Channel.SMS)),
                new GuardianReach(school.jdbc, new PushSubscriptionRepository(school.jdbc, school.cipher)), "示范中学");
        fanOut = new FanOutService(notices, school.guardians, school.accounts, messages, composer,
                Duration.ofSeconds(30), audit, new NoticeCompletion(notices, audit), tx, 7);
        // More guardians than one rendering chunk, so that texts are rendered on several threads and come back in order.
        tx.executeWithoutResult(status -> {
            RosterWriter roster = new RosterWriter(school.jdbc, school.cipher);
            Unit grade = school.units.findByCode("7-1").flatMap(c -> school.units.lineage(c).stream()
                    .filter(u -> u.kind() == UnitKind.GRADE).findFirst()).orElseThrow();
            Unit large = school.units.create("9-9", "九年级9班", UnitKind.CLASS, grade);
            for (int i = 0; i < 1_200; i++) {
                long student = roster.addStudent(large, "L" + i, "学生" + i);
                long guardian = roster.addGuardian("家长" + i,
                        MobileNumber.parse("1390001" + String.format("%04d", i)).orElseThrow(), null);
                roster.link(guardian, student, "母亲");
            }
        });
        classes = school.jdbc.queryForList("select id from unit where kind = 'CLASS' order by id", Map.of(), Long.class);
    }

    @Test
    void everyGuardianGetsOneSmsNamingHisChildrenWrittenDispatchedWithTheMoveToSending() {
        long notice = approvedEmergency();

        List<SendBatch> batches = fanOut.fanOut(notice);

        List<GuardianContact> reached = fanOut.guardiansReached(classes, List.of());
        Map<Long, String> texts = new java.util.HashMap<>();
        school.jdbc.query("select guardian_id, body from outbound_message where notice_id = :n and staff_id is null",
                Map.of("n", notice), rs -> {
                    texts.put(rs.getLong("guardian_id"), rs.getString("body"));
                });
        List<GuardianContact> withMobile = reached.stream().filter(g -> g.mobile() != null).toList();
        assertThat(texts).hasSize(withMobile.size());
        for (GuardianContact guardian : withMobile) {
            assertThat(texts.get(guardian.guardianId())).isEqualTo("【示范中学】【紧急通知】" + names(guardian) + "家长您好：" + BODY);
        }
        assertThat(withMobile).as("the demo school has siblings").anyMatch(g -> g.children().size() > 1);
        assertThat(school.jdbc.queryForList("select guardian_id from outbound_message where notice_id = :n order by id",
                Map.of("n", notice), Long.class)).as("in the guardians' order")
                .containsExactlyElementsOf(withMobile.stream().map(GuardianContact::guardianId).distinct().toList());
        assertThat(notices.find(notice).orElseThrow().status().name()).isEqualTo("SENDING");
        assertThat(SendBatches.ids(batches)).containsExactlyInAnyOrderElementsOf(allIds(notice));
        assertThat(school.jdbc.queryForObject("""
                select count(*) from outbound_message m join notice n on n.id = m.notice_id
                where m.notice_id = :n and m.dispatched_at is distinct from n.sending_at""", Map.of("n", notice),
                Integer.class)).as("dispatched in the fan-out's transaction").isZero();
    }

    @Test
    void aReleaseThatComesBackBeforeTheBatchesWereQueuedHandsOutWhatIsStillQueued() {
        long notice = approvedEmergency();
        List<Long> all = SendBatches.ids(fanOut.fanOut(notice));
        // the gateway dies here: committed, nothing queued; then a sender sends a few that reached the broker
        List<Long> taken = all.subList(0, 5);
        cn.jiaxiao.routes.delivery.BatchOutcome sent = new cn.jiaxiao.routes.delivery.BatchOutcome();
        taken.forEach(id -> {
            sent.accepted(id, 1, "carrier", "smsc-" + id);
            sent.submitted(id, 1);
        });
        tx.executeWithoutResult(status -> {
            assertThat(messages.lockQueued(taken)).hasSize(5);
            messages.recordOutcome(sent);
        });

        List<Long> again = SendBatches.ids(fanOut.fanOut(notice));

        assertThat(again).containsExactlyInAnyOrderElementsOf(all.subList(5, all.size()));
        fanOut.markQueued(notice);
        assertThat(fanOut.fanOut(notice)).as("a duplicate release once all was queued").isEmpty();
    }

    @Test
    void messagesWhoseReleaseNeverCameBackAreQueuedAgainByTheStaleSweep() {
        long notice = approvedEmergency();
        List<Long> all = SendBatches.ids(fanOut.fanOut(notice));
        HeldMessages held = new HeldMessages(school.jdbc, tx, QuietHours.defaults(), Clock.systemUTC(), 100);
        List<SendBatch> queued = new ArrayList<>();

        held.requeueStale(queued::add, Duration.ofMinutes(10), 100_000);
        assertThat(SendBatches.ids(queued)).as("too young to be stale").doesNotContainAnyElementsOf(all);

        school.jdbc.update("update outbound_message set dispatched_at = dispatched_at - interval '11 minutes'"
                + " where notice_id = :n", Map.of("n", notice));
        held.requeueStale(queued::add, Duration.ofMinutes(10), 100_000);
        assertThat(SendBatches.ids(queued)).containsAll(all);
    }

    private static long approvedEmergency() {
        Long drafter = school.jdbc.queryForObject("select id from staff_account where username = 'teacher71'", Map.of(),
                Long.class);
        long id = school.jdbc.queryForObject("""
                insert into notice (title, body, kind, audience, channels, status, drafter_id, content_hash)
                values ('暴雨停课', :body, 'EMERGENCY', '{}'::jsonb, 'SMS', 'APPROVED', :d, repeat('0', 64))
                returning id""", Map.of("body", BODY, "d", drafter), Long.class);
        for (long c : classes) {
            school.jdbc.update("insert into notice_class (notice_id, class_id) values (:n, :c)", Map.of("n", id, "c", c));
        }
        return id;
    }

    private static List<Long> allIds(long notice) {
        return school.jdbc.queryForList("select id from outbound_message where notice_id = :n", Map.of("n", notice),
                Long.class);
    }

    private static String names(GuardianContact guardian) {
        return guardian.children().stream().map(StudentRef::name).collect(Collectors.toCollection(LinkedHashSet::new))
                .stream().collect(Collectors.joining("、"));
    }
}
