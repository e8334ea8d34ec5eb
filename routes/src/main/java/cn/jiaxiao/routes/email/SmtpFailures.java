package cn.jiaxiao.routes.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailAuthenticationException;

/** Tells a mail server's "never" (5xx, an invalid address) from its "not now" (4xx, no connection). */
final class SmtpFailures {

    private SmtpFailures() {
    }

    /** A failure of one message: permanent ones are recorded as FAILED, the others retried by the broker. */
    record Failure(boolean permanent, String reason) {
    }

    static Failure classify(Throwable failure) {
        if (failure instanceof MailAuthenticationException) {
            return new Failure(false, "SMTP authentication failed: check spring.mail.username/password");
        }
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
            if (t instanceof AddressException) {
                return new Failure(true, "invalid address");
            }
            int code = -1;
            if (t instanceof SMTPAddressFailedException address) {
                code = address.getReturnCode();
            } else if (t instanceof SMTPSendFailedException send) {
                code = send.getReturnCode();
            }
            if (code >= 400) {
                return new Failure(code >= 500, "SMTP " + EmailMask.inText(oneLine(t.getMessage())));
            }
        }
        Throwable root = failure;
        Set<Throwable> walked = new HashSet<>();
        while (walked.add(root) && next(root) != null) {
            root = next(root);
        }
        return new Failure(false, "SMTP unavailable: " + EmailMask.inText(oneLine(String.valueOf(root))));
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return t.getCause();
    }

    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= 160 ? line : line.substring(0, 160);
    }
}
