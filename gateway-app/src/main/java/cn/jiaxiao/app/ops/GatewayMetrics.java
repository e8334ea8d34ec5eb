package cn.jiaxiao.app.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Gauges read from the database every {@code jiaxiao.metrics.refresh}, on one thread, so a Prometheus
 * scrape never waits for SQL: messages created within {@code jiaxiao.metrics.window} by channel and
 * state ({@code jiaxiao.messages}), and the time from a message's creation to its submission to the
 * carrier over the last window ({@code jiaxiao.messages.send.latency}, seconds, by quantile). Both
 * queries use the index on {@code outbound_message (created_at)} (V15).
 */
public class GatewayMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(GatewayMetrics.class);
    private static final double[] QUANTILES = {0.5, 0.95, 0.99};

    private final NamedParameterJdbcTemplate jdbc;
    private final Duration window;
    private final AtomicReference<List<Map<String, Object>>> counts = new AtomicReference<>(List.of());
    private final AtomicReference<double[]> latency = new AtomicReference<>(new double[QUANTILES.length]);
    private volatile MultiGauge messages;

    public GatewayMetrics(NamedParameterJdbcTemplate jdbc, Duration window) {
        this.jdbc = jdbc;
        this.window = window;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        messages = MultiGauge.builder("jiaxiao.messages")
                .description("Messages created within the metrics window, by channel and state")
                .register(registry);
        for (int i = 0; i < QUANTILES.length; i++) {
            int q = i;
            Gauge.builder("jiaxiao.messages.send.latency", latency, l -> l.get()[q])
                    .description("Seconds from a message's creation to its submission, over the metrics window")
                    .baseUnit("seconds")
                    .tags(Tags.of("quantile", String.valueOf(QUANTILES[q])))
                    .register(registry);
        }
    }

    /** Re-reads the gauges' values; a database error keeps the previous ones. */
    public void refresh() {
        Map<String, Object> since = Map.of("seconds", window.toSeconds());
        try {
            List<Map<String, Object>> rows = jdbc.queryForList("""
                    select channel, state, count(*) as n from outbound_message
                    where created_at > now() - make_interval(secs => :seconds)
                    group by channel, state""", since);
            counts.set(rows);
            MultiGauge gauge = messages;
            if (gauge != null) {
                List<MultiGauge.Row<?>> gaugeRows = new ArrayList<>();
                for (Map<String, Object> row : rows) {
                    gaugeRows.add(MultiGauge.Row.of(Tags.of("channel", String.valueOf(row.get("channel")),
                            "state", String.valueOf(row.get("state"))), ((Number) row.get("n")).doubleValue()));
                }
                gauge.register(gaugeRows, true);
            }
            latency.set(jdbc.query("""
                    select percentile_cont(array[0.5, 0.95, 0.99]) within group
                             (order by extract(epoch from submitted_at - created_at)) as q
                    from outbound_message
                    where created_at > now() - make_interval(secs => :seconds) and submitted_at is not null""",
                    since, rs -> {
                        if (!rs.next() || rs.getArray("q") == null) {
                            return new double[QUANTILES.length];
                        }
                        Object[] values = (Object[]) rs.getArray("q").getArray();
                        double[] out = new double[QUANTILES.length];
                        for (int i = 0; i < out.length && i < values.length; i++) {
                            out[i] = values[i] == null ? 0 : ((Number) values[i]).doubleValue();
                        }
                        return out;
                    }));
        } catch (RuntimeException e) {
            log.warn("Message metrics not refreshed: {}", e.toString());
        }
    }

    /** The last counts read, for tests. */
    public List<Map<String, Object>> lastCounts() {
        return counts.get();
    }
}
