package cn.jiaxiao.routes.delivery;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The e-mail and push messages' side of the outbox: claimed in batches like SMS, but accepted by a mail
 * server or push service as a whole, so their outcome is one row update, with no parts.
 */
public class ChannelMessageRepository {

    /** Kinds a guardian can't opt out of and quiet hours don't hold back. */
    public static final Set<String> MANDATORY_KINDS = Set.of("EMERGENCY", "ABSENCE");

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactCipher cipher;
    private final Duration claimLease;
    private final OutboundMessageRepository messages;

    public ChannelMessageRepository(NamedParameterJdbcTemplate jdbc, ContactCipher cipher, Duration claimLease,
            OutboundMessageRepository messages) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.claimLease = claimLease;
        this.messages = messages;
    }

    /** Leases the messages still queued, due, and not leased by another sender; in id order. */
    public List<ChannelMessage> claimAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ChannelMessage> claimed = new ArrayList<>(ids.size());
        jdbc.query("""
                update outbound_message m set claimed_at = now(), attempts = m.attempts + 1
                from notice n
                where m.id in (:ids) and n.id = m.notice_id and m.state || '' = 'QUEUED' -- by id, not by state
                  and (m.claimed_at is null or m.claimed_at < :expired)
                  and m.not_before is null
                returning m.id, m.notice_id, m.channel, m.guardian_id, m.recipient_enc, m.subject, m.body, m.html,
                          m.payload::text as payload, m.target_id, m.attempts, n.kind""",
                new MapSqlParameterSource().addValue("ids", ids)
                        .addValue("expired", Timestamp.from(Instant.now().minus(claimLease))),
                rs -> {
                    String kind = rs.getString("kind");
                    claimed.add(new ChannelMessage(rs.getLong("id"), rs.getLong("notice_id"), rs.getString("channel"),
                            (Long) rs.getObject("guardian_id"), cipher.decrypt(rs.getBytes("recipient_enc")),
                            rs.getString("subject"), rs.getString("body"), rs.getString("html"),
                            rs.getString("payload"), (Long) rs.getObject("target_id"), rs.getInt("attempts"), kind,
                            MANDATORY_KINDS.contains(kind)));
                });
        claimed.sort(java.util.Comparator.comparingLong(ChannelMessage::id));
        return claimed;
    }

    /** The mail server or push service accepted it; {@code providerId} is its id (Message-ID, push name). */
    public void markSubmitted(long id, String providerId) {
        jdbc.update("""
                update outbound_message set state = 'SUBMITTED', submitted_at = now(), claimed_at = null, error = null,
                       provider_id = :provider
                where id = :id and state = 'QUEUED'""",
                new MapSqlParameterSource().addValue("id", id).addValue("provider", providerId));
    }

    /** The recipient's device or mailbox confirmed it (a push acknowledgement). */
    public boolean markDelivered(long id) {
        return jdbc.update("""
                update outbound_message set state = 'DELIVERED', done_at = now()
                where id = :id and channel <> 'SMS' and state in ('SUBMITTED', 'EXPIRED_UNKNOWN')""",
                Map.of("id", id)) == 1;
    }

    /** A bounce or a refused push after it was accepted: the message did not arrive. */
    public boolean markUndeliverable(long id, String error) {
        return jdbc.update("""
                update outbound_message set state = 'UNDELIVERABLE', done_at = now(), error = :error
                where id = :id and channel <> 'SMS' and state in ('QUEUED', 'SUBMITTED', 'EXPIRED_UNKNOWN')""",
                new MapSqlParameterSource().addValue("id", id).addValue("error", truncate(error))) == 1;
    }

    public void markFailed(long id, String error) {
        messages.markFailed(id, error);
    }

    public void releaseClaim(long id, String error) {
        messages.releaseClaim(id, error);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 200 ? error : error.substring(0, 200);
    }
}
