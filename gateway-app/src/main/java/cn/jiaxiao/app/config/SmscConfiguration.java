package cn.jiaxiao.app.config;

import cn.jiaxiao.routes.smpp.SmppClient;
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
        inProcessSmsc.ifAvailable(simulator -> settings.add(new SmppSettings("simulator", "127.0.0.1",
                simulator.smppPort(), "jiaxiao", "", "", "1069000", 1, 10, Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(10), List.of())));
        settings.forEach(s -> log.info("SMPP connection {}", s));
        return List.copyOf(settings);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    SmppClient smppClient(List<SmppSettings> smppConnections, CamelQueues queues) {
        return new SmppClient(smppConnections, queues);
    }
}
