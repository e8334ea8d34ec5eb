package cn.jiaxiao.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.provisioning.testing.TestSchool;
import cn.jiaxiao.routes.schedule.QuietHours;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Quiet hours hold what is under way; when the window opens it goes out; emergencies never wait. */
class HeldMessagesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static SubmittedMessages outbox;

    @BeforeAll
    static void school() {
        outbox = new SubmittedMessages(new TestSchool());
    }

    @Test
    void quietHoursHoldAGeneralNoticesMessagesUntilSevenButNotAnEmergencys() {
        long general = queued(outbox.noticeId(), "13800000011");
        long emergency = queued(emergencyNotice(), "13800000012");
        Instant night = at(22, 30);
        HeldMessages held = held(night);

        held.holdIfQuiet(List.of(general, emergency));

        assertThat(outbox.messages.lockQueued(List.of(general, emergency))).extracting(ClaimedMessage::id)
                .containsExactly(emergency);
        List<SendBatch> queued = new ArrayList<>();
        assertThat(held(at(6, 59).plusSeconds(86_400)).releaseDue(queued::add, 100)).isZero();
        Instant seven = ZonedDateTime.of(ZonedDateTime.ofInstant(night, SHANGHAI).toLocalDate().plusDays(1),
                java.time.LocalTime.of(7, 0), SHANGHAI).toInstant();
        assertThat(held(seven).releaseDue(queued::add, 100)).isEqualTo(1);
        assertThat(queued).singleElement().satisfies(batch -> {
            assertThat(batch.ids()).containsExactly(general);
            assertThat(batch.queue()).isEqualTo("sms.outbound");
        });
        assertThat(held(seven).releaseDue(queued::add, 100)).as("queued once").isZero();
        assertThat(outbox.messages.lockQueued(List.of(general))).extracting(ClaimedMessage::id).containsExactly(general);
    }

    @Test
    void aMessageInsertedToWaitIsQueuedWhenItsTimeComes() {
        Instant ten = at(10, 0);
        long waiting = outbox.messages.insertAll(List.of(new NewMessage(outbox.noticeId(), "SMS", null, null,
                MobileNumber.parse("13800000014").orElseThrow(), "正文", 1).notBefore(ten.plusSeconds(60)))).get(0).id();
        assertThat(outbox.messages.lockQueued(List.of(waiting))).as("held until released").isEmpty();
        List<SendBatch> queued = new ArrayList<>();
        held(ten).releaseDue(queued::add, 100);
        assertThat(queued).noneMatch(batch -> batch.ids().contains(waiting));
        held(ten.plusSeconds(61)).releaseDue(queued::add, 100);
        assertThat(queued).anyMatch(batch -> batch.ids().contains(waiting));
        assertThat(outbox.messages.lockQueued(List.of(waiting))).hasSize(1);
    }

    @Test
    void aMessageNoSenderTookForLongIsQueuedAgainOnce() {
        long lost = queued(outbox.noticeId(), "13800000015");
        outbox.school.jdbc.update("update outbound_message set dispatched_at = now() - interval '20 minutes' where id = :id",
                Map.of("id", lost));
        List<SendBatch> queued = new ArrayList<>();
        held(at(10, 0)).requeueStale(queued::add, java.time.Duration.ofMinutes(10), 1000);
        assertThat(queued).anyMatch(batch -> batch.ids().contains(lost));
        queued.clear();
        held(at(10, 0)).requeueStale(queued::add, java.time.Duration.ofMinutes(10), 1000);
        assertThat(queued).noneMatch(batch -> batch.ids().contains(lost));
    }

    @Test
    void outsideQuietHoursNothingIsHeld() {
        long general = queued(outbox.noticeId(), "13800000013");
        held(at(10, 0)).holdIfQuiet(List.of(general));
        assertThat(outbox.messages.lockQueued(List.of(general))).hasSize(1);
    }

    private static HeldMessages held(Instant now) {
        return new HeldMessages(outbox.school.jdbc, outbox.tx, QuietHours.defaults(), Clock.fixed(now, SHANGHAI), 100);
    }

    private static Instant at(int hour, int minute) {
        return ZonedDateTime.of(2026, 11, 24, hour, minute, 0, 0, SHANGHAI).toInstant();
    }

    private static long queued(long noticeId, String number) {
        return outbox.messages.insertAll(List.of(new NewMessage(noticeId, "SMS", null, null,
                MobileNumber.parse(number).orElseThrow(), "正文", 1))).get(0).id();
    }

    private static long emergencyNotice() {
        return outbox.school.jdbc.queryForObject("""
                insert into notice (title, body, kind, audience, channels, status, drafter_id, content_hash)
                select '紧急', '正文', 'EMERGENCY', '{}'::jsonb, 'SMS', 'SENDING', drafter_id, content_hash
                from notice where id = :id returning id""", Map.of("id", outbox.noticeId()), Long.class);
    }
}
