package cn.jiaxiao.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.provisioning.testing.TestSchool;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** The outbox written with COPY holds exactly the rows the batched INSERT it replaced wrote. */
class OutboxCopyTest {

    /** The statement insertAll ran before COPY, kept here as the reference. */
    private static final String BATCHED_INSERT = """
            insert into outbound_message (id, notice_id, channel, guardian_id, staff_id, recipient_enc,
                recipient_hash, recipient_masked, body, segments, state, subject, html, payload, target_id,
                not_before, fallback_of)
            values (:id, :notice, :channel, :guardian, :staff, :enc, :hash, :masked, :body, :segments, 'QUEUED',
                :subject, :html, cast(:payload as jsonb), :target, :notBefore, :fallbackOf)""";

    /** Every column the writer sets; recipient_enc differs by its random IV and is compared decrypted. */
    private static final String WRITTEN = """
            select notice_id, channel, guardian_id, staff_id, encode(recipient_hash, 'hex') as hash, recipient_masked,
                   body, segments, state, subject, html, payload::text as payload, target_id, not_before, fallback_of,
                   dispatched_at is not null as dispatched, attempts, claimed_at, concat_ref, submit_parts
            from outbound_message where id = :id""";

    private static SubmittedMessages outbox;
    private static long guardian;
    private static long staff;

    @BeforeAll
    static void school() {
        outbox = new SubmittedMessages(new TestSchool());
        guardian = outbox.school.jdbc.queryForObject("select min(id) from guardian", Map.of(), Long.class);
        staff = outbox.school.jdbc.queryForObject("select id from staff_account where username = 'teacher71'",
                Map.of(), Long.class);
    }

    @Test
    void copyWritesTheRowsTheBatchedInsertWrote() {
        List<NewMessage> messages = awkwardMessages();
        List<QueuedMessage> copied = outbox.messages.insertAll(messages);
        List<Long> inserted = insertedTheOldWay(messages);

        assertThat(copied).hasSize(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            assertThat(row(copied.get(i).id())).as("message %d", i).isEqualTo(row(inserted.get(i)));
            assertThat(recipient(copied.get(i).id())).isEqualTo(messages.get(i).address());
        }
        assertThat(copied).extracting(QueuedMessage::channel).containsExactly("SMS", "SMS", "EMAIL", "PUSH", "SMS");
        assertThat(copied.get(0).group()).isEqualTo(QueuedMessage.groupOf(outbox.school.cipher.lookupHash(
                messages.get(0).address())));
        assertThat(row(copied.get(0).id())).containsEntry("dispatched", false);
    }

    @Test
    void insertedDispatchedTheRowsDifferOnlyInTheirDispatchTime() {
        List<NewMessage> messages = awkwardMessages();
        List<QueuedMessage> dispatched = outbox.tx.execute(status -> outbox.messages.insertDispatched(messages));
        List<QueuedMessage> plain = outbox.messages.insertAll(messages);
        for (int i = 0; i < messages.size(); i++) {
            Map<String, Object> row = row(dispatched.get(i).id());
            assertThat(row).containsEntry("dispatched", true);
            row.put("dispatched", false);
            assertThat(row).isEqualTo(row(plain.get(i).id()));
        }
        Boolean now = outbox.school.jdbc.queryForObject(
                "select bool_and(dispatched_at = created_at) from outbound_message where id in (:ids)",
                Map.of("ids", dispatched.stream().map(QueuedMessage::id).toList()), Boolean.class);
        assertThat(now).as("dispatched at its transaction's now(), as created_at").isTrue();
    }

    private List<NewMessage> awkwardMessages() {
        long notice = outbox.noticeId();
        List<NewMessage> messages = new ArrayList<>();
        messages.add(new NewMessage(notice, "SMS", guardian, null, MobileNumber.parse("13800000201").orElseThrow(),
                "【示范中学】张三家长您好：明天\t停课\n请注意\\安全\r\"引号\" 'single' 😀 \\N \\.", 2));
        messages.add(new NewMessage(notice, "SMS", null, staff, MobileNumber.parse("13800000202").orElseThrow(),
                "老师您好", 1).notBefore(Instant.parse("2024-05-12T14:30:00.123456789Z")));
        messages.add(new NewMessage(notice, "EMAIL", guardian, null, "parent@example.cn", "p***@example.cn",
                "正文\n第二行", 0, new NewMessage.ChannelContent("主题\t一", "<p>a &amp; b\\c</p>\n", null, null), null,
                null));
        messages.add(new NewMessage(notice, "PUSH", guardian, null, "77", "push#77", "推送", 0,
                new NewMessage.ChannelContent("标题", null, "{\"url\": \"https://x.cn/a\\\\b\", \"n\": \"1\\n2\"}", 77L),
                null, null));
        long push = outbox.messages.insertAll(List.of(messages.get(3))).get(0).id();
        messages.add(new NewMessage(notice, "SMS", guardian, null, "+8613800000203", "138****0203", "", 0,
                NewMessage.ChannelContent.NONE, Instant.parse("2024-05-12T14:30:00.000000500Z"), push));
        return messages;
    }

    private List<Long> insertedTheOldWay(List<NewMessage> messages) {
        List<Long> ids = outbox.school.jdbc.queryForList(
                "select nextval('outbound_message_id_seq') from generate_series(1, :n)", Map.of("n", messages.size()),
                Long.class);
        MapSqlParameterSource[] rows = new MapSqlParameterSource[messages.size()];
        for (int i = 0; i < rows.length; i++) {
            NewMessage m = messages.get(i);
            rows[i] = new MapSqlParameterSource().addValue("id", ids.get(i)).addValue("notice", m.noticeId())
                    .addValue("channel", m.channel()).addValue("guardian", m.guardianId()).addValue("staff", m.staffId())
                    .addValue("enc", outbox.school.cipher.encrypt(m.address()))
                    .addValue("hash", outbox.school.cipher.lookupHash(m.address()))
                    .addValue("masked", m.masked()).addValue("body", m.body()).addValue("segments", m.segments())
                    .addValue("subject", m.content().subject()).addValue("html", m.content().html())
                    .addValue("payload", m.content().payloadJson()).addValue("target", m.content().targetId())
                    .addValue("notBefore", m.notBefore() == null ? null
                            : java.time.OffsetDateTime.ofInstant(m.notBefore(), java.time.ZoneOffset.UTC),
                            java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                    .addValue("fallbackOf", m.fallbackOf());
        }
        outbox.school.jdbc.batchUpdate(BATCHED_INSERT, rows);
        return ids;
    }

    private static Map<String, Object> row(long id) {
        return new java.util.HashMap<>(outbox.school.jdbc.queryForMap(WRITTEN, Map.of("id", id)));
    }

    private static String recipient(long id) {
        return outbox.school.cipher.decrypt(outbox.school.jdbc.queryForObject(
                "select recipient_enc from outbound_message where id = :id", Map.of("id", id), byte[].class));
    }
}
