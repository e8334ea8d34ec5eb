package cn.jiaxiao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.ChannelsGatewayTest;
import cn.jiaxiao.app.support.ClassRoster;
import cn.jiaxiao.routes.push.PushSubscriptionRepository;
import cn.jiaxiao.routes.push.UserAgent;
import cn.jiaxiao.routes.push.VapidKeys;
import cn.jiaxiao.routes.push.WebPushTestServer;
import cn.jiaxiao.smsc.ReceivedMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 7 as a new user would try it: a notice to 7-1 on SMS, e-mail and app push reaches each guardian on each
 * channel he can be reached by, greeted through his own children; with fallback, SMS goes only to those whose
 * push was not delivered.
 */
class MultiChannelTest extends ChannelsGatewayTest {

    private static final String CLASS_71 = "{\"classes\":[\"7-1\"]}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebPushTestServer pushService;
    private static UserAgent browser;

    @Autowired
    PushSubscriptionRepository subscriptions;
    @Autowired
    VapidKeys vapid;

    record Guardian(long id, String mobile, String email, String salutation) {
    }

    @BeforeAll
    static void browsers() throws Exception {
        browser = UserAgent.generate();
    }

    @AfterAll
    static void stop() {
        if (pushService != null) {
            pushService.close();
        }
    }

    @Test
    void aNoticeOnEveryChannelReachesEachGuardianOnEachWithHisOwnGreeting() throws Exception {
        List<Guardian> guardians = guardiansOf71();
        List<Guardian> withBrowser = guardians.stream().filter(g -> g.email() != null).limit(3).toList();
        WebPushTestServer service = pushService();
        withBrowser.forEach(g -> subscriptions.register(g.id(), service.subscribe("all-" + g.id(), browser),
                "测试浏览器"));
        String body = "本周五下午三点在七年级1班教室召开家长会，请准时参加。" + code();
        long id = approved("家长会通知", body, "[\"SMS\",\"EMAIL\",\"PUSH\"]", false);
        JsonNode done = awaitSent(id);

        Map<String, String> smsTexts = ClassRoster.smsTexts(jdbc, cipher, "7-1", body);
        for (Guardian guardian : guardians) {
            List<ReceivedMessage> sms = smsc.received().stream()
                    .filter(m -> m.destination().equals(guardian.mobile()) && m.text().contains(body)).toList();
            assertThat(sms).as("one SMS for %s", guardian.salutation()).singleElement()
                    .satisfies(m -> assertThat(m.text()).isEqualTo(smsTexts.get(guardian.mobile())));
            if (guardian.email() != null) {
                List<MimeMessage> mails = mailsWith(guardian.email(), body);
                assertThat(mails).as("one e-mail for %s", guardian.salutation()).hasSize(1);
                MimeMessage mail = mails.get(0);
                assertThat(mail.getSubject()).isEqualTo("【示范中学】家长会通知");
                String text = (String) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
                assertThat(text).startsWith(guardian.salutation() + "：").contains(body);
                String html = (String) ((Multipart) mail.getContent()).getBodyPart(1).getContent();
                assertThat(html).contains("<h2", "家长会通知", guardian.salutation());
            }
        }
        for (Guardian guardian : withBrowser) {
            List<JsonNode> pushes = pushesTo("all-" + guardian.id(), body);
            assertThat(pushes).as("one push for %s", guardian.salutation()).singleElement().satisfies(push -> {
                assertThat(push.get("title").asText()).isEqualTo("家长会通知");
                assertThat(push.get("body").asText()).isEqualTo(guardian.salutation() + "您好：" + body);
                assertThat(push.get("data").get("noticeId").asText()).isEqualTo(String.valueOf(id));
            });
        }
        JsonNode byChannel = done.get("stats").get("byChannel");
        assertThat(byChannel.get("SMS").get("recipients").asInt()).isEqualTo(smsTexts.size());
        assertThat(byChannel.get("EMAIL").get("recipients").asInt())
                .isEqualTo((int) guardians.stream().filter(g -> g.email() != null).count());
        assertThat(byChannel.get("PUSH").get("recipients").asInt()).isGreaterThanOrEqualTo(withBrowser.size());
        assertThat(byChannel.get("EMAIL").get("failed").asInt()).isZero();
    }

