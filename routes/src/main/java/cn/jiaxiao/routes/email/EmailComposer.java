package cn.jiaxiao.routes.email;

import cn.jiaxiao.routes.delivery.ChannelMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * Builds the MIME message of a claimed e-mail: multipart/alternative (text/plain then text/html, both UTF-8),
 * the school's name as the sender's display name, a Message-ID of our own that bounces can be traced back by,
 * the VERP envelope sender, RFC 3834 {@code Auto-Submitted}, and for what a guardian may opt out of the RFC 2369 /
 * RFC 8058 unsubscribe headers.
 */
public class EmailComposer {

    public static final String MESSAGE_ID_HEADER = "X-Jiaxiao-Message-Id";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmailSettings settings;
    private final SecureRandom random = new SecureRandom();

    public EmailComposer(EmailSettings settings) {
        this.settings = settings;
    }

    public EmailSettings settings() {
        return settings;
    }

    /** A message ready to send, and the Message-ID it carries (stored as the provider id). */
    public record ComposedEmail(SMTPMessage message, String messageId) {
    }

    /** @throws AddressException the recipient's address is not one a mail server would take: a permanent failure */
    public ComposedEmail compose(Session session, ChannelMessage email) throws MessagingException {
        InternetAddress to = new InternetAddress(email.address(), true);
        to.validate();
        String messageId = "<" + email.id() + "." + email.noticeId() + "." + randomTag() + "@" + settings.domain()
                + ">";
        SMTPMessage message = new FixedIdMessage(session, messageId);
        try {
            message.setFrom(new InternetAddress(settings.from(), settings.displayName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e); // UTF-8 is always there
        }
        message.setRecipient(jakarta.mail.Message.RecipientType.TO, to);
        message.setSubject(email.subject() == null || email.subject().isBlank() ? settings.displayName() + "通知"
                : email.subject(), "UTF-8");
        message.setSentDate(new Date());
        message.setEnvelopeFrom(settings.bounceAddress(email.id()));
        message.setHeader(MESSAGE_ID_HEADER, Long.toString(email.id()));
        message.setHeader("Auto-Submitted", "auto-generated");
        // Exchange and Outlook: no out-of-office or other automatic replies to this
        message.setHeader("X-Auto-Response-Suppress", "All");
        if (!email.mandatory()) {
            List<String> unsubscribe = new ArrayList<>(2);
            unsubscribe.add("<mailto:" + settings.unsubscribeAddress(email.id()) + ">");
            String url = unsubscribeUrl(email.payloadJson());
            if (url != null) {
                unsubscribe.add("<" + url + ">");
            }
            message.setHeader("List-Unsubscribe", String.join(", ", unsubscribe));
            if (url != null && url.startsWith("https://")) {
                // RFC 8058: one-click needs the HTTPS URI to take a POST
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        }
        String text = email.body() == null ? "" : email.body();
        if (email.html() == null || email.html().isBlank()) {
            message.setText(text, "UTF-8", "plain");
        } else {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.html(), "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", plain, html));
        }
        message.saveChanges();
        return new ComposedEmail(message, messageId);
    }

    /** The id of the outbox message a Message-ID of ours names, or -1. */
    public static long messageIdOf(String messageIdHeader) {
        if (messageIdHeader == null) {
            return -1;
        }
        String id = messageIdHeader.trim();
        if (id.startsWith("<")) {
            id = id.substring(1);
        }
        int dot = id.indexOf('.');
        if (dot <= 0) {
            return -1;
        }
        try {
            return Long.parseLong(id.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String randomTag() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The payload's {@code unsubscribeUrl}, if it is an http(s) URL without anything that would break the header. */
    static String unsubscribeUrl(String payloadJson) {
        if (payloadJson == null || payloadJson.isBlank()) {
            return null;
        }
        try {
            JsonNode url = JSON.readTree(payloadJson).path("unsubscribeUrl");
            if (!url.isTextual()) {
                return null;
            }
            String value = url.asText().trim();
            boolean web = value.startsWith("https://") || value.startsWith("http://");
            return web && value.chars().noneMatch(c -> c <= ' ' || c == '<' || c == '>' || c == ',' || c > 126)
                    ? value : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /** Keeps our Message-ID: {@code saveChanges()} would otherwise replace it with a generated one. */
    private static final class FixedIdMessage extends SMTPMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
