package cn.jiaxiao.routes.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BounceParserTest {

    private final BounceParser parser = new BounceParser();

    @Test
    void aDeliveryStatusNotificationNamesTheMessageAndTheReason() throws Exception {
        Bounce bounce = parser.parse(Bounces.parse(Bounces.dsn(42, "<42.77.00ff@school.example>", "5.1.1", "failed")))
                .orElseThrow();

        assertThat(bounce.verpMessageId()).isEqualTo(42);
        assertThat(bounce.headerMessageId()).isEqualTo(42);
        assertThat(bounce.originalMessageId()).isEqualTo("<42.77.00ff@school.example>");
        assertThat(bounce.status()).isEqualTo("5.1.1");
        assertThat(bounce.diagnostic()).isEqualTo("smtp; 550 5.1.1 <w***@example.com>: Recipient address rejected:"
                + " User unknown in virtual mailbox table");
        assertThat(bounce.reason()).startsWith("bounced: 5.1.1 smtp; 550 5.1.1 <w***@example.com>")
                .doesNotContain("wang.wu");
    }

    @Test
    void aDelayNoticeIsNotABounce() throws Exception {
        assertThat(parser.parse(Bounces.parse(Bounces.dsn(42, "<42.77.00ff@school.example>", "4.4.1", "delayed"))))
                .isEmpty();
    }

    @Test
    void aPlainTextBounceIsMatchedByItsVerpAddress() throws Exception {
        Bounce bounce = parser.parse(Bounces.parse(Bounces.plain(51))).orElseThrow();

        assertThat(bounce.verpMessageId()).isEqualTo(51);
        assertThat(bounce.originalMessageId()).isNull();
        assertThat(bounce.status()).isEqualTo("5.2.1");
        assertThat(bounce.reason()).isEqualTo("bounced: 5.2.1 550 5.2.1 mailbox disabled for l***@example.net");
    }

    @Test
    void repliesAndAutoRepliesAreNotBounces() throws Exception {
        MimeMessage reply = Bounces.parse("""
                From: =?UTF-8?B?5byg5LiJ?= <zhang.san@example.com>
                To: bounces+42@school.example
                Subject: Re: =?UTF-8?B?5byA5a2m5YW456S86YCa55+l?=
                Content-Type: text/plain; charset=UTF-8

                收到，谢谢老师。550 is not a bounce.
                """);
        assertThat(parser.parse(reply)).isEmpty();

        MimeMessage outOfOffice = Bounces.parse("""
                From: MAILER-DAEMON@example.com
                To: bounces+42@school.example
                Subject: Undeliverable? No: Automatic reply
                Auto-Submitted: auto-replied
                Content-Type: text/plain; charset=UTF-8

                I am out of the office.
                """);
        assertThat(parser.parse(outOfOffice)).isEmpty();

        MimeMessage readReceipt = Bounces.parse("""
                From: zhang.san@example.com
                To: bounces+42@school.example
                Subject: Read: notice
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=disposition-notification; boundary="b"

                --b
                Content-Type: text/plain

                read
                --b
                Content-Type: message/disposition-notification

                Disposition: manual-action/MDN-sent-manually; displayed
                --b--
                """);
        assertThat(parser.parse(readReceipt)).isEmpty();

        assertThat(parser.parse(new MimeMessage(Session.getInstance(new Properties())))).isEmpty();
    }
}
