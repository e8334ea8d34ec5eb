package cn.jiaxiao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.ClassRoster;
import cn.jiaxiao.app.support.GatewayTest;
import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.routes.delivery.ReceiptExpiry;
import cn.jiaxiao.routes.smpp.InboundSms;
import cn.jiaxiao.routes.smpp.MoPart;
import cn.jiaxiao.routes.support.Json;
import cn.jiaxiao.routes.support.Queues;
import cn.jiaxiao.smsc.MessageIdFormat;
import cn.jiaxiao.smsc.ReceiptIdFormat;
import cn.jiaxiao.smsc.SimulatorConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Receipts however the SMSC writes their ids, receipts that never come, and replies from parents that
 * arrive in several parts — through the whole gateway on the embedded defaults.
 *
 * <p>A receipt over another bind of the same account (the simulator's {@code receiptOnAnyBind}) needs a
 * connection with two binds; the in-process connection has one, so that case is proven where it is
 * decided, in routes' {@code ReceiptOnAnotherBindTest}: receipts are matched by connection name and
 * SMSC id, never by the session they came over.
 */
class ReceiptsAndRepliesTest extends GatewayTest {

    private static final String CLASS_71 = "{\"classes\":[\"7-1\"]}";
    private static final String PARENT = "13800000001";
    private static final String SERVICE_NUMBER = "1069000";

    @Autowired
    private ReceiptExpiry receiptExpiry;
    @Autowired
    private ProducerTemplate producer;

    @ParameterizedTest(name = "submit_sm_resp {0}, receipt {1}")
    @CsvSource({
            "HEX_LOWER, SAME",
            "HEX_UPPER, DECIMAL",
            "DECIMAL, HEX_UPPER",
            "HEX_LOWER, LEADING_ZEROS",
            "DECIMAL, LEADING_ZEROS",
            "HEX_UPPER, HEX_UPPER"})
    void receiptsMatchWhateverFormTheSmscWritesTheIdIn(MessageIdFormat messageIds, ReceiptIdFormat receiptIds) {
        SimulatorConfig before = smsc.config();
        smsc.update(b -> b.messageIdFormat(messageIds).receiptIdFormat(receiptIds));
        try {
            long id = submitAndApprove("回执格式", "回执格式测试：" + messageIds + "/" + receiptIds + "，请家长知悉。");
            int recipients = ClassRoster.guardianMobiles(jdbc, cipher, "7-1").size();
            JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> notice(id), n -> n.get("stats").get("delivered").asInt() == recipients);
            assertThat(done.get("stats").get("failed").asInt()).isZero();
            // the SMSC really used the form asked for
            List<String> smscIds = jdbc.queryForList("""
                    select p.smsc_id from sms_part p join outbound_message m on m.id = p.message_id
                    where m.notice_id = :id""", Map.of("id", id), String.class);
            assertThat(smscIds).hasSize(recipients).allMatch(switch (messageIds) {
                case DECIMAL -> s -> s.matches("[0-9]+");
                case HEX_LOWER -> s -> s.matches("[0-9a-f]+") && s.matches(".*[a-f].*");
                case HEX_UPPER -> s -> s.matches("[0-9A-F]+") && s.matches(".*[A-F].*");
            });
        } finally {
            smsc.update(b -> b.messageIdFormat(before.messageIdFormat()).receiptIdFormat(before.receiptIdFormat()));
        }
    }

    @Test
    void messagesWithoutReceiptsExpireUnknownAndCountAsFailed() {
        SimulatorConfig before = smsc.config();
        smsc.update(b -> b.receiptsEnabled(false));
        long id;
        int recipients = ClassRoster.guardianMobiles(jdbc, cipher, "7-1").size();
        try {
            id = submitAndApprove("无回执", "本条通知用于测试回执超时，请家长忽略。");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> notice(id), n -> n.get("stats").get("submitted").asInt() == recipients);
        } finally {
            smsc.update(b -> b.receiptsEnabled(before.receiptsEnabled()));
        }
        assertThat(receiptExpiry.expireOverdue()).as("not yet overdue").isZero();

        Duration later = receiptExpiry.timeout().plusMinutes(1);
        clock.advance(later);
        try {
            assertThat(receiptExpiry.expireOverdue()).isGreaterThanOrEqualTo(recipients);
        } finally {
            clock.advance(later.negated());
        }

        JsonNode stats = notice(id).get("stats");
        assertThat(stats.get("failed").asInt()).isEqualTo(recipients);
        assertThat(stats.get("submitted").asInt()).isZero();
        assertThat(jdbc.queryForList("select distinct state from outbound_message where notice_id = :id",
                Map.of("id", id), String.class)).containsExactly("EXPIRED_UNKNOWN");
    }

    @Test
    void aLongChineseReplyIsStoredOnceAndExactly() {
        String reply = "王老师您好，我是七年级1班张小明的家长。收到家长会通知，我们会准时参加。"
                + "另外孩子最近数学作业有些吃力，想在会后单独和您聊几分钟，不知是否方便？"
                + "如果您那天时间紧张，我们也可以另外约个时间，周末或者工作日的晚上都可以，"
                + "我们全家都非常感谢老师一直以来对孩子的耐心和关心，谢谢老师！😀";
        assertThat(reply.length()).as("needs three parts or more").isGreaterThan(2 * 67);

        smsc.injectMo(PARENT, SERVICE_NUMBER, reply);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> repliesFromParent(reply), n -> n == 1);
        Map<String, Object> row = jdbc.queryForMap("""
                select body, parts, incomplete, destination from inbound_message
                where source_hash = :hash and body = :body""",
                Map.of("hash", parentHash(), "body", reply));
        assertThat(((Number) row.get("parts")).intValue()).isGreaterThan(1);
        assertThat(row.get("incomplete")).isEqualTo(false);
        assertThat(row.get("destination")).isEqualTo(SERVICE_NUMBER);
        assertThat(fragmentsOf(reply)).as("no part stored on its own").isZero();
    }

    @Test
    void aPartDeliveredTwiceIsStoredOnce() throws Exception {
        String reply = "收到通知，谢谢老师！孩子明天会带齐材料。这条回复分成三段发送，每段都会重复到达一次，以模拟短信中心重发。";
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_16BE);
        int perPart = 40;
        int total = (bytes.length + perPart - 1) / perPart;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < total; i++) {
                MoPart part = new MoPart(0xBEEF, total, i + 1, 8,
                        Arrays.copyOfRange(bytes, i * perPart, Math.min(bytes.length, (i + 1) * perPart)));
                // onto the MO queue as the SMPP listener would put it: the same part twice
                producer.sendBody(Queues.jms(Queues.SMS_INBOUND),
                        Json.write(InboundSms.part("simulator", PARENT, SERVICE_NUMBER, part)));
            }
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> repliesFromParent(reply), n -> n == 1);
        Thread.sleep(1000); // give a duplicate every chance to show up
        assertThat(repliesFromParent(reply)).isEqualTo(1);
        assertThat(fragmentsOf(reply)).isZero();
    }

    private int repliesFromParent(String body) {
        return jdbc.queryForObject("select count(*) from inbound_message where source_hash = :hash and body = :body",
                Map.of("hash", parentHash(), "body", body), Integer.class);
    }

    /** Rows from the parent holding only a piece of {@code whole}: what a reassembly failure would leave. */
    private int fragmentsOf(String whole) {
        return jdbc.queryForList("select body from inbound_message where source_hash = :hash",
                Map.of("hash", parentHash()), String.class).stream()
                .filter(body -> !body.equals(whole) && !body.isEmpty() && whole.contains(body)).toList().size();
    }

    private byte[] parentHash() {
        return cipher.lookupHash(MobileNumber.parse(PARENT).orElseThrow().e164());
    }

    private JsonNode notice(long id) {
        return api.get("teacher71", "/api/notices/" + id).json();
    }

    private long submitAndApprove(String title, String body) {
        Api.Response created = api.post("teacher71", "/api/notices", Api.notice(title, body, CLASS_71));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(api.post("grade7", "/api/notices/" + id + "/approve", null).status()).isEqualTo(200);
        return id;
    }
}
