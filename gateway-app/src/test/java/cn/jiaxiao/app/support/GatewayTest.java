package cn.jiaxiao.app.support;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.smsc.SmscSimulator;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on its embedded defaults (real PostgreSQL, Artemis, SMPP to the in-process simulator), one
 * application context shared by every test class that extends this. Tests that change accounts or grants
 * use their own accounts, or put back what they changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(GatewayTest.Clocks.class)
public abstract class GatewayTest {

    private static final Path DATA = TestDataDir.create("gateway");

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) {
        registry.add("jiaxiao.data-dir", DATA::toString);
        registry.add("jiaxiao.simulator.http-port", () -> "0");
        registry.add("jiaxiao.simulator.receipt-delay", () -> "50ms");
        registry.add("jiaxiao.scheduler.period", () -> "500ms");
        registry.add("jiaxiao.settings.reload-period", () -> "1s");
    }

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    @Autowired
    protected TestClock clock;

    @LocalServerPort
    protected int port;
    @Autowired
    protected SmscSimulator smsc;
    @Autowired
    protected NamedParameterJdbcTemplate jdbc;
    @Autowired
    protected ContactCipher cipher;
    protected Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    /**
     * Tells a test's messages apart at the shared simulator. Short and not all digits, so that the content
     * check never takes it for a phone or bank card number.
     */
    protected static String marker() {
        return "编号" + Long.toString(System.nanoTime() % 100_000_000, 36);
    }

    /** Submits a notice as {@code drafter}; the answer as it came. */
    protected Api.Response submit(String drafter, String audienceJson) {
        return api.post(drafter, "/api/notices", Api.notice("测试通知", "请各位家长注意查收。", audienceJson));
    }
}
