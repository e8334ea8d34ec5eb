package cn.jiaxiao.app.support;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway with every channel on: SMTP to a GreenMail server, app push, SMS to the in-process simulator.
 * One application context for every test class that extends this; quiet hours off, fallback after 10 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ChannelsGatewayTest {

    private static final Path DATA = TestDataDir.create("channels");
    protected static final TestMailServer MAIL = TestMailServer.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("jiaxiao.data-dir", DATA::toString);
        registry.add("jiaxiao.simulator.http-port", () -> "0");
        registry.add("jiaxiao.simulator.receipt-delay", () -> "50ms");
        registry.add("jiaxiao.scheduler.period", () -> "500ms");
        registry.add("jiaxiao.quiet-hours.enabled", () -> "false");
        registry.add("jiaxiao.fallback.after", () -> "10s");
        MAIL.register(registry);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected cn.jiaxiao.smsc.SmscSimulator smsc;
    @Autowired
    protected org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc;
    @Autowired
    protected cn.jiaxiao.provisioning.contact.ContactCipher cipher;
}
