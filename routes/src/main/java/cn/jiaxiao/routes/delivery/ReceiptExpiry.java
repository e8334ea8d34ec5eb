package cn.jiaxiao.routes.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Gives up waiting for receipts: a message submitted longer ago than the timeout without every part's
 * receipt becomes EXPIRED_UNKNOWN. One conditional update, so instances running it at the same time
 * don't interfere; rows a receipt is settling right now are skipped and caught on the next run.
 */
public class ReceiptExpiry {

    private static final Logger log = LoggerFactory.getLogger(ReceiptExpiry.class);
    /** Bounds one statement's work (and locks) after a long receipt outage; the next run takes the rest. */
    private static final int BATCH = 10_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Duration timeout;

    public ReceiptExpiry(NamedParameterJdbcTemplate jdbc, Clock clock, Duration timeout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** How many messages it expired. */
    public int expireOverdue() {
        int expired = jdbc.update("""
                update outbound_message set state = 'EXPIRED_UNKNOWN', done_at = now(), error = :error
                where id in (select id from outbound_message where state = 'SUBMITTED' and submitted_at < :cutoff
                             order by submitted_at limit :batch for update skip locked)
                  and state = 'SUBMITTED'""",
                new MapSqlParameterSource().addValue("cutoff", Timestamp.from(clock.instant().minus(timeout)))
                        .addValue("batch", BATCH).addValue("error", "No delivery receipt within " + timeout));
        if (expired > 0) {
            log.info("{} message(s) without a delivery receipt after {} marked EXPIRED_UNKNOWN", expired, timeout);
        }
        return expired;
    }

    public Duration timeout() {
        return timeout;
    }
}
