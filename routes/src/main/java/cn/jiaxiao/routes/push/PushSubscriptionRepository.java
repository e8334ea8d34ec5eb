package cn.jiaxiao.routes.push;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.routes.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Guardians' app installations and browsers ({@code push_subscription}). The token or subscription is a
 * credential: stored encrypted as JSON ({@code {"kind":"FCM","token":...}} or
 * {@code {"kind":"WEBPUSH","endpoint":...,"p256dh":...,"auth":...}}), found again through a keyed hash of its
 * canonical form (the FCM token, or the Web Push endpoint), so the same device registering again updates its row.
 */
public class PushSubscriptionRepository {

    public enum Kind { FCM, WEBPUSH }

    /** What the fan-out needs: one PUSH message per active subscription, with {@code target_id = id}. */
    public record SubscriptionRef(long id, Kind kind) {
    }

    /** A subscription as lists show it: the target masked (an FCM token's tail, a Web Push service's origin). */
    public record Subscription(long id, long guardianId, Kind kind, String target, String label, Instant createdAt,
            Instant lastSuccessAt, Instant prunedAt, String pruneReason) {

        public boolean active() {
            return prunedAt == null;
        }
    }

    /** A stored subscription's target, and the guardian it belongs to. */
    public record Target(long id, long guardianId, PushTarget target) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactCipher cipher;

