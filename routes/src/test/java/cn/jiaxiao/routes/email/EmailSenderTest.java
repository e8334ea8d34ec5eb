package cn.jiaxiao.routes.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The sender against real SMTP and IMAP servers (GreenMail) and a real PostgreSQL. */
class EmailSenderTest {

    private static final EmailSettings SETTINGS = new EmailSettings("noreply@school.example", "示范中学");
    private static GreenMail greenMail;
    private static GreenMailUser bounceMailbox;
    private static EmailOutbox outbox;
    private static long notice;
    private static long emergency;

    @BeforeAll
    static void servers() {
        greenMail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)}));
        greenMail.start();
        bounceMailbox = greenMail.setUser("bounces@school.example", "bounces", "s3cret");
        outbox = new EmailOutbox();
        notice = outbox.notice("GENERAL");
        emergency = outbox.notice("EMERGENCY");
    }

    @AfterAll
    static void stop() {
        greenMail.stop();
    }

    private static EmailSender senderTo(int port) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        mail.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        mail.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        return new EmailSender(outbox.messages, mail, new EmailComposer(SETTINGS), outbox.tx);
    }

    private static List<MimeMessage> receivedBy(String address) throws Exception {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    @Test
    void aBatchReachesTheMailServerWithBothAlternativesInChineseAndIsSubmittedOnce() throws Exception {
        long optional = outbox.queue(notice, "zhang.san@example.com", "【示范中学】开学典礼通知",
                "各位家长：9月1日上午八点在操场举行开学典礼，请提醒孩子穿校服。",
                "<p>各位家长：9月1日上午八点在操场举行<b>开学典礼</b>，请提醒孩子穿校服。</p>",
                "{\"unsubscribeUrl\":\"https://school.example/unsubscribe/t0k3n\"}");
        long mandatory = outbox.queue(emergency, "li.si@example.com", "【示范中学】紧急通知：今日停课",
                "因暴雨红色预警，今日全校停课。", "<p>因暴雨红色预警，今日<b>全校停课</b>。</p>", null);
        EmailSender sender = senderTo(greenMail.getSmtp().getPort());

        sender.sendBatch(optional + "," + mandatory);

        assertThat(outbox.state(optional)).isEqualTo("SUBMITTED");
        assertThat(outbox.state(mandatory)).isEqualTo("SUBMITTED");
        MimeMessage received = receivedBy("zhang.san@example.com").get(0);
        assertThat(received.getMessageID()).isEqualTo(outbox.row(optional).get("provider_id"))
                .matches("<" + optional + "\\." + notice + "\\.[0-9a-f]{16}@school\\.example>");
        assertThat(received.getSubject()).isEqualTo("【示范中学】开学典礼通知");
        assertThat(received.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("示范中学");
        assertThat(from.getAddress()).isEqualTo("noreply@school.example");
        assertThat(received.getHeader("Return-Path")).containsExactly("<bounces+" + optional + "@school.example>");
        assertThat(received.getHeader("X-Jiaxiao-Message-Id")).containsExactly(Long.toString(optional));
        assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(received.getHeader("List-Unsubscribe")).containsExactly(
                "<mailto:unsubscribe+" + optional + "@school.example>, <https://school.example/unsubscribe/t0k3n>");
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(received.isMimeType("multipart/alternative")).isTrue();
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(0).getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(parts.getBodyPart(0).getContent())
                .isEqualTo("各位家长：9月1日上午八点在操场举行开学典礼，请提醒孩子穿校服。");
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(parts.getBodyPart(1).getContent())
                .isEqualTo("<p>各位家长：9月1日上午八点在操场举行<b>开学典礼</b>，请提醒孩子穿校服。</p>");

        MimeMessage urgent = receivedBy("li.si@example.com").get(0);
        assertThat(urgent.getSubject()).isEqualTo("【示范中学】紧急通知：今日停课");
        assertThat(urgent.getHeader("List-Unsubscribe")).isNull();
        assertThat(urgent.getHeader("List-Unsubscribe-Post")).isNull();
        assertThat(urgent.getHeader("Auto-Submitted")).containsExactly("auto-generated");

        // the broker delivers the batch again (a rollback after the commit, a restart): nothing is sent twice
        int before = greenMail.getReceivedMessages().length;
        sender.sendBatch(optional + "," + mandatory);
        assertThat(greenMail.getReceivedMessages()).hasSize(before);
        assertThat(receivedBy("zhang.san@example.com")).hasSize(1);
    }

    @Test
    void aRefusedRecipientFailsAGreylistedOneWaitsForTheBrokerAndIsSentOnItsRedelivery() throws Exception {
        long unknown = outbox.queue(notice, "nobody@example.com", "通知", "正文", "<p>正文</p>", null);
        long greylisted = outbox.queue(notice, "later@example.com", "通知", "正文", "<p>正文</p>", null);
        long fine = outbox.queue(notice, "wang.wu@example.com", "通知", "正文", "<p>正文</p>", null);
        String batch = unknown + "," + greylisted + "," + fine;

        try (RefusingSmtpServer server = new RefusingSmtpServer()) {
            assertThatThrownBy(() -> senderTo(server.port()).sendBatch(batch))
                    .isInstanceOf(EmailDeferredException.class).hasMessageContaining("1 of 3")
                    .hasMessageContaining("451");
            assertThat(server.accepted).hasValue(1);
        }
        assertThat(outbox.state(unknown)).isEqualTo("FAILED");
        assertThat((String) outbox.row(unknown).get("error")).startsWith("SMTP 550 5.1.1 <n***@example.com>")
                .doesNotContain("nobody@");
        assertThat(outbox.state(fine)).isEqualTo("SUBMITTED");
        assertThat(outbox.row(greylisted)).containsEntry("state", "QUEUED").containsEntry("claimed_at", null);

        // redelivered later: only the deferred one is sent
        senderTo(greenMail.getSmtp().getPort()).sendBatch(batch);
        assertThat(outbox.state(greylisted)).isEqualTo("SUBMITTED");
        assertThat(receivedBy("later@example.com")).hasSize(1);
        assertThat(receivedBy("wang.wu@example.com")).isEmpty();
        assertThat(receivedBy("nobody@example.com")).isEmpty();
    }

    @Test
    void noMailServerListeningDefersTheWholeBatch() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        long id = outbox.queue(notice, "zhao.liu@example.com", "通知", "正文", null, null);

        assertThatThrownBy(() -> senderTo(closedPort).sendBatch(Long.toString(id)))
                .isInstanceOf(EmailDeferredException.class).hasMessageContaining("SMTP unavailable");
        assertThat(outbox.row(id)).containsEntry("state", "QUEUED").containsEntry("claimed_at", null);
    }

    @Test
    void anInvalidAddressFailsWithoutReachingTheServer() throws Exception {
        long id = outbox.queue(notice, "zhang san@@example", "通知", "正文", null, null);
        senderTo(greenMail.getSmtp().getPort()).sendBatch(Long.toString(id));
        assertThat(outbox.row(id)).containsEntry("state", "FAILED").containsEntry("error", "invalid address");
    }

    @Test
    void aBounceInTheImapMailboxMakesTheMessageUndeliverable() throws Exception {
        long id = outbox.queue(notice, "sun.qi@example.com", "通知", "正文", "<p>正文</p>", null);
        senderTo(greenMail.getSmtp().getPort()).sendBatch(Long.toString(id));
        String messageId = (String) outbox.row(id).get("provider_id");
        long plain = outbox.queue(notice, "zhou.ba@example.com", "通知", "正文", null, null);
        senderTo(greenMail.getSmtp().getPort()).sendBatch(Long.toString(plain));

        BounceMailbox mailbox = new BounceMailbox("imap", "127.0.0.1", greenMail.getImap().getPort(), "bounces",
                "s3cret", null, Duration.ofMillis(200));
        BounceHandler handler = new BounceHandler(new BounceParser(), outbox.messages, outbox.school.jdbc);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new EmailRoutes(null, 1, mailbox.uri(), handler));
            camel.start();
            assertThat(camel.getRoute("email-send")).isNull();
            assertThat(camel.getRoute("email-bounces")).isNotNull();

            // the DSN quotes a Message-ID of ours; the plain bounce only reached our VERP address
            bounceMailbox.deliver(Bounces.parse(Bounces.dsn(999_999, messageId, "5.1.1", "failed")));
            bounceMailbox.deliver(Bounces.parse(Bounces.plain(plain)));
            bounceMailbox.deliver(Bounces.parse("""
                    From: zhang.san@example.com
                    To: bounces@school.example
                    Subject: =?UTF-8?B?5pS25Yiw?=
                    Content-Type: text/plain; charset=UTF-8

                    收到
                    """));

            await().atMost(Duration.ofSeconds(20)).until(() -> outbox.state(id).equals("UNDELIVERABLE")
                    && outbox.state(plain).equals("UNDELIVERABLE"));
        }
        assertThat((String) outbox.row(id).get("error"))
                .isEqualTo("bounced: 5.1.1 smtp; 550 5.1.1 <w***@example.com>: Recipient address rejected: User"
                        + " unknown in virtual mailbox table");
        assertThat((String) outbox.row(plain).get("error")).startsWith("bounced: 5.2.1 550 5.2.1");
    }

    @Test
    void aBatchOfMessagesNoLongerQueuedSendsNothing() throws Exception {
        long id = outbox.queue(notice, "qian.jiu@example.com", "通知", "正文", null, null);
        outbox.messages.markFailed(id, "cancelled");
        int before = greenMail.getReceivedMessages().length;
        senderTo(greenMail.getSmtp().getPort()).sendBatch(Long.toString(id));
        assertThat(greenMail.getReceivedMessages()).hasSize(before);
    }
}
