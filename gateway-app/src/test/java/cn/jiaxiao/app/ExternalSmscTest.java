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
        // a transmitter for submits and a receiver for the receipts, as some carriers require
        registry.add("jiaxiao.smpp.connections[0].bind-type", () -> "transmitter-receiver");
        registry.add("jiaxiao.smpp.connections[0].binds", () -> "2");
        registry.add("jiaxiao.smpp.connections[0].prefixes", () -> "138");
        registry.add("jiaxiao.smpp.connections[0].concatenation", () -> "sar");
        // a second carrier account for 139 numbers (the staff's), taking long texts in message_payload
        registry.add("jiaxiao.smpp.connections[1].name", () -> "carrier-b");
        registry.add("jiaxiao.smpp.connections[1].port", CARRIER::smppPort);
        registry.add("jiaxiao.smpp.connections[1].system-id", () -> "school01");
        registry.add("jiaxiao.smpp.connections[1].password", () -> "s3cret");
        registry.add("jiaxiao.smpp.connections[1].prefixes", () -> "139");
        registry.add("jiaxiao.smpp.connections[1].concatenation", () -> "payload");
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
        await().atMost(Duration.ofSeconds(10)).until(() -> CARRIER.boundSessions() == 5);
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
        assertThat(CARRIER.received()).filteredOn(sms -> sms.text().contains("开学典礼")).hasSize(recipients)
                .allSatisfy(sms -> {
                    assertThat(sms.systemId()).isEqualTo("school01");
                    assertThat(sms.source()).isEqualTo("10690071");
                    assertThat(sms.text()).startsWith("【示范中学】").endsWith("家长您好：明天上午八点开学典礼。");
                });
    }

    @Test
    void longTextsArriveWholeOverSarAndOverMessagePayloadByPrefix() {
        Api api = new Api(port);
        String body = "各位老师、家长：" + "下周一起实行冬季作息时间，早上七点五十分到校，下午四点四十分放学，请相互转告。".repeat(3);
        long toParents = api.post("teacher71", "/api/notices",
                Api.notice("冬季作息", body, "{\"classes\":[\"7-1\"]}")).json().get("id").asLong();
        api.post("grade7", "/api/notices/" + toParents + "/approve", null);
        long toStaff = api.post("teacher71", "/api/notices",
                Api.notice("冬季作息", body, "{\"allTeachers\":true}")).json().get("id").asLong();
        api.post("grade7", "/api/notices/" + toStaff + "/approve", null);
        for (long id : new long[] {toParents, toStaff}) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                var stats = api.get("teacher71", "/api/notices/" + id).json().get("stats");
                return stats.get("recipients").asInt() > 0
                        && stats.get("delivered").asInt() == stats.get("recipients").asInt();
            });
        }
        var longOnes = CARRIER.received().stream().filter(m -> m.text().startsWith("【示范中学】")
                && m.text().endsWith("您好：" + body)).toList();
        assertThat(longOnes).filteredOn(m -> m.destination().startsWith("138"))
                .isNotEmpty().allSatisfy(m -> assertThat(m.parts()).isEqualTo((m.text().length() + 66) / 67));
        assertThat(longOnes).filteredOn(m -> m.destination().startsWith("139"))
                .isNotEmpty().allSatisfy(m -> assertThat(m.parts()).as("one submit with message_payload").isOne());
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
