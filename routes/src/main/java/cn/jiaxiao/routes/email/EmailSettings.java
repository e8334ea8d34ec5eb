package cn.jiaxiao.routes.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;

/**
 * What every e-mail of the school carries.
 *
 * @param from        the sender address, e.g. {@code noreply@school.example}; its domain names the Message-IDs,
 *                    the VERP bounce addresses ({@code bounces+{id}@domain}) and the unsubscribe mailbox
 * @param displayName the name shown with the sender: the school's signature (encoded per RFC 2047)
 */
public record EmailSettings(String from, String displayName) {

    public EmailSettings {
        try {
            new InternetAddress(from, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("jiaxiao.email.from is not an e-mail address: " + from, e);
        }
        if (from.indexOf('@') < 0) {
            throw new IllegalArgumentException("jiaxiao.email.from needs a domain: " + from);
        }
    }

    /** The domain of the sender address. */
    public String domain() {
        return from.substring(from.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /** The envelope sender (Return-Path) of a message: a bounce to it names the message (VERP). */
    public String bounceAddress(long messageId) {
        return "bounces+" + messageId + "@" + domain();
    }

    public String unsubscribeAddress(long messageId) {
        return "unsubscribe+" + messageId + "@" + domain();
    }
}
