package cn.jiaxiao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxiao.app.support.ChannelsGatewayTest;
import cn.jiaxiao.app.support.TestMailServer;
import cn.jiaxiao.routes.delivery.NewMessage;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.email.EmailChannelStatus;
import cn.jiaxiao.routes.support.Queues;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** With spring.mail.* set, what is queued on email.outbound reaches the mail server, and bounces come back. */
class EmailChannelTest extends ChannelsGatewayTest {

    @Autowired
    EmailChannelStatus emailChannel;
    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    OutboundMessageRepository outbound;

    @Test
    void queuedEmailsAreSentOverSmtpAndABounceMakesOneUndeliverable() throws Exception {
        assertThat(emailChannel.enabled()).isTrue();
        assertThat(camel.getRoute("email-send")).isNotNull();
        assertThat(camel.getRoute("email-bounces")).isNotNull();

        long notice = notice();
        long first = queue(notice, "zhang.san@example.com");
        long second = queue(notice, "li.si@example.com");
        producer.sendBody(Queues.jms(Queues.EMAIL_OUTBOUND), first + "," + second);

        await().atMost(Duration.ofSeconds(20)).until(() -> state(first).equals("SUBMITTED")
                && state(second).equals("SUBMITTED"));
        MimeMessage received = MAIL.receivedBy("zhang.san@example.com").get(0);
        assertThat(received.getSubject()).isEqualTo("【示范中学】家长会通知");
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("示范中学");
        assertThat(received.getMessageID()).isEqualTo(providerId(first));
        assertThat(received.getHeader("List-Unsubscribe")[0]).startsWith("<mailto:unsubscribe+" + first + "@");
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("周五下午三点在7-1教室召开家长会。");
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>周五下午三点在7-1教室召开<b>家长会</b>。</p>");

        MAIL.deliverToBounceMailbox(bounce(second, providerId(second)));
        await().atMost(Duration.ofSeconds(20)).until(() -> state(second).equals("UNDELIVERABLE"));
        assertThat(jdbc.queryForObject("select error from outbound_message where id = :id", Map.of("id", second),
                String.class)).isEqualTo("bounced: 5.1.1 smtp; 550 5.1.1 User unknown");
        assertThat(state(first)).isEqualTo("SUBMITTED");
        assertThat(MAIL.receivedBy("li.si@example.com")).hasSize(1);
    }

