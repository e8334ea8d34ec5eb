package cn.jiaxiao.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.GatewayTest;
import cn.jiaxiao.app.support.RawHttp;
import cn.jiaxiao.routes.audit.AuditTrail;
import cn.jiaxiao.routes.retention.ArchiveRetention;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Health, metrics, masked logs and the archive retention, on the shared embedded gateway. */
@ExtendWith(OutputCaptureExtension.class)
class OpsTest extends GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A mainland mobile number, not inside a longer run of digits. */
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    @Autowired
    GatewayMetrics metrics;
    @Autowired
    ArchiveRetention retention;
    @Autowired
    AuditTrail audit;
    @Autowired
    LoggingSystem logging;

    @Test
    void healthShowsTheDatabaseTheBrokerAndEachSmppConnection() throws Exception {
        RawHttp http = new RawHttp(port);
        RawHttp.Answer anonymous = http.get(null, "/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(JSON.readTree(anonymous.body()).path("status").asText()).isEqualTo("UP");

        JsonNode health = JSON.readTree(http.get("principal", "/actuator/health").body());
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("jms").path("status").asText()).isEqualTo("UP");
        JsonNode simulator = health.path("components").path("smpp").path("components").path("simulator");
        assertThat(simulator.path("status").asText()).as(health.toString()).isEqualTo("UP");
        assertThat(simulator.path("details").path("boundSubmitting").asInt()).isPositive();
        assertThat(simulator.path("details").has("window")).isTrue();
        assertThat(simulator.path("details").has("inFlight")).isTrue();

        RawHttp.Answer carriers = http.get("principal", "/actuator/health/carriers");
        assertThat(carriers.status()).as(carriers.body()).isEqualTo(200);
        assertThat(JSON.readTree(carriers.body()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusExposesMessagePathMetrics() {
        metrics.refresh();
        RawHttp http = new RawHttp(port);
        assertThat(http.get(null, "/actuator/prometheus").status()).isEqualTo(401);
        RawHttp.Answer scrape = http.get("principal", "/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        assertThat(scrape.body())
                .contains("jiaxiao_smpp_sessions_bound{")
                .contains("jiaxiao_smpp_submitted_total{")
                .contains("jiaxiao_smpp_tps{")
                .contains("jiaxiao_queue_depth{")
                .contains("queue=\"sms.outbound\"")
                .contains("jiaxiao_messages_send_latency_seconds{")
                .contains("http_server_requests_seconds");
    }

    @Test
    void aWholeNoticeRunLogsNoFullMobileNumber(CapturedOutput output) {
        LogLevel root = level("ROOT");
        LogLevel ours = level("cn.jiaxiao");
        try {
            logging.setLogLevel("ROOT", LogLevel.INFO);
            logging.setLogLevel("cn.jiaxiao", LogLevel.DEBUG);
            // the simulator stands for the carrier, not the gateway: it may log what a carrier sees
            logging.setLogLevel("cn.jiaxiao.smsc", LogLevel.WARN);
            int from = output.length();
            long id = sendToClass71(marker());
            await().atMost(Duration.ofSeconds(60)).until(() -> status(id).equals("SENT"));
            String logged = output.toString().substring(from);
            assertThat(logged).as("the run was logged").isNotBlank();
            Matcher m = MOBILE.matcher(logged);
            assertThat(m.find()).as("a full mobile number in the log: %s", m.find(0) ? context(logged, m.start()) : "")
                    .isFalse();
        } finally {
            logging.setLogLevel("ROOT", root);
            logging.setLogLevel("cn.jiaxiao", ours);
            logging.setLogLevel("cn.jiaxiao.smsc", null);
        }
    }

    @Test
    void retentionDeletesOldMessageRowsButKeepsTheNoticeAndAVerifiableAuditTrail() {
        long old = sendToClass71(marker());
        await().atMost(Duration.ofSeconds(60)).until(() -> status(old).equals("SENT"));
        long recent = sendToClass71(marker());
        await().atMost(Duration.ofSeconds(60)).until(() -> status(recent).equals("SENT"));
        int messages = messages(old);
        assertThat(messages).isPositive();
        jdbc.update("update notice set finished_at = now() - interval '3 years 1 day' where id = :id",
                Map.of("id", old));

        ArchiveRetention.Result result = retention.purge();

        assertThat(result.notices()).isGreaterThanOrEqualTo(1);
        assertThat(messages(old)).isZero();
        assertThat(messages(recent)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from sms_part p where not exists "
                + "(select 1 from outbound_message m where m.id = p.message_id)", Map.of(), Integer.class)).isZero();
        Api.Response notice = api.get("teacher71", "/api/notices/" + old);
        assertThat(notice.status()).isEqualTo(200);
        assertThat(notice.json().path("title").asText()).isEqualTo("测试通知");
        assertThat(audit.forNotice(old)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(ArchiveRetention.AUDIT_ACTION);
            assertThat(e.comment()).contains(String.valueOf(messages));
        });
        assertThat(audit.verify().intact()).isTrue();
        assertThat(retention.purge().notices()).as("nothing twice").isZero();
    }

    private long sendToClass71(String marker) {
        Api.Response created = api.post("teacher71", "/api/notices",
                Api.notice("测试通知", "请各位家长注意查收。" + marker, "{\"classes\":[\"7-1\"]}"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(api.post("grade7", "/api/notices/" + id + "/approve", null).status()).isEqualTo(200);
        return id;
    }

    private String status(long id) {
        return api.get("teacher71", "/api/notices/" + id).json().path("status").asText();
    }

    private int messages(long id) {
        return jdbc.queryForObject("select count(*) from outbound_message where notice_id = :id", Map.of("id", id),
                Integer.class);
    }

    private LogLevel level(String logger) {
        var configuration = logging.getLoggerConfiguration(logger);
        return configuration == null ? null : configuration.getConfiguredLevel();
    }

    private static String context(String text, int at) {
        return text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 40));
    }
}
