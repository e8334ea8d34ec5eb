package cn.jiaxiao.routes.delivery;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.provisioning.contact.MobileNumber;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;

/** The per-recipient messages: the outbox that feeds the senders, and the archive of what was sent. */
public class OutboundMessageRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactCipher cipher;
    private final Duration claimLease;

    public OutboundMessageRepository(NamedParameterJdbcTemplate jdbc, ContactCipher cipher, Duration claimLease) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.claimLease = claimLease;
    }

    /**
     * Inserts the messages with ids drawn up front, so that the caller can queue them after commit, and marks
     * them dispatched once it has ({@link #markDispatched}).
     */
    public List<QueuedMessage> insertAll(List<NewMessage> messages) {
        return insert(messages, false);
    }

    /**
     * Inserts the messages already marked dispatched, for a caller that queues every one of them right after its
     * commit and finds them again with {@link #unclaimed} if it can't (the fan-out): marking 100,000 rows
     * afterwards would write each of them a second time.
     */
    public List<QueuedMessage> insertDispatched(List<NewMessage> messages) {
        return insert(messages, true);
    }

    private List<QueuedMessage> insert(List<NewMessage> messages, boolean dispatched) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.queryForList(
                "select nextval('outbound_message_id_seq') from generate_series(1, :n)",
                Map.of("n", messages.size()), Long.class);
        // The database's clock, as "now()" in an INSERT would read it, so that the stale sweep compares like times.
        String dispatchedAt = dispatched
                ? OutboxCopy.timestamp(jdbc.queryForObject("select now()", Map.of(), Timestamp.class).toInstant())
                : null;
        List<QueuedMessage> queued = new ArrayList<>(messages.size());
        jdbc.getJdbcTemplate().execute((ConnectionCallback<Long>) connection -> {
            try (OutboxCopy copy = new OutboxCopy(connection)) {
                for (int i = 0; i < messages.size(); i++) {
                    NewMessage m = messages.get(i);
                    byte[] hash = cipher.lookupHash(m.address());
                    queued.add(new QueuedMessage(ids.get(i), group(hash), m.channel()));
                    copy.value(ids.get(i)).value(m.noticeId()).value(m.channel()).value(m.guardianId())
                            .value(m.staffId()).value(cipher.encrypt(m.address())).value(hash).value(m.masked())
                            .value(m.body()).value(m.segments()).value(DeliveryState.QUEUED.name())
                            .value(m.content().subject()).value(m.content().html()).value(m.content().payloadJson())
                            .value(m.content().targetId()).value(m.notBefore()).value(m.fallbackOf())
                            .value(dispatchedAt).endRow();
                }
                return copy.finish();
            }
        });
        return queued;
    }

    /**
     * The notice's messages that no sender has taken yet, to hand out again when its release comes back (the
     * gateway died after the fan-out committed, before the broker had all its batches): those inserted dispatched
     * carry no trace of whether their batch reached the broker. Any that did are then queued twice, which the
     * senders' claim makes harmless.
     */
    public List<QueuedMessage> unclaimed(long noticeId) {
        return jdbc.query("""
                select id, recipient_hash, channel from outbound_message where notice_id = :notice and state = 'QUEUED'
                and claimed_at is null and not_before is null order by id""", Map.of("notice", noticeId),
                (rs, n) -> new QueuedMessage(rs.getLong("id"), group(rs.getBytes("recipient_hash")),
                        rs.getString("channel")));
    }

    public void markDispatched(List<Long> ids) {
        // In slices: a statement takes at most 32,767 parameters, a district-wide notice has more recipients.
        for (int from = 0; from < ids.size(); from += 10_000) {
            jdbc.update("update outbound_message set dispatched_at = now() where id in (:ids)",
                    Map.of("ids", ids.subList(from, Math.min(ids.size(), from + 10_000))));
        }
    }

    /** How many submit_sm the message takes on its connection: its parts, or one with message_payload. */
    public void expectParts(long id, int parts) {
        jdbc.update("update outbound_message set submit_parts = :parts where id = :id and submit_parts is null",
                Map.of("parts", parts, "id", id));
    }

    /** The message's concatenation reference: allocated once, the next in its recipient's rotation of 256. */
    public int concatReference(long id) {
        Integer existing = jdbc.queryForObject("select concat_ref from outbound_message where id = :id",
                Map.of("id", id), Integer.class);
        if (existing != null) {
            return existing;
        }
        Integer allocated = jdbc.queryForObject("""
                insert into concat_reference (recipient_hash, last_ref)
                select recipient_hash, 0 from outbound_message where id = :id
                on conflict (recipient_hash) do update set last_ref = (concat_reference.last_ref + 1) % 256
                returning last_ref""", Map.of("id", id), Integer.class);
        jdbc.update("update outbound_message set concat_ref = :ref where id = :id", Map.of("ref", allocated, "id", id));
        return allocated;
    }

    private static String group(byte[] recipientHash) {
        return QueuedMessage.groupOf(recipientHash);
    }

    /** Locks a queued message for the length of the caller's transaction; see {@link #lockQueued}. */
    public Optional<ClaimedMessage> claim(long id) {
        return lockQueued(List.of(id)).stream().findFirst();
    }

    /**
     * Locks those of the messages that are still queued and due, for the length of the caller's transaction,
     * skipping any that another sender has locked; the others were sent already (a redelivery). The sender
     * writes the outcome in the same transaction, so a send writes each message row once (a lease taken in its
     * own transaction wrote it twice), and a sender that dies releases its locks with its connection. In id order.
     */
    public List<ClaimedMessage> lockQueued(Collection<Long> ids) {
        // "state || ''" keeps the planner on the primary key: just after a large fan-out the statistics still say
        // QUEUED is rare, and it would walk every queued row of the (notice_id, state) index for 200 ids (seen:
        // 47 ms per claim at 100,000 queued, against 1 ms). The same holds for the other by-id statements here.
        // claimed_at: the lease of a sender of an earlier version, still honoured during a rolling upgrade.
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ClaimedMessage> claimed = new ArrayList<>(ids.size());
        List<Long> retried = new ArrayList<>();
        jdbc.query("""
                select id, notice_id, recipient_enc, body, attempts from outbound_message
                where id in (:ids) and state || '' = 'QUEUED' and (claimed_at is null or claimed_at < :expired)
                  and not_before is null
                order by id
                for update skip locked""",
                new MapSqlParameterSource().addValue("ids", ids)
                        .addValue("expired", Timestamp.from(Instant.now().minus(claimLease))),
                rs -> {
                    long id = rs.getLong("id");
                    int attempts = rs.getInt("attempts");
                    if (attempts > 0) {
                        retried.add(id);
                    }
                    claimed.add(new ClaimedMessage(id, rs.getLong("notice_id"),
                            new MobileNumber(cipher.decrypt(rs.getBytes("recipient_enc"))), rs.getString("body"),
                            attempts, Set.of()));
                });
        if (!retried.isEmpty()) {
            // Only a message tried before can have parts the SMSC already accepted.
            Map<Long, Set<Integer>> accepted = new HashMap<>();
            jdbc.query("select message_id, part_no from sms_part where message_id in (:ids)", Map.of("ids", retried),
                    rs -> {
                        accepted.computeIfAbsent(rs.getLong("message_id"), k -> new HashSet<>()).add(rs.getInt("part_no"));
                    });
            claimed.replaceAll(m -> accepted.containsKey(m.id()) ? m.withAcceptedParts(accepted.get(m.id())) : m);
        }
        return claimed;
    }

    /**
     * How many of the messages a lock left out are still queued and due: another sender holds them (or, during a
     * rolling upgrade, a sender of an earlier version holds their lease). Their broker message must come back
     * later rather than be acknowledged, or they would never be sent.
     */
    public int leasedElsewhere(Collection<Long> unclaimed) {
        if (unclaimed.isEmpty()) {
            return 0;
        }
        Integer n = jdbc.queryForObject("""
                select count(*) from outbound_message
                where id in (:ids) and state || '' = 'QUEUED' and not_before is null""",
                Map.of("ids", unclaimed), Integer.class);
        return n == null ? 0 : n;
    }

    /**
     * Writes back what the SMSC made of a batch, in the transaction that locked its messages. {@code again}: a
     * retry in a new transaction after the first one failed, when some of it may have been committed after all.
     */
    public void recordOutcome(BatchOutcome outcome, boolean again) {
        Map<Long, Integer> submitted = outcome.submittedMessages();
        if (!submitted.isEmpty()) {
            jdbc.update("""
                    update outbound_message set state = 'SUBMITTED', submitted_at = now(), attempts = attempts + 1,
                           claimed_at = null, error = null
                    where id in (:ids) and state || '' = 'QUEUED'""", Map.of("ids", submitted.keySet()));
        }
        outcome.failedMessages().forEach(this::markFailed);
        List<BatchOutcome.AcceptedPart> parts = outcome.acceptedParts();
        if (!parts.isEmpty()) {
            jdbc.update("""
                    insert into sms_part (message_id, part_no, connection, smsc_id, smsc_key, state)
                    select message_id, part_no, connection, smsc_id, smsc_key, 'SUBMITTED'
                    from unnest(:messages, :parts, :connections, :smscIds, :keys)
                         as p (message_id, part_no, connection, smsc_id, smsc_key)"""
                    + (again ? " on conflict do nothing" : ""),
                    new MapSqlParameterSource()
                            .addValue("messages", bigints(parts.stream().map(BatchOutcome.AcceptedPart::messageId).toList()))
                            .addValue("parts", new SqlArrayValue("int4",
                                    parts.stream().map(BatchOutcome.AcceptedPart::partNo).toArray()))
                            .addValue("connections", texts(parts.stream().map(BatchOutcome.AcceptedPart::connection)))
                            .addValue("smscIds", texts(parts.stream().map(BatchOutcome.AcceptedPart::smscId)))
                            .addValue("keys", texts(parts.stream().map(p -> SmscIdKey.canonical(p.smscId())))));
        }
        outcome.deferredMessages().forEach(this::deferred);
        // Parts recorded just now have no receipt yet (a receipt can't match an uncommitted part): only a message
        // resumed with parts from an earlier attempt can already be complete.
        List<Long> resumed = outcome.resumedMessages().stream().filter(submitted::containsKey).toList();
        if (!resumed.isEmpty()) {
            settleFromParts(resumed);
        }
    }

    public void recordOutcome(BatchOutcome outcome) {
        recordOutcome(outcome, false);
    }

    /** Tried and left queued: counted, so that the next try looks for parts the SMSC accepted this time. */
    private void deferred(long id, String error) {
        jdbc.update("""
                update outbound_message set attempts = attempts + 1, claimed_at = null, error = :error
                where id = :id and state || '' = 'QUEUED'""",
                new MapSqlParameterSource().addValue("id", id).addValue("error", truncate(error)));
    }

    public void releaseClaim(long id, String error) {
        jdbc.update("update outbound_message set claimed_at = null, error = :error where id = :id",
                new MapSqlParameterSource().addValue("id", id).addValue("error", truncate(error)));
    }

    public void markFailed(long id, String error) {
        jdbc.update("""
                update outbound_message set state = 'FAILED', done_at = now(), claimed_at = null, error = :error
                where id = :id and state = 'QUEUED'""",
                new MapSqlParameterSource().addValue("id", id).addValue("error", truncate(error)));
    }

    /**
     * Locks the message row: the sender finishing its last part and receipts for its parts settle the
     * message one at a time, so no outcome is computed from a half-seen set of parts.
     */
    public void lock(long id) {
        jdbc.queryForList("select id from outbound_message where id = :id for update", Map.of("id", id));
    }

    /** Gives a submitted message its final state once every part has its receipt: DELIVERED only if all were. */
    public void settleFromParts(long id) {
        settleFromParts(List.of(id));
    }

    public void settleFromParts(Collection<Long> ids) {
        // EXPIRED_UNKNOWN too: a receipt later than the expiry still tells the truth.
        jdbc.update("""
                update outbound_message m set done_at = now(), state = parts.outcome,
                       error = case when m.state = 'EXPIRED_UNKNOWN' then null else m.error end
                from (select message_id, count(*) as total, bool_and(state <> 'SUBMITTED') as all_final,
                             case when bool_and(state = 'DELIVERED') then 'DELIVERED'
                                  when bool_or(state = 'REJECTED') then 'REJECTED'
                                  when bool_or(state = 'EXPIRED') then 'EXPIRED'
                                  else 'UNDELIVERABLE' end as outcome
                      from sms_part where message_id in (:ids) group by message_id) parts
                where m.id in (:ids) and m.id = parts.message_id and m.state || '' in ('SUBMITTED', 'EXPIRED_UNKNOWN')
                  and parts.total = coalesce(m.submit_parts, m.segments) and parts.all_final""", Map.of("ids", ids));
    }

    public DeliveryStats stats(long noticeId) {
        Map<String, Map<DeliveryState, Integer>> counts = new java.util.TreeMap<>();
        jdbc.query("""
                select channel, state, count(*) as n from outbound_message where notice_id = :notice
                group by channel, state""",
                Map.of("notice", noticeId),
                rs -> {
                    counts.computeIfAbsent(rs.getString("channel"), c -> new EnumMap<>(DeliveryState.class))
                            .put(DeliveryState.valueOf(rs.getString("state")), rs.getInt("n"));
                });
        return DeliveryStats.perChannel(counts);
    }

    public List<Delivery> deliveries(long noticeId, int offset, int limit) {
        List<Delivery> result = new ArrayList<>();
        jdbc.query("""
                select m.id, m.channel, m.recipient_masked, m.body, m.segments, m.state, m.error, m.created_at,
                       m.submitted_at, m.done_at,
                       coalesce((select string_agg(p.smsc_id, ',' order by p.part_no) from sms_part p
                                 where p.message_id = m.id), '') as smsc_ids
                from outbound_message m where m.notice_id = :notice order by m.id offset :offset limit :limit""",
                Map.of("notice", noticeId, "offset", offset, "limit", limit),
                rs -> {
                    String ids = rs.getString("smsc_ids");
                    result.add(new Delivery(rs.getLong("id"), rs.getString("channel"), rs.getString("recipient_masked"),
                            rs.getString("body"), rs.getInt("segments"), DeliveryState.valueOf(rs.getString("state")),
                            ids.isEmpty() ? List.of() : List.of(ids.split(",")), rs.getString("error"),
                            instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("submitted_at")),
                            instant(rs.getTimestamp("done_at"))));
                });
        return result;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    /*
     * A batch's parts go to PostgreSQL as one array parameter per column rather than one parameter per value: 5
     * parameters to bind and plan instead of 1,000 for 200 parts. The by-id statements keep their IN lists: with
     * "id = any(array)" the bench measured more PostgreSQL CPU per message, not less.
     */
    private static SqlArrayValue bigints(Collection<Long> ids) {
        return new SqlArrayValue("int8", ids.toArray());
    }

    private static SqlArrayValue texts(java.util.stream.Stream<String> values) {
        return new SqlArrayValue("text", values.toArray());
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 200 ? error : error.substring(0, 200);
    }
}