    @Test
    void withoutAMailServerTheGatewayHasNoEmailChannelAndNoEmailRoutes() throws Exception {
        var runner = configurationAlone(new cn.jiaxiao.app.config.JiaxiaoProperties());
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            EmailChannelStatus status = context.getBean(EmailChannelStatus.class);
            assertThat(status.enabled()).isFalse();
            assertThat(status.reason()).isEqualTo("e-mail not configured: spring.mail.host is not set");
            try (var camel = new org.apache.camel.impl.DefaultCamelContext()) {
                camel.addRoutes(context.getBean(cn.jiaxiao.routes.email.EmailRoutes.class));
                assertThat(camel.getRoutes()).isEmpty();
            }
        });
        runner.withPropertyValues("spring.mail.host=127.0.0.1")
                .run(context -> assertThat(context.getBean(EmailChannelStatus.class).enabled()).isTrue());
        var off = new cn.jiaxiao.app.config.JiaxiaoProperties();
        off.getEmail().setEnabled(false);
        configurationAlone(off).withPropertyValues("spring.mail.host=127.0.0.1")
                .run(context -> assertThat(context.getBean(EmailChannelStatus.class).enabled()).isFalse());
    }

    /** EmailConfiguration with Boot's mail auto-configuration and stand-ins for the rest of the gateway. */
    private static org.springframework.boot.test.context.runner.ApplicationContextRunner configurationAlone(
            cn.jiaxiao.app.config.JiaxiaoProperties properties) throws Exception {
        Class<?> emailConfiguration = Class.forName("cn.jiaxiao.app.config.EmailConfiguration");
        javax.sql.DataSource nowhere = new org.springframework.jdbc.datasource.SimpleDriverDataSource();
        var runner = new org.springframework.boot.test.context.runner.ApplicationContextRunner()
                .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(
                        org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration.class))
                .withUserConfiguration(emailConfiguration)
                .withBean(cn.jiaxiao.app.config.JiaxiaoProperties.class, () -> properties)
                .withBean(NamedParameterJdbcTemplate.class, () -> new NamedParameterJdbcTemplate(nowhere))
                .withBean(cn.jiaxiao.provisioning.contact.ContactCipher.class,
                        () -> cn.jiaxiao.provisioning.contact.ContactCipher.fromSecret("email-test-key-0123456789"))
                .withBean(OutboundMessageRepository.class, () -> new OutboundMessageRepository(
                        new NamedParameterJdbcTemplate(nowhere),
                        cn.jiaxiao.provisioning.contact.ContactCipher.fromSecret("email-test-key-0123456789"), Duration.ofMinutes(2)))
                .withBean(org.springframework.transaction.support.TransactionTemplate.class,
                        () -> new org.springframework.transaction.support.TransactionTemplate(
                                new org.springframework.jdbc.datasource.DataSourceTransactionManager(nowhere)))
                .withBean(cn.jiaxiao.routes.delivery.ChannelMessageRepository.class,
                        () -> new cn.jiaxiao.routes.delivery.ChannelMessageRepository(
                                new NamedParameterJdbcTemplate(nowhere),
                                cn.jiaxiao.provisioning.contact.ContactCipher.fromSecret("email-test-key-0123456789"),
                                Duration.ofMinutes(2), null))
                .withBean(cn.jiaxiao.routes.delivery.HeldMessages.class,
                        () -> new cn.jiaxiao.routes.delivery.HeldMessages(new NamedParameterJdbcTemplate(nowhere),
                                null, cn.jiaxiao.routes.schedule.QuietHours.defaults(), java.time.Clock.systemUTC(), 100));
        return runner;
    }

    private long notice() {
        Long drafter = jdbc.queryForObject("select id from staff_account where username = 'teacher71'", Map.of(),
                Long.class);
        return jdbc.queryForObject("""
                insert into notice (title, body, kind, audience, channels, status, drafter_id, content_hash)
                values ('家长会通知', '正文', 'GENERAL', '{}'::jsonb, 'EMAIL', 'SENDING', :drafter, :hash)
                returning id""", Map.of("drafter", drafter, "hash", "ef".repeat(32)), Long.class);
    }

    private long queue(long notice, String address) {
        return outbound.insertAll(List.of(new NewMessage(notice, "EMAIL", null, null, address,
                address.charAt(0) + "***@example.com", "周五下午三点在7-1教室召开家长会。", 0,
                new NewMessage.ChannelContent("【示范中学】家长会通知", "<p>周五下午三点在7-1教室召开<b>家长会</b>。</p>",
                        null, null), null, null))).get(0).id();
    }

    private String state(long id) {
        return jdbc.queryForObject("select state from outbound_message where id = :id", Map.of("id", id),
                String.class);
    }

    private String providerId(long id) {
        return jdbc.queryForObject("select provider_id from outbound_message where id = :id", Map.of("id", id),
                String.class);
    }

    private static MimeMessage bounce(long id, String messageId) throws Exception {
        String raw = """
                Return-Path: <>
                From: MAILER-DAEMON@mx.example.com (Mail Delivery System)
                To: bounces+%1$d@school.example
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

                --b1
                Content-Type: text/plain; charset=us-ascii

                Your message could not be delivered.
                --b1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.com

                Final-Recipient: rfc822; li.si@example.com
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 User unknown
                --b1
                Content-Type: text/rfc822-headers

                Message-ID: %2$s
                X-Jiaxiao-Message-Id: %1$d
                --b1--
                """.formatted(id, messageId).replace("\n", "\r\n");
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }
}
