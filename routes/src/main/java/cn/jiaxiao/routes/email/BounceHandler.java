package cn.jiaxiao.routes.email;

import cn.jiaxiao.routes.delivery.ChannelMessageRepository;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Counts a bounce from the bounce mailbox against the e-mail it returns: found by the Message-ID quoted in the
 * report (the provider id we stored), else by its {@code X-Jiaxiao-Message-Id}, else by the VERP address the
 * bounce was sent to; the message becomes UNDELIVERABLE with the server's status and diagnostic.
 */
public class BounceHandler {

    private static final Logger log = LoggerFactory.getLogger(BounceHandler.class);

    public enum Outcome {
        /** Not a bounce (a reply, an auto-reply, a delay notice): left alone. */
        NOT_A_BOUNCE,
        /** A bounce for no e-mail of ours. */
        UNMATCHED,
        /** The message is now UNDELIVERABLE. */
        MARKED,
        /** The message had already reached a final state (a second bounce for it, or it failed when sent). */
        ALREADY_FINAL
    }

    private final BounceParser parser;
    private final ChannelMessageRepository messages;
    private final NamedParameterJdbcTemplate jdbc;

    public BounceHandler(BounceParser parser, ChannelMessageRepository messages, NamedParameterJdbcTemplate jdbc) {
        this.parser = parser;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DataAccessException the database is unavailable: the mail is read again */
    public Outcome handle(Message mail) {
        Optional<Bounce> parsed;
        try {
            parsed = parser.parse(mail);
        } catch (MessagingException | IOException | RuntimeException e) {
            // a malformed mail is not retried: it would fail the same way at every poll
            log.warn("Mail in the bounce mailbox could not be read, skipped: {}", e.toString());
            return Outcome.NOT_A_BOUNCE;
        }
        if (parsed.isEmpty()) {
            return Outcome.NOT_A_BOUNCE;
        }
        Bounce bounce = parsed.get();
        Long id = messageOf(bounce);
        if (id == null) {
            log.info("Bounce for no e-mail of ours ignored: {}", bounce.reason());
            return Outcome.UNMATCHED;
        }
        if (messages.markUndeliverable(id, bounce.reason())) {
            log.info("E-mail {} undeliverable: {}", id, bounce.reason());
            return Outcome.MARKED;
        }
        log.debug("Bounce for e-mail {} that is already final: {}", id, bounce.reason());
        return Outcome.ALREADY_FINAL;
    }

    private Long messageOf(Bounce bounce) {
        if (bounce.originalMessageId() != null) {
            List<Long> ids = jdbc.queryForList("""
                    select id from outbound_message where provider_id = :provider and channel = 'EMAIL'""",
                    Map.of("provider", bounce.originalMessageId()), Long.class);
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
        }
        for (Long candidate : new Long[] {bounce.headerMessageId(), bounce.verpMessageId()}) {
            if (candidate != null && isEmail(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private boolean isEmail(long id) {
        return !jdbc.queryForList("select 1 from outbound_message where id = :id and channel = 'EMAIL'",
                Map.of("id", id), Integer.class).isEmpty();
    }
}
