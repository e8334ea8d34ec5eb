package cn.jiaxiao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.TestDataDir;
import cn.jiaxiao.smsc.ReceivedMessage;
import cn.jiaxiao.smsc.SimulatorConfig;
import cn.jiaxiao.smsc.SmscSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded defaults keep their data under {@code jiaxiao.data-dir}: a notice approved while the carrier
 * was unreachable is still there after a restart, its messages still queued in Artemis, and each goes
 * out exactly once when the carrier comes back.
 */
class RestartTest {

    private final Path data = TestDataDir.create("restart");

    @Test
    void queuedMessagesSurviveARestartAndAreSentExactlyOnce() throws Exception {
        try (SmscSimulator carrier = SmscSimulator.start(SimulatorConfig.builder().smppPort(0).httpPort(-1)
                .receiptDelay(Duration.ofMillis(50)).build())) {
            carrier.setRefuseBinds(true);
            long id;
            int recipients;
            try (ConfigurableApplicationContext first = start(carrier)) {
                Api api = api(first);
                id = api.post("teacher71", "/api/notices",
                        Api.notice("停水通知", "明天上午学校停水，请给孩子带好饮用水。", "{\"classes\":[\"7-1\"]}"))
                        .json().get("id").asLong();
                api.post("grade7", "/api/notices/" + id + "/approve", null);
                JsonNode sending = await().atMost(Duration.ofSeconds(30))
                        .until(() -> api.get("teacher71", "/api/notices/" + id).json(),
                                n -> n.get("status").asText().equals("SENDING"));
                recipients = sending.get("stats").get("recipients").asInt();
                assertThat(sending.get("stats").get("queued").asInt()).isEqualTo(recipients);
            }
            assertThat(carrier.submitCount()).isZero();

            carrier.setRefuseBinds(false);
            try (ConfigurableApplicationContext second = start(carrier)) {
                Api api = api(second);
                JsonNode done = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                        .until(() -> api.get("teacher71", "/api/notices/" + id).json(),
                                n -> n.get("stats").get("delivered").asInt() == recipients
                                        && n.get("status").asText().equals("SENT"));
                assertThat(done.get("stats").get("failed").asInt()).isZero();
            }
            assertThat(carrier.received()).hasSize(recipients);
            assertThat(carrier.received().stream().collect(Collectors.groupingBy(ReceivedMessage::destination)))
                    .hasSize(recipients);
        }
    }

    private ConfigurableApplicationContext start(SmscSimulator carrier) {
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--jiaxiao.data-dir=" + data,
                "--jiaxiao.quiet-hours.enabled=false", // whatever the hour CI runs at
                "--jiaxiao.smpp.connections[0].port=" + carrier.smppPort(),
                "--jiaxiao.smpp.connections[0].reconnect-initial=200ms",
                "--jiaxiao.smpp.connections[0].reconnect-max=1s");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
