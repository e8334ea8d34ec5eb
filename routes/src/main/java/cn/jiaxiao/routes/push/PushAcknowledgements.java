package cn.jiaxiao.routes.push;

import cn.jiaxiao.routes.delivery.ChannelMessageRepository;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The app's (or service worker's) "I have shown message N" for a push: the only thing that makes a PUSH
 * message DELIVERED. Acceptance by FCM or a push service (SUBMITTED) says nothing about the device, so the
 * SMS fallback treats a push as delivered only once it is acknowledged.
 *
 * <p>The device proves itself with the token or endpoint the message was sent to: it must hash to the
 * message's subscription's {@code target_hash}. An ack can overtake the sender's own bookkeeping (FCM delivers
 * in milliseconds), so a message still QUEUED but claimed, i.e. being sent right now, is acknowledged too; the
 * sender's later "submitted" then finds it no longer queued and leaves it DELIVERED.
 */
public class PushAcknowledgements {

    public enum Outcome {
        /** Now DELIVERED. */
        ACKNOWLEDGED,
        /** It was DELIVERED before: acks are idempotent. */
        ALREADY_ACKNOWLEDGED,
        /** No such push message, or the token or endpoint is not the one it was sent to. */
        NOT_FOUND,
        /** The message exists and matches, but is in a state an ack cannot change (failed, not yet sent). */
        NOT_ACKNOWLEDGEABLE
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ChannelMessageRepository messages;
    private final PushSubscriptionRepository subscriptions;

    public PushAcknowledgements(NamedParameterJdbcTemplate jdbc, ChannelMessageRepository messages,
            PushSubscriptionRepository subscriptions) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.subscriptions = subscriptions;
    }

    public Outcome acknowledge(long messageId, PushSubscriptionRepository.Kind kind, String tokenOrEndpoint) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select target_id, state from outbound_message where id = :id and channel = 'PUSH'""",
                Map.of("id", messageId));
        if (rows.isEmpty() || rows.get(0).get("target_id") == null) {
            return Outcome.NOT_FOUND;
        }
        long subscriptionId = ((Number) rows.get(0).get("target_id")).longValue();
        if (!subscriptions.matches(subscriptionId, kind, tokenOrEndpoint)) {
            return Outcome.NOT_FOUND;
        }
        if ("DELIVERED".equals(rows.get(0).get("state"))) {
            return Outcome.ALREADY_ACKNOWLEDGED;
        }
        if (messages.markDelivered(messageId) || inFlightDelivered(messageId)) {
            subscriptions.markSuccess(subscriptionId);
            return Outcome.ACKNOWLEDGED;
        }
        return Outcome.NOT_ACKNOWLEDGEABLE;
    }

    private boolean inFlightDelivered(long messageId) {
        return jdbc.update("""
                update outbound_message set state = 'DELIVERED', done_at = now(), submitted_at = coalesce(submitted_at, now()),
                       claimed_at = null, error = null
                where id = :id and channel = 'PUSH' and state = 'QUEUED' and claimed_at is not null""",
                Map.of("id", messageId)) == 1;
    }
}
