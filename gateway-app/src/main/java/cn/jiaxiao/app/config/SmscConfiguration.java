package cn.jiaxiao.app.config;

import cn.jiaxiao.routes.smpp.Concatenation;
import cn.jiaxiao.routes.smpp.SharedTpsLimiter;
import cn.jiaxiao.routes.smpp.SmppClient;
import cn.jiaxiao.routes.smpp.TpsLimiter;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import javax.sql.DataSource;
import cn.jiaxiao.routes.smpp.SmppSettings;
import cn.jiaxiao.routes.support.CamelQueues;
import cn.jiaxiao.smsc.SimulatorConfig;
import cn.jiaxiao.smsc.SmscSimulator;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The SMSC connections of {@code jiaxiao.smpp.connections}; with none configured, an SMSC simulator
 * started in-process, which the gateway binds to over TCP like any carrier.
 */
@Configuration(proxyBeanMethods = false)
class SmscConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SmscConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(NoSmscConfigured.class)
    SmscSimulator inProcessSmsc(JiaxiaoProperties properties) throws IOException {
        JiaxiaoProperties.Simulator config = properties.getSimulator();
        SmscSimulator simulator = SmscSimulator.start(SimulatorConfig.builder()
                .host("127.0.0.1")
                .smppPort(config.getSmppPort())
                .httpPort(config.getHttpPort())
                .receiptDelay(config.getReceiptDelay())
                .build());
        log.info("No SMSC configured: in-process SMSC simulator on 127.0.0.1:{} (control port {})",
                simulator.smppPort(), simulator.httpPort());
        return simulator;
    }

    @Bean
    List<SmppSettings> smppConnections(JiaxiaoProperties properties, ObjectProvider<SmscSimulator> inProcessSmsc) {
        List<SmppSettings> settings = new ArrayList<>();
        List<JiaxiaoProperties.Connection> configured = properties.getSmpp().getConnections();
        for (int i = 0; i < configured.size(); i++) {
            settings.add(configured.get(i).toSettings(i));
        }
        // The simulator takes extensions: source 1069000 + a 4-digit code per notice.
        inProcessSmsc.ifAvailable(simulator -> settings.add(new SmppSettings("simulator", "127.0.0.1",
                simulator.smppPort(), "jiaxiao", "", "", "1069000", 1, 10, Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(10), List.of(), 0,
                SmppSettings.BindMode.TRANSCEIVER, 4, Concatenation.UDH8)));
        settings.forEach(s -> log.info("SMPP connection {}", s));
        return List.copyOf(settings);
    }

    /** Carrier rates held in PostgreSQL, so that all instances together keep each connection's max-tps. */
    @Bean
    TpsLimiter tpsLimiter(DataSource dataSource) {
        return new SharedTpsLimiter(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).build());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    SmppClient smppClient(List<SmppSettings> smppConnections, CamelQueues queues, TpsLimiter limiter) {
        return new SmppClient(smppConnections, queues, limiter);
    }

    /** Per connection: bound sessions, window use, submits, throttles and retries, for Prometheus and friends. */
    @Bean
    MeterBinder smppMetrics(SmppClient smpp) {
        return registry -> smpp.status().forEach(connection -> {
            String name = connection.name();
            Gauge.builder("jiaxiao.smpp.sessions.bound", smpp,
                    c -> c.status().stream().filter(s -> s.name().equals(name)).findFirst()
                            .map(SmppClient.ConnectionStatus::boundSessions).orElse(0))
                    .tag("connection", name).register(registry);
            Gauge.builder("jiaxiao.smpp.window.in-flight", smpp,
                    c -> c.status().stream().filter(s -> s.name().equals(name)).findFirst()
                            .map(SmppClient.ConnectionStatus::inFlight).orElse(0))
                    .tag("connection", name).register(registry);
            FunctionCounter.builder("jiaxiao.smpp.submitted", smpp, c -> c.counters(name).submittedTotal())
                    .tag("connection", name).register(registry);
            FunctionCounter.builder("jiaxiao.smpp.throttled", smpp, c -> c.counters(name).throttledTotal())
                    .tag("connection", name).register(registry);
            FunctionCounter.builder("jiaxiao.smpp.retries", smpp, c -> c.counters(name).retriesTotal())
                    .tag("connection", name).register(registry);
        });
    }
}
