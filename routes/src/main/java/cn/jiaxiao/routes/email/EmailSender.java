package cn.jiaxiao.routes.email;

import cn.jiaxiao.routes.delivery.ChannelMessage;
import cn.jiaxiao.routes.delivery.ChannelMessageRepository;
import cn.jiaxiao.routes.delivery.SendBatch;
import cn.jiaxiao.routes.delivery.SendHold;
import cn.jiaxiao.routes.email.EmailComposer.ComposedEmail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sends a batch of queued e-mails over SMTP: claims them in one statement, hands them to the mail server over
 * one connection, and records in one transaction what it accepted (SUBMITTED, with our Message-ID as the
 * provider id), what it refused for good (FAILED: a 5xx, an invalid address) and what it could not take now
 * (the lease released). Idempotent on the message id: a message no longer queued is not sent again, so when a
 * temporary failure makes the broker deliver the batch again, only the messages still queued are sent.
 */
public class EmailSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final ChannelMessageRepository messages;
    private final JavaMailSender mail;
    private final EmailComposer composer;
    private final TransactionOperations tx;
    private final Session session;
    private final SendHold hold;

    public EmailSender(ChannelMessageRepository messages, JavaMailSender mail, EmailComposer composer,
            TransactionOperations tx) {
        this(messages, mail, composer, tx, SendHold.NONE);
    }

    /** @param hold quiet hours: what may wait is held before the batch is claimed */
    public EmailSender(ChannelMessageRepository messages, JavaMailSender mail, EmailComposer composer,
            TransactionOperations tx, SendHold hold) {
        this.hold = hold;
        this.messages = messages;
        this.mail = mail;
        this.composer = composer;
        this.tx = tx;
        this.session = mail instanceof JavaMailSenderImpl impl ? impl.getSession()
                : Session.getInstance(new Properties());
    }

    /** The broker's message: a {@link SendBatch} body. */
    public void sendBatch(String body) throws EmailDeferredException {
        send(SendBatch.parseIds(body));
    }

    /**
     * @throws EmailDeferredException the mail server could not take some messages now: everything else is
     *         recorded, those stay queued, and the broker delivers the batch again later
     */
    public void send(List<Long> ids) throws EmailDeferredException {
        hold.holdIfQuiet(ids);
        List<ChannelMessage> claimed = messages.claimAll(ids);
        if (claimed.isEmpty()) {
            return;
        }
        Map<Long, String> submitted = new LinkedHashMap<>();
        Map<Long, String> failed = new LinkedHashMap<>();
        Map<Long, String> deferred = new LinkedHashMap<>();
        List<ChannelMessage> composedFor = new ArrayList<>(claimed.size());
        List<ComposedEmail> composed = new ArrayList<>(claimed.size());
        for (ChannelMessage email : claimed) {
            if (!"EMAIL".equals(email.channel())) {
                failed.put(email.id(), "not an e-mail message: " + email.channel());
                continue;
            }
            try {
                composed.add(composer.compose(session, email));
                composedFor.add(email);
            } catch (MessagingException | RuntimeException e) {
                SmtpFailures.Failure failure = SmtpFailures.classify(e);
                log.warn("E-mail {} to {} not sent: {}", email.id(), EmailMask.mask(email.address()),
                        failure.reason());
                // a message we can't even build won't build next time either
                failed.put(email.id(), failure.permanent() ? failure.reason() : "not composed: " + e);
            }
        }
        Map<Object, Exception> refused = sendAll(composed);
        for (int i = 0; i < composed.size(); i++) {
            ChannelMessage email = composedFor.get(i);
            ComposedEmail sent = composed.get(i);
            Exception failure = refused.get(sent.message());
            if (failure == null) {
                submitted.put(email.id(), sent.messageId());
                log.debug("E-mail {} to {} accepted as {}", email.id(), EmailMask.mask(email.address()),
                        sent.messageId());
                continue;
            }
            SmtpFailures.Failure why = SmtpFailures.classify(failure);
            if (why.permanent()) {
                log.warn("E-mail {} to {} refused: {}", email.id(), EmailMask.mask(email.address()), why.reason());
                failed.put(email.id(), why.reason());
            } else {
                log.info("E-mail {} to {} deferred: {}", email.id(), EmailMask.mask(email.address()), why.reason());
                deferred.put(email.id(), why.reason());
            }
        }
        tx.executeWithoutResult(status -> {
            submitted.forEach(messages::markSubmitted);
            failed.forEach(messages::markFailed);
            deferred.forEach(messages::releaseClaim);
        });
        if (!deferred.isEmpty()) {
            throw new EmailDeferredException(deferred.size() + " of " + claimed.size() + " e-mails deferred: "
                    + deferred.values().iterator().next());
        }
    }

    /** The messages the server did not take, with why; everything else it accepted. */
    private Map<Object, Exception> sendAll(List<ComposedEmail> composed) {
        if (composed.isEmpty()) {
            return Map.of();
        }
        MimeMessage[] batch = composed.stream().map(ComposedEmail::message).toArray(MimeMessage[]::new);
        try {
            mail.send(batch);
            return Map.of();
        } catch (MailSendException e) {
            if (e.getFailedMessages().isEmpty()) {
                return everyOne(batch, e);
            }
            return e.getFailedMessages();
        } catch (MailException e) {
            return everyOne(batch, e); // authentication, preparation: nothing was sent
        }
    }

    private static Map<Object, Exception> everyOne(MimeMessage[] batch, Exception e) {
        Map<Object, Exception> all = new java.util.IdentityHashMap<>();
        for (MimeMessage message : batch) {
            all.put(message, e);
        }
        return all;
    }
}
