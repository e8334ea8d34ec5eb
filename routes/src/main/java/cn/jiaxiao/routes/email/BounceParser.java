package cn.jiaxiao.routes.email;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises bounces among the mails in the bounce mailbox: RFC 3464 delivery status notifications
 * (multipart/report; report-type=delivery-status) whose recipients failed, and the plain-text "Undelivered Mail
 * Returned to Sender" kind some servers still send. Everything else — replies, auto-replies, delay warnings,
 * spam — is not a bounce.
 */
public class BounceParser {

    private static final Pattern VERP = Pattern.compile("bounces\\+(\\d{1,18})@", Pattern.CASE_INSENSITIVE);
    private static final String[] RECIPIENT_HEADERS = {"Delivered-To", "X-Original-To", "Envelope-To",
        "X-Envelope-To", "To"};
    private static final Pattern QUOTED_MESSAGE_ID = Pattern.compile("(?im)^Message-ID:[ \\t]*(<[^>\\s]+>)");
    private static final Pattern QUOTED_JIAXIAO_ID = Pattern.compile("(?im)^X-Jiaxiao-Message-Id:[ \\t]*(\\d{1,18})");
    private static final Pattern STATUS = Pattern.compile("\\b([45]\\.\\d{1,3}\\.\\d{1,3})\\b");
    private static final Pattern SMTP_REPLY = Pattern.compile("(?m)\\b([45]\\d\\d[ -].*)$");
    private static final Pattern PLAIN_BOUNCE_SUBJECT = Pattern.compile(
            "undeliver|returned mail|returned to sender|delivery (status notification \\(failure\\)|failure|failed)"
                    + "|mail delivery (failed|system)|failure notice|nondeliverable|退信|无法投递|投递失败|发送失败",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DAEMON = Pattern.compile("mailer-daemon|postmaster|mail delivery (sub)?system",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_DEPTH = 5;

    /** The bounce in {@code mail}, or empty when it is none (or only a "delayed" notice). */
    public Optional<Bounce> parse(Message mail) throws MessagingException, IOException {
        if (mail.isMimeType("multipart/report")) {
            String reportType = new ContentType(mail.getContentType()).getParameter("report-type");
            if (reportType != null && !"delivery-status".equalsIgnoreCase(reportType)) {
                return Optional.empty(); // a read receipt (disposition-notification), an abuse report, ...
            }
            return deliveryStatus(mail);
        }
        if (!looksLikePlainBounce(mail)) {
            return Optional.empty();
        }
        String text = allText(mail);
        Matcher status = STATUS.matcher(text);
        String code = status.find() ? status.group(1) : null;
        if (code != null && code.startsWith("4")) {
            return Optional.empty(); // "still trying": not yet a failure
        }
        return Optional.of(new Bounce(verpId(mail), quoted(QUOTED_MESSAGE_ID, text), quotedId(text), code,
                diagnostic(text)));
    }

    private Optional<Bounce> deliveryStatus(Message mail) throws MessagingException, IOException {
        String status = null;
        String diagnostic = null;
        boolean failed = false;
        String text = allText(mail);
        for (String report : partsOfType(mail, "message/delivery-status", 0, new ArrayList<>())) {
            // per-message fields, then one block per recipient; fields may be folded over lines
            for (String block : unfold(report).split("\\r?\\n\\s*\\r?\\n")) {
                String action = field(block, "Action");
                if (action == null || !action.toLowerCase(Locale.ROOT).startsWith("failed")) {
                    continue;
                }
                failed = true;
                if (status == null) {
                    status = firstToken(field(block, "Status"));
                    diagnostic = field(block, "Diagnostic-Code");
                }
            }
        }
        if (!failed) {
            return Optional.empty(); // delayed, delivered, relayed, expanded
        }
        return Optional.of(new Bounce(verpId(mail), quoted(QUOTED_MESSAGE_ID, text), quotedId(text), status,
                diagnostic == null ? null : mask(diagnostic)));
    }

    private static boolean looksLikePlainBounce(Message mail) throws MessagingException {
        String subject = mail.getSubject();
        if (subject == null || !PLAIN_BOUNCE_SUBJECT.matcher(subject).find()) {
            return false;
        }
        String[] autoSubmitted = mail.getHeader("Auto-Submitted");
        if (autoSubmitted != null && autoSubmitted[0].toLowerCase(Locale.ROOT).contains("auto-replied")) {
            return false; // an out-of-office reply, whatever its subject
        }
        String[] returnPath = mail.getHeader("Return-Path");
        boolean nullSender = returnPath != null && returnPath[0].replaceAll("\\s", "").equals("<>");
        String[] from = mail.getHeader("From");
        boolean daemon = from != null && DAEMON.matcher(decode(from[0])).find();
        return nullSender || daemon;
    }

    private static Long verpId(Message mail) throws MessagingException {
        for (String name : RECIPIENT_HEADERS) {
            String[] values = mail.getHeader(name);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                Matcher verp = VERP.matcher(value);
                if (verp.find()) {
                    return Long.parseLong(verp.group(1));
                }
            }
        }
        return null;
    }

    /** The decoded text of every text-like part (text/*, message/*), depth first. */
    private static String allText(Part part) throws MessagingException, IOException {
        StringBuilder text = new StringBuilder();
        collectText(part, text, 0);
        return text.toString();
    }

    private static void collectText(Part part, StringBuilder text, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    collectText(multipart.getBodyPart(i), text, depth + 1);
                }
            }
        } else if (part.isMimeType("text/*") || part.isMimeType("message/*")) {
            text.append(read(part)).append('\n');
        }
    }

    private static List<String> partsOfType(Part part, String type, int depth, List<String> found)
            throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return found;
        }
        if (part.isMimeType(type)) {
            found.add(read(part));
        } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                partsOfType(child, type, depth + 1, found);
            }
        }
        return found;
    }

    /** The part's bytes, transfer decoding undone, in its charset (UTF-8 when it names none or an unknown one). */
    private static String read(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(256 * 1024);
            String charset = null;
            try {
                charset = new ContentType(part.getContentType()).getParameter("charset");
            } catch (MessagingException ignored) {
                // a malformed Content-Type: read it as UTF-8
            }
            try {
                return new String(bytes, charset == null ? StandardCharsets.UTF_8
                        : java.nio.charset.Charset.forName(MimeUtility.javaCharset(charset)));
            } catch (IllegalArgumentException unknownCharset) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }
    }

    private static String unfold(String headers) {
        return headers.replaceAll("\\r?\\n[ \\t]+", " ");
    }

    private static String field(String block, String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":[ \\t]*(.*)$").matcher(block);
        return m.find() ? m.group(1).trim() : null;
    }

    private static String firstToken(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.trim().split("[\\s(]", 2)[0];
    }

    private static String quoted(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static Long quotedId(String text) {
        String id = quoted(QUOTED_JIAXIAO_ID, text);
        return id == null ? null : Long.valueOf(id);
    }

    /** The first line that reads like a server's refusal ("550 5.1.1 ..."), addresses masked. */
    private static String diagnostic(String text) {
        Matcher reply = SMTP_REPLY.matcher(text);
        return reply.find() ? mask(SmtpFailures.oneLine(reply.group(1))) : null;
    }

    static String mask(String text) {
        return EmailMask.inText(SmtpFailures.oneLine(text));
    }

    private static String decode(String header) {
        try {
            return MimeUtility.decodeText(header);
        } catch (java.io.UnsupportedEncodingException e) {
            return header;
        }
    }
}