    public PushSubscriptionRepository(NamedParameterJdbcTemplate jdbc, ContactCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public static Kind kindOf(PushTarget target) {
        return target instanceof PushTarget.FcmToken ? Kind.FCM : Kind.WEBPUSH;
    }

    /**
     * The text the target hash is computed from: what identifies a device. A Web Push subscription is its
     * endpoint (the browser issues new keys only with a new endpoint), an FCM installation its token.
     */
    public static String canonical(Kind kind, String tokenOrEndpoint) {
        return kind.name() + ":" + tokenOrEndpoint.trim();
    }

    public static String canonical(PushTarget target) {
        return target instanceof PushTarget.FcmToken fcm ? canonical(Kind.FCM, fcm.token())
                : canonical(Kind.WEBPUSH, ((PushTarget.WebPushSubscription) target).endpoint());
    }

    /**
     * Registers a device for a guardian, or updates the row of a device registered before (a new label, new
     * keys, another guardian, a pruned subscription coming back). Returns the subscription id.
     */
    public long register(long guardianId, PushTarget target, String label) {
        return jdbc.queryForObject("""
                insert into push_subscription (guardian_id, kind, target_enc, target_hash, label)
                values (:guardian, :kind, :enc, :hash, :label)
                on conflict (target_hash) do update set guardian_id = excluded.guardian_id, kind = excluded.kind,
                    target_enc = excluded.target_enc, label = excluded.label, pruned_at = null, prune_reason = null
                returning id""",
                new MapSqlParameterSource().addValue("guardian", guardianId).addValue("kind", kindOf(target).name())
                        .addValue("enc", cipher.encrypt(Json.write(targetJson(target))))
                        .addValue("hash", cipher.lookupHash(canonical(target)))
                        .addValue("label", label),
                Long.class);
    }

    /** Active (not pruned) subscriptions of these guardians, in id order; guardians without one are absent. */
    public Map<Long, List<SubscriptionRef>> activeFor(Collection<Long> guardianIds) {
        Map<Long, List<SubscriptionRef>> active = new LinkedHashMap<>();
        if (guardianIds.isEmpty()) {
            return active;
        }
        // In slices: a school-wide notice passes tens of thousands of guardians.
        List<Long> ids = List.copyOf(guardianIds);
        for (int from = 0; from < ids.size(); from += 5_000) {
            jdbc.query("""
                    select id, guardian_id, kind from push_subscription
                    where guardian_id in (:ids) and pruned_at is null order by guardian_id, id""",
                    Map.of("ids", ids.subList(from, Math.min(ids.size(), from + 5_000))),
                    rs -> {
                        active.computeIfAbsent(rs.getLong("guardian_id"), k -> new ArrayList<>(1))
                                .add(new SubscriptionRef(rs.getLong("id"), Kind.valueOf(rs.getString("kind"))));
                    });
        }
        return active;
    }

    /** The target of an active subscription; empty when it was pruned or removed. */
    public Optional<Target> activeTarget(long id) {
        return jdbc.query("""
                select id, guardian_id, target_enc from push_subscription where id = :id and pruned_at is null""",
                Map.of("id", id),
                (rs, n) -> new Target(rs.getLong("id"), rs.getLong("guardian_id"),
                        parseTarget(cipher.decrypt(rs.getBytes("target_enc"))))).stream().findFirst();
    }

    public Optional<Subscription> find(long id) {
        return jdbc.query("select * from push_subscription where id = :id", Map.of("id", id), this::subscription)
                .stream().findFirst();
    }

    /** A guardian's subscriptions, pruned ones included (they say why), newest first. */
    public List<Subscription> forGuardian(long guardianId) {
        return jdbc.query("select * from push_subscription where guardian_id = :g order by id desc",
                Map.of("g", guardianId), this::subscription);
    }

    /**
     * Whether the token or endpoint is the one subscription {@code id} was registered with: compares the keyed
     * hashes in constant time, so acknowledgements can prove they come from the device.
     */
    public boolean matches(long id, Kind kind, String tokenOrEndpoint) {
        List<byte[]> stored = jdbc.query("select target_hash from push_subscription where id = :id",
                Map.of("id", id), (rs, n) -> rs.getBytes(1));
        return !stored.isEmpty()
                && MessageDigest.isEqual(stored.get(0), cipher.lookupHash(canonical(kind, tokenOrEndpoint)));
    }

    /** The push service said the target is gone or unusable: no further messages go to it. */
    public boolean prune(long id, String reason) {
        return jdbc.update("""
                update push_subscription set pruned_at = now(), prune_reason = :reason
                where id = :id and pruned_at is null""",
                new MapSqlParameterSource().addValue("id", id).addValue("reason", truncate(reason))) == 1;
    }

    public void markSuccess(long id) {
        jdbc.update("update push_subscription set last_success_at = now() where id = :id", Map.of("id", id));
    }

    /** Forgets the subscription and its credential; queued messages to it fail as "subscription removed". */
    public boolean delete(long id) {
        return jdbc.update("delete from push_subscription where id = :id", Map.of("id", id)) == 1;
    }

    static Map<String, String> targetJson(PushTarget target) {
        Map<String, String> json = new LinkedHashMap<>();
        if (target instanceof PushTarget.FcmToken fcm) {
            json.put("kind", Kind.FCM.name());
            json.put("token", fcm.token());
        } else {
            PushTarget.WebPushSubscription web = (PushTarget.WebPushSubscription) target;
            json.put("kind", Kind.WEBPUSH.name());
            json.put("endpoint", web.endpoint());
            json.put("p256dh", web.p256dh());
            json.put("auth", web.auth());
        }
        return json;
    }

    static PushTarget parseTarget(String json) {
        JsonNode node = Json.read(json, JsonNode.class);
        return switch (Kind.valueOf(node.path("kind").asText())) {
            case FCM -> PushTarget.fcm(node.path("token").asText());
            case WEBPUSH -> PushTarget.webPush(node.path("endpoint").asText(), node.path("p256dh").asText(),
                    node.path("auth").asText());
        };
    }

    private Subscription subscription(ResultSet rs, int row) throws SQLException {
        PushTarget target = parseTarget(cipher.decrypt(rs.getBytes("target_enc")));
        String masked = target instanceof PushTarget.FcmToken fcm ? Mask.tail(fcm.token())
                : Mask.endpoint(((PushTarget.WebPushSubscription) target).endpoint());
        return new Subscription(rs.getLong("id"), rs.getLong("guardian_id"), Kind.valueOf(rs.getString("kind")),
                masked, rs.getString("label"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("last_success_at")), instant(rs.getTimestamp("pruned_at")),
                rs.getString("prune_reason"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200);
    }
}
