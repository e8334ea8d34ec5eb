package cn.jiaxiao.smsc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.jsmpp.bean.DeliverSm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControlServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static SmscSimulator sim;

    @BeforeAll
    static void start() throws Exception {
        sim = SmscSimulator.start(SimulatorConfig.builder().smppPort(0).httpPort(0).receiptsEnabled(false).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clear() {
        sim.clear();
        sim.update(b -> b.throttleTps(0).receiptState("DELIVRD"));
    }

    private static HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sim.httpPort() + path))
                .timeout(Duration.ofSeconds(5));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getMessagesListsWhatWasSubmittedAndFiltersByDestination() throws Exception {
        try (TestEsme esme = TestEsme.trx(sim.smppPort())) {
            String id = esme.submit("1069000", "13800001234", "你好".getBytes(StandardCharsets.UTF_16BE), 8, 0, 1);
            esme.submit("1069000", "13800009999", "x".getBytes(StandardCharsets.US_ASCII), 0, 0, 0);
            HttpResponse<String> all = call("GET", "/messages", null);
            assertThat(all.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(all.body())).hasSize(2);

            HttpResponse<String> one = call("GET", "/messages?destination=" + URLEncoder.encode("13800001234",
                    StandardCharsets.UTF_8), null);
            JsonNode arr = JSON.readTree(one.body());
            assertThat(arr).hasSize(1);
            JsonNode m = arr.get(0);
            assertThat(m.get("text").asText()).isEqualTo("你好");
            assertThat(m.get("systemId").asText()).isEqualTo("school1");
            assertThat(m.get("dataCoding").asInt()).isEqualTo(8);
            assertThat(m.get("messageIds").get(0).asText()).isEqualTo(id);
            assertThat(Instant.parse(m.get("receivedAt").asText())).isBeforeOrEqualTo(Instant.now());

            JsonNode stats = JSON.readTree(call("GET", "/stats", null).body());
            assertThat(stats.get("submitCount").asLong()).isEqualTo(2);
            assertThat(stats.get("boundSessions").asInt()).isEqualTo(1);
            assertThat(stats.get("received").asInt()).isEqualTo(2);

            assertThat(call("DELETE", "/messages", null).statusCode()).isEqualTo(204);
            assertThat(sim.received()).isEmpty();
        }
    }

    @Test
    void postMoDeliversToTheBoundReceiverOr409WithoutOne() throws Exception {
        HttpResponse<String> none = call("POST", "/mo",
                "{\"source\": \"13800001234\", \"destination\": \"1069000\", \"text\": \"1\"}");
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(none.body()).get("error").asText()).isNotBlank();
        try (TestEsme esme = TestEsme.trx(sim.smppPort())) {
            HttpResponse<String> ok = call("POST", "/mo",
                    "{\"source\": \"13800001234\", \"destination\": \"1069000\", \"text\": \"1\"}");
            assertThat(ok.statusCode()).isEqualTo(202);
            DeliverSm d = esme.awaitDeliver(Duration.ofSeconds(5));
            assertThat(new String(d.getShortMessage(), StandardCharsets.US_ASCII)).isEqualTo("1");
        }
    }

    @Test
    void badInputIs400WithJsonErrorNeverAStackTrace() throws Exception {
        for (String[] req : new String[][] {
                {"POST", "/mo", "{not json"},
                {"POST", "/mo", "[1,2]"},
                {"POST", "/mo", "{\"source\": \"13800001234\"}"},
                {"POST", "/config", "{\"throttleTps\": -1}"},
                {"POST", "/config", "{\"receiptState\": \"NOPE\"}"},
                {"POST", "/config", "{\"unknown\": 1}"},
                {"POST", "/outage", null}}) {
            HttpResponse<String> r = call(req[0], req[1], req[2]);
            assertThat(r.statusCode()).as(String.join(" ", req[0], req[1], String.valueOf(req[2]))).isEqualTo(400);
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(JSON.readTree(r.body()).get("error").asText()).isNotBlank();
        }
    }

    @Test
    void postConfigChangesBehaviour() throws Exception {
        HttpResponse<String> r = call("POST", "/config",
                "{\"throttleTps\": 50, \"receiptState\": \"UNDELIV\", \"messageIdFormat\": \"DECIMAL\"}");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(sim.config().throttleTps()).isEqualTo(50);
        assertThat(sim.config().receiptState()).isEqualTo("UNDELIV");
        assertThat(sim.config().messageIdFormat()).isEqualTo(MessageIdFormat.DECIMAL);
        sim.update(b -> b.messageIdFormat(MessageIdFormat.HEX_LOWER));
    }

    @Test
    void dropAndOutageEndpoints() throws Exception {
        try (TestEsme esme = TestEsme.trx(sim.smppPort())) {
            assertThat(call("POST", "/outage?refuse=true", null).statusCode()).isEqualTo(204);
            assertThat(call("POST", "/drop", null).statusCode()).isEqualTo(204);
            Await.until(() -> !esme.session.getSessionState().isBound(), Duration.ofSeconds(5), "session drop");
            assertThat(sim.boundSessions()).isZero();
        } finally {
            assertThat(call("POST", "/outage?refuse=false", null).statusCode()).isEqualTo(204);
        }
    }
}
