package cn.jiaxiao.app.ops;

import cn.jiaxiao.app.config.JiaxiaoProperties;
import cn.jiaxiao.routes.audit.AuditTrail;
import cn.jiaxiao.routes.retention.ArchiveRetention;
import cn.jiaxiao.routes.retention.ArchiveRetentionRoute;
import cn.jiaxiao.routes.smpp.SmppClient;
import cn.jiaxiao.routes.support.Queues;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Metrics beyond Spring Boot's own, and the archive-retention job (README "Operations"). */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {

    @Bean
    GatewayMetrics gatewayMetrics(NamedParameterJdbcTemplate jdbc, JiaxiaoProperties properties) {
        return new GatewayMetrics(jdbc, properties.getMetrics().getWindow());
    }

    /** Refreshes the database gauges off the scrape path; a daemon thread, stopped with the context. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService gatewayMetricsRefresh(GatewayMetrics metrics, JiaxiaoProperties properties) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "metrics-refresh");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, properties.getMetrics().getRefresh().toMillis());
        executor.scheduleWithFixedDelay(metrics::refresh, 5_000, period, TimeUnit.MILLISECONDS);
        return executor;
    }

    @Bean
    MeterBinder smppRateMetrics(SmppClient smpp) {
        return registry -> smpp.status().forEach(connection -> {
            String name = connection.name();
            Gauge.builder("jiaxiao.smpp.tps", smpp, c -> c.status().stream().filter(s -> s.name().equals(name))
                            .findFirst().map(SmppClient.ConnectionStatus::recentTps).orElse(0.0))
                    .description("Recent submit_sm per second on this connection (this instance)")
                    .tag("connection", name).register(registry);
            Gauge.builder("jiaxiao.smpp.sessions.bound.submitting", smpp, c -> c.boundSubmitting(name))
                    .tag("connection", name).register(registry);
        });
    }

    /** Only with the embedded broker (an external one exports its own metrics). */
    @Bean
    MeterBinder queueDepthMetrics(ObjectProvider<EmbeddedActiveMQ> embedded) {
        return registry -> embedded.ifAvailable(broker -> new QueueDepthMetrics(broker.getActiveMQServer(), List.of(Queues.NOTICE_RELEASE, Queues.SMS_OUTBOUND,
                Queues.SMS_RECEIPTS, Queues.SMS_INBOUND, Queues.EMAIL_OUTBOUND, Queues.PUSH_OUTBOUND)).bindTo(registry));
    }

    @Bean
    ArchiveRetention archiveRetention(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, AuditTrail audit,
            Clock clock, JiaxiaoProperties properties) {
        JiaxiaoProperties.Archive archive = properties.getArchive();
        return new ArchiveRetention(jdbc, tx, audit, clock, properties.getTimeZone(), archive.getRetention(),
                archive.getSliceNotices());
    }

    @Bean
    @ConditionalOnProperty(name = "jiaxiao.archive.retention-enabled", matchIfMissing = true)
    ArchiveRetentionRoute archiveRetentionRoute(ArchiveRetention retention, JiaxiaoProperties properties) {
        return new ArchiveRetentionRoute(retention, properties.getArchive().getPeriod(), Duration.ofMinutes(1));
    }
}
