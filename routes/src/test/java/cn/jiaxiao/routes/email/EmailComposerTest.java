package cn.jiaxiao.routes.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiaxiao.routes.delivery.ChannelMessage;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EmailComposerTest {

    private static final Session SESSION = Session.getInstance(new Properties());
    private final EmailComposer composer = new EmailComposer(new EmailSettings("noreply@school.example", "示范中学"));

    static ChannelMessage email(long id, boolean mandatory, String html, String payload) {
        return new ChannelMessage(id, 77, "EMAIL", 5L, "zhang.san@example.com", "【示范中学】开学典礼通知",
                "各位家长：明天上午八点举行开学典礼。", html, payload, null, 1, mandatory ? "EMERGENCY" : "GENERAL",
                mandatory);
    }

    /** What a mail server receives: the message written out and read back. */
    private static MimeMessage onTheWire(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        String raw = bytes.toString(StandardCharsets.US_ASCII);
        assertThat(raw.chars().allMatch(c -> c < 128)).as("7-bit headers and bodies").isTrue();
        return new MimeMessage(SESSION, new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void anOptionalNoticeIsMultipartAlternativeWithUnsubscribeHeaders() throws Exception {
        var composed = composer.compose(SESSION, email(42, false, "<p>各位家长：明天上午八点举行<b>开学典礼</b>。</p>",
                "{\"unsubscribeUrl\":\"https://school.example/u/abc123\"}"));
        MimeMessage mail = onTheWire(composed.message());

        assertThat(composed.messageId()).matches("<42\\.77\\.[0-9a-f]{16}@school\\.example>");
        assertThat(mail.getMessageID()).isEqualTo(composed.messageId());
        assertThat(composed.message().getEnvelopeFrom()).isEqualTo("bounces+42@school.example");
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("noreply@school.example");
        assertThat(from.getPersonal()).isEqualTo("示范中学");
        assertThat(mail.getHeader("From")[0]).startsWith("=?UTF-8?");
        assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(mail.getSubject()).isEqualTo("【示范中学】开学典礼通知");
        assertThat(mail.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString())
                .isEqualTo("zhang.san@example.com");
        assertThat(mail.getHeader("X-Jiaxiao-Message-Id")).containsExactly("42");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(mail.getHeader("List-Unsubscribe"))
                .containsExactly("<mailto:unsubscribe+42@school.example>, <https://school.example/u/abc123>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        assertThat(mail.isMimeType("multipart/alternative")).isTrue();
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("各位家长：明天上午八点举行开学典礼。");
        assertThat(parts.getBodyPart(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>各位家长：明天上午八点举行<b>开学典礼</b>。</p>");
    }

    @Test
    void aMandatoryNoticeCarriesNoUnsubscribeHeaders() throws Exception {
        MimeMessage mail = onTheWire(composer.compose(SESSION,
                email(43, true, "<p>紧急</p>", "{\"unsubscribeUrl\":\"https://school.example/u/x\"}")).message());

        assertThat(mail.getHeader("List-Unsubscribe")).isNull();
        assertThat(mail.getHeader("List-Unsubscribe-Post")).isNull();
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(mail.getHeader("X-Jiaxiao-Message-Id")).containsExactly("43");
    }

    @Test
    void withoutAnHttpsUrlOnlyTheMailtoUnsubscribeIsOffered() throws Exception {
        MimeMessage mail = onTheWire(composer.compose(SESSION, email(44, false, "<p>x</p>", null)).message());
        assertThat(mail.getHeader("List-Unsubscribe")).containsExactly("<mailto:unsubscribe+44@school.example>");
        // RFC 8058: one-click unsubscribe needs an HTTPS URI to POST to
        assertThat(mail.getHeader("List-Unsubscribe-Post")).isNull();

        MimeMessage injected = onTheWire(composer.compose(SESSION,
                email(45, false, null, "{\"unsubscribeUrl\":\"https://x.example/a>, <mailto:evil@x.example\"}"))
                .message());
        assertThat(injected.getHeader("List-Unsubscribe")).containsExactly("<mailto:unsubscribe+45@school.example>");
    }

    @Test
    void withoutHtmlTheMessageIsPlainText() throws Exception {
        MimeMessage mail = onTheWire(composer.compose(SESSION, email(46, false, null, null)).message());
        assertThat(mail.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(mail.getContent()).isEqualTo("各位家长：明天上午八点举行开学典礼。");
    }

    @Test
    void anInvalidAddressIsRefusedBeforeAnythingIsSent() {
        ChannelMessage bad = new ChannelMessage(47, 77, "EMAIL", 5L, "not an address", "s", "b", null, null, null,
                1, "GENERAL", false);
        assertThatThrownBy(() -> composer.compose(SESSION, bad)).isInstanceOf(AddressException.class);
        assertThat(SmtpFailures.classify(new AddressException("x")).permanent()).isTrue();
    }

    @Test
    void ourMessageIdNamesTheOutboxMessage() {
        assertThat(EmailComposer.messageIdOf("<42.77.0123456789abcdef@school.example>")).isEqualTo(42);
        assertThat(EmailComposer.messageIdOf("<CAF=abc@mail.gmail.com>")).isEqualTo(-1);
    }

    @Test
    void addressesAreMaskedForLogs() {
        assertThat(EmailMask.mask("zhang.san@example.com")).isEqualTo("z***@example.com");
        assertThat(EmailMask.mask("nonsense")).isEqualTo("***");
    }
}
