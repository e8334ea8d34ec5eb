package cn.jiaxiao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.ClassRoster;
import cn.jiaxiao.app.support.GatewayTest;
import cn.jiaxiao.smsc.ReceivedMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SMS leg when the carrier pushes back: throttling, a broken link. Nothing lost, nothing sent twice. */
class SmppResilienceTest extends GatewayTest {

    @AfterEach
    void carrierBackToNormal() {
        smsc.update(b -> b.throttleTps(0).submitLatency(Duration.ZERO));
        smsc.setRefuseBinds(false);
    }

    @Test
    void aThrottlingSmscSlowsTheGatewayDownWithoutLossOrDuplicates() {
        smsc.update(b -> b.throttleTps(25));
        String body = "各位家长：本周三下午放学时间调整为四点。（" + marker() + "）";
        long id = sendToClass("7-1", body);
        List<String> expected = ClassRoster.guardianMobiles(jdbc, cipher, "7-1");
        awaitDelivered(id, expected.size());
        Map<String, Long> perNumber = received(body);
        assertThat(perNumber.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(perNumber.values()).as("no duplicates").allMatch(n -> n == 1);
        JsonNode connection = api.get("principal", "/api/smpp/connections").json().get(0);
        assertThat(connection.get("throttled").asLong()).isPositive();
        assertThat(connection.get("retries").asLong()).isPositive();
    }

    @Test
    void aLinkKilledMidRunIsBoundAgainAndNothingIsLost() {
        smsc.update(b -> b.submitLatency(Duration.ofMillis(30)));
        String body = "各位家长：明天上午第三节课后举行消防演练。（" + marker() + "）";
        long id = sendToClass("7-2", body);
        await().atMost(Duration.ofSeconds(30)).until(() -> received(body).size() >= 5);
        smsc.setRefuseBinds(true);
        smsc.dropAllSessions();
        try {
            Thread.sleep(1500); // the carrier is down for a while
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        smsc.setRefuseBinds(false);
        List<String> expected = ClassRoster.guardianMobiles(jdbc, cipher, "7-2");
        awaitDelivered(id, expected.size());
        Map<String, Long> perNumber = received(body);
        assertThat(perNumber.keySet()).as("zero loss").containsExactlyInAnyOrderElementsOf(expected);
        long duplicates = perNumber.values().stream().mapToLong(n -> n - 1).sum();
        assertThat(duplicates).as("at most the in-flight window at the break").isLessThanOrEqualTo(10);
    }

    @Test
    void operatorsSeeTheConnectionsAndTheDeadLetters() {
        Api.Response connections = api.get("principal", "/api/smpp/connections");
        assertThat(connections.status()).isEqualTo(200);
        JsonNode simulator = connections.json().get(0);
        assertThat(simulator.get("name").asText()).isEqualTo("simulator");
        assertThat(simulator.get("boundSessions").asInt()).isEqualTo(1);
        assertThat(simulator.get("window").asInt()).isEqualTo(10);
        assertThat(api.get("teacher71", "/api/smpp/connections").status()).isEqualTo(403);
        Api.Response dead = api.get("principal", "/api/smpp/dead-letters");
        assertThat(dead.status()).isEqualTo(200);
        assertThat(dead.json().isArray()).isTrue();
    }

    private long sendToClass(String classCode, String body) {
        String teacher = classCode.equals("7-1") ? "teacher71" : "teacher72";
        long id = api.post(teacher, "/api/notices", Api.notice("通知", body, "{\"classes\":[\"" + classCode + "\"]}"))
                .json().get("id").asLong();
        assertThat(api.post("grade7", "/api/notices/" + id + "/approve", null).status()).isEqualTo(200);
        return id;
    }

    private void awaitDelivered(long id, int recipients) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> api.get("grade7", "/api/notices/" + id).json(),
                        n -> n.get("stats").get("delivered").asInt() == recipients
                                && n.get("status").asText().equals("SENT"));
    }

    private Map<String, Long> received(String body) {
        return smsc.received().stream().filter(m -> m.text().endsWith(body))
                .collect(Collectors.groupingBy(ReceivedMessage::destination, Collectors.counting()));
    }
}
