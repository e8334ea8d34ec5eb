package cn.jiaxiao.app.support;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP and IMAP server (GreenMail) on 127.0.0.1, free ports: the gateway sends its e-mail to it and polls
 * its bounce mailbox. Start it in a static field and hand {@link #register} the test's property registry:
 * <pre>
 * static final TestMailServer MAIL = TestMailServer.start();
 * &#64;DynamicPropertySource static void mail(DynamicPropertyRegistry r) { MAIL.register(r); }
 * </pre>
 */
public final class TestMailServer implements AutoCloseable {

    public static final String BOUNCE_LOGIN = "bounces";
    public static final String BOUNCE_PASSWORD = "bounce-s3cret";

    private final GreenMail greenMail;
    private final GreenMailUser bounceMailbox;

    private TestMailServer() {
        greenMail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)}));
        greenMail.start();
        bounceMailbox = greenMail.setUser("bounces@school.example", BOUNCE_LOGIN, BOUNCE_PASSWORD);
    }

    public static TestMailServer start() {
        return new TestMailServer();
    }

    /** {@code spring.mail.*} to this server, and its bounce mailbox polled every 300 ms. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", this::smtpPort);
        registry.add("jiaxiao.email.from", () -> "noreply@school.example");
        registry.add("jiaxiao.email.bounces.host", () -> "127.0.0.1");
        registry.add("jiaxiao.email.bounces.port", this::imapPort);
        registry.add("jiaxiao.email.bounces.protocol", () -> "imap");
        registry.add("jiaxiao.email.bounces.username", () -> BOUNCE_LOGIN);
        registry.add("jiaxiao.email.bounces.password", () -> BOUNCE_PASSWORD);
        registry.add("jiaxiao.email.bounces.poll-interval", () -> "300ms");
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Every message the server has received, in order. */
    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** The messages sent to {@code address}. */
    public List<MimeMessage> receivedBy(String address) {
        return received().stream().filter(m -> {
            try {
                return m.getAllRecipients() != null
                        && Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** Puts a mail (a bounce, a reply) into the mailbox the gateway polls for bounces. */
    public void deliverToBounceMailbox(MimeMessage mail) {
        bounceMailbox.deliver(mail);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