    @Test
    void withFallbackSmsGoesOnlyToThoseWhosePushWasNotDelivered() throws Exception {
        List<Guardian> guardians = guardiansOf71();
        Guardian acknowledges = guardians.get(guardians.size() - 1);
        Guardian gone = guardians.get(guardians.size() - 2);
        Guardian silent = guardians.get(guardians.size() - 3);
        long acknowledgingBrowser = subscriptions.register(acknowledges.id(),
                pushService().subscribe("fb-" + acknowledges.id(), browser), "测试浏览器");
        subscriptions.register(silent.id(), pushService().subscribe("fb-" + silent.id(), browser), "测试浏览器");
        // the browser of "gone" was uninstalled: the push service no longer knows its subscription (404)
        subscriptions.register(gone.id(), browser.subscription(pushService().origin() + "/push/gone-" + gone.id()),
                "卸载了的浏览器");
        String body = "下周一升旗仪式，请穿校服。" + code();
        long id = approved("升旗仪式", body, "[\"SMS\",\"PUSH\"]", true);

        await().atMost(Duration.ofSeconds(30)).until(() -> !pushesTo("fb-" + acknowledges.id(), body).isEmpty());
        long ackedMessage = jdbc.queryForObject("""
                select id from outbound_message where notice_id = :n and channel = 'PUSH' and target_id = :s""",
                Map.of("n", id, "s", acknowledgingBrowser), Long.class);
        Api.Response ack = new Api(port).post(null, "/api/push/ack", "{\"messageId\":" + ackedMessage
                + ",\"endpoint\":\"" + pushService().origin() + "/push/fb-" + acknowledges.id() + "\"}");
        assertThat(ack.status()).isEqualTo(200);
        // the uninstalled browser's push failed: the notice ends partially failed, its guardian reached by SMS
        JsonNode done = awaitFinished(id, "PARTIALLY_FAILED");
        assertThat(done.get("stats").get("byChannel").get("PUSH").get("failed").asInt()).isOne();

        for (Guardian guardian : guardians) {
            long sms = smsc.received().stream()
                    .filter(m -> m.destination().equals(guardian.mobile()) && m.text().contains(body)).count();
            if (guardian.equals(acknowledges)) {
                assertThat(sms).as("push delivered: no SMS").isZero();
            } else {
                assertThat(sms).as("SMS for %s", guardian.salutation()).isOne();
            }
        }
        assertThat(jdbc.queryForObject("""
                select count(*) from outbound_message where notice_id = :n and channel = 'SMS'
                and fallback_of is not null""", Map.of("n", id), Integer.class))
                .as("the SMS of the three with a browser waited for their push").isGreaterThanOrEqualTo(2);
    }

    private long approved(String title, String body, String channels, boolean fallback) {
        Api api = new Api(port);
        String notice = "{\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"audience\":" + CLASS_71
                + ",\"channels\":" + channels + ",\"fallback\":" + fallback + "}";
        Api.Response created = api.post("teacher71", "/api/notices", notice);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(api.post("grade7", "/api/notices/" + id + "/approve", null).status()).isEqualTo(200);
        return id;
    }

    private JsonNode awaitSent(long id) {
        return awaitFinished(id, "SENT");
    }

    private JsonNode awaitFinished(long id, String... statuses) {
        Api api = new Api(port);
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> api.get("teacher71", "/api/notices/" + id).json(),
                        n -> List.of(statuses).contains(n.get("status").asText()));
    }

    private List<Guardian> guardiansOf71() {
        Map<String, String> texts = ClassRoster.smsTexts(jdbc, cipher, "7-1", "");
        List<Guardian> guardians = new ArrayList<>();
        jdbc.query("""
                select distinct g.id, g.mobile_enc, g.email_enc from guardian g
                join guardian_student gs on gs.guardian_id = g.id join student s on s.id = gs.student_id
                join unit c on c.id = s.class_id where c.code = '7-1' order by g.id""", Map.of(), rs -> {
                    String mobile = cipher.decrypt(rs.getBytes("mobile_enc")).substring(3);
                    String greeting = texts.get(mobile);
                    guardians.add(new Guardian(rs.getLong("id"), mobile, cipher.decrypt(rs.getBytes("email_enc")),
                            greeting.substring("【示范中学】".length(), greeting.indexOf("您好："))));
                });
        return guardians;
    }

    private List<MimeMessage> mailsWith(String address, String body) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage mail : MAIL.receivedBy(address)) {
            String text = (String) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
            if (text.contains(body)) {
                found.add(mail);
            }
        }
        return found;
    }

    private List<JsonNode> pushesTo(String subscription, String body) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (WebPushTestServer.Received push : pushService().received) {
            if (push.path().equals("/push/" + subscription) && push.plaintext() != null
                    && push.plaintext().contains(body)) {
                found.add(JSON.readTree(push.plaintext()));
            }
        }
        return found;
    }

    private WebPushTestServer pushService() {
        if (pushService == null) {
            try {
                pushService = new WebPushTestServer(vapid.publicKeyBase64Url(), Clock.systemUTC());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return pushService;
    }

    private static String code() {
        return "编号" + Long.toString(System.nanoTime() % 100_000_000, 36);
    }
}
