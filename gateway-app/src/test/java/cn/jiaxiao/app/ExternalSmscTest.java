package cn.jiaxiao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.TestDataDir;
import cn.jiaxiao.smsc.SimulatorConfig;
import cn.jiaxiao.smsc.SmscSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An SMSC of one's own, on 127.0.0.1, replaces the in-process simulator by configuration alone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExternalSmscTest {

    private static final Path DATA = TestDataDir.create("external-smsc");
    private static final SmscSimulator CARRIER = startCarrier();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("jiaxiao.data-dir", DATA::toString);
        registry.add("jiaxiao.quiet-hours.enabled", () -> "false"); // whatever the hour CI runs at
        registry.add("jiaxiao.smpp.connections[0].host", () -> "127.0.0.1");
        registry.add("jiaxiao.smpp.connections[0].port", CARRIER::smppPort);
        registry.add("jiaxiao.smpp.connections[0].system-id", () -> "school01");
        registry.add("jiaxiao.smpp.connections[0].password", () -> "s3cret");
        registry.add("jiaxiao.smpp.connections[0].source-address", () -> "10690071");
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @AfterAll
    static void stopCarrier() {
        CARRIER.close();
    }

    @Test
    void noticesGoToTheConfiguredSmscWithItsCredentialsAndNoSimulatorRuns() {
        assertThat(context.getBeanProvider(SmscSimulator.class).getIfAvailable()).isNull();
        Api api = new Api(port);
        long id = api.post("teacher71", "/api/notices",
                Api.notice("通知", "明天上午八点开学典礼。", "{\"classes\":[\"7-1\"]}")).json().get("id").asLong();
        api.post("grade7", "/api/notices/" + id + "/approve", null);

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var stats = api.get("teacher71", "/api/notices/" + id).json().get("stats");
            return stats.get("recipients").asInt() > 0
                    && stats.get("delivered").asInt() == stats.get("recipients").asInt();
        });
        int recipients = api.get("teacher71", "/api/notices/" + id).json().get("stats").get("recipients").asInt();
        assertThat(CARRIER.received()).hasSize(recipients)
                .allSatisfy(sms -> {
                    assertThat(sms.systemId()).isEqualTo("school01");
                    assertThat(sms.source()).isEqualTo("10690071");
                    assertThat(sms.text()).isEqualTo("【示范中学】明天上午八点开学典礼。");
                });
    }

    private static SmscSimulator startCarrier() {
        try {
            return SmscSimulator.start(SimulatorConfig.builder().smppPort(0).httpPort(-1)
                    .systemId("school01").password("s3cret").receiptDelay(Duration.ofMillis(50)).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
