package cn.jiaxiao.routes.delivery;

import cn.jiaxiao.routes.schedule.QuietHours;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Messages that wait in the outbox for a time ({@code not_before}): those a sender met in quiet hours, and
 * fallback SMS. Quiet hours hold every message but emergencies and attendance alerts, including those of a
 * notice whose sending was under way when the window closed; when a message's time comes it is queued again.
 */
public class HeldMessages implements SendHold {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionOperations tx;
    /** Read at each batch: the school may change quiet hours while the gateway runs. */
    private final Supplier<QuietHours> quietHours;
    private final Clock clock;
    private final int batchSize;

    public HeldMessages(NamedParameterJdbcTemplate jdbc, TransactionOperations tx, QuietHours quietHours, Clock clock,
            int batchSize) {
        this(jdbc, tx, () -> quietHours, clock, batchSize);
    }

    public HeldMessages(NamedParameterJdbcTemplate jdbc, TransactionOperations tx, Supplier<QuietHours> quietHours,
            Clock clock, int batchSize) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.quietHours = quietHours;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /**
     * In quiet hours, holds the batch's messages that may wait until the window opens; the sender then claims
     * only what is left (emergencies). Outside quiet hours, one comparison and nothing else.
     */
    @Override
    public void holdIfQuiet(Collection<Long> ids) {
        Instant now = clock.instant();
        QuietHours quiet = quietHours.get();
        if (ids.isEmpty() || !quiet.contains(now)) {
            return;
        }
        jdbc.update("""
                update outbound_message m set not_before = :until, claimed_at = null
                from notice n
                where m.id in (:ids) and n.id = m.notice_id and m.state || '' = 'QUEUED' -- by id, not by state
                  and n.kind not in (:mandatory) and (m.not_before is null or m.not_before < :until)""",
                new MapSqlParameterSource().addValue("ids", ids)
                        .addValue("until", Timestamp.from(quiet.nextAllowed(now)))
                        .addValue("mandatory", ChannelMessageRepository.MANDATORY_KINDS));
    }

    /**
     * Queues again the held messages whose time has come, a slice at a time. Their hold is cleared and committed
     * before they are queued — a sender may take a batch the moment it is queued, and must find it claimable — so
     * two gateway instances never queue the same message; a crash between the two steps leaves them to
     * {@link #requeueStale}.
     *
     * @return how many were queued
     */
    public int releaseDue(BatchQueue queue, int limit) {
        List<QueuedMessage> due = tx.execute(status -> {
            List<QueuedMessage> rows = new ArrayList<>();
            jdbc.query("""
                    select id, recipient_hash, channel from outbound_message
                    where state = 'QUEUED' and not_before <= :now order by id limit :limit
                    for update skip locked""",
                    new MapSqlParameterSource().addValue("now", Timestamp.from(clock.instant())).addValue("limit", limit),
                    rs -> {
                        rows.add(new QueuedMessage(rs.getLong("id"), QueuedMessage.groupOf(rs.getBytes("recipient_hash")),
                                rs.getString("channel")));
                    });
            if (!rows.isEmpty()) {
                jdbc.update("update outbound_message set not_before = null, dispatched_at = now() where id in (:ids)",
                        Map.of("ids", rows.stream().map(QueuedMessage::id).toList()));
            }
            return rows;
        });
        if (due == null || due.isEmpty()) {
            return 0;
        }
        SendBatches.of(due, batchSize).forEach(queue::enqueue);
        return due.size();
    }

    /**
     * The outbox's safety net: a message queued long ago that no sender has taken (its broker message was lost,
     * or the gateway died between committing and queueing it) is queued again. A duplicate broker message is
     * harmless: the senders' claim lets only one of them send.
     *
     * @return how many were queued again
     */
    public int requeueStale(BatchQueue queue, java.time.Duration age, int limit) {
        List<QueuedMessage> stale = tx.execute(status -> {
            List<QueuedMessage> rows = new ArrayList<>();
            jdbc.query("""
                    select id, recipient_hash, channel from outbound_message
                    where state = 'QUEUED' and not_before is null and dispatched_at < now() - make_interval(secs => :age)
                      and (claimed_at is null or claimed_at < now() - make_interval(secs => :age))
                    order by id limit :limit for update skip locked""",
                    new MapSqlParameterSource().addValue("age", (double) age.toSeconds()).addValue("limit", limit),
                    rs -> {
                        rows.add(new QueuedMessage(rs.getLong("id"), QueuedMessage.groupOf(rs.getBytes("recipient_hash")),
                                rs.getString("channel")));
                    });
            if (!rows.isEmpty()) {
                jdbc.update("update outbound_message set dispatched_at = now() where id in (:ids)",
                        Map.of("ids", rows.stream().map(QueuedMessage::id).toList()));
            }
            return rows;
        });
        if (stale == null || stale.isEmpty()) {
            return 0;
        }
        SendBatches.of(stale, batchSize).forEach(queue::enqueue);
        return stale.size();
    }
}
