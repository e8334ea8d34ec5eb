package cn.jiaxiao.app.ops;

import cn.jiaxiao.routes.smpp.SmppClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One health indicator per SMPP connection, under {@code smpp} (the database's is {@code db}, the broker's
 * {@code jms}, both Spring Boot's own).
 *
 * <p>A connection is {@code UP} while at least one of its submitting sessions is bound, and {@code UNBOUND}
 * otherwise. {@code UNBOUND} is a status of its own on purpose: the overall health, which the Docker
 * health check and load balancers read, leaves statuses out of its order out of the aggregate, so one
 * carrier down (others may still take the traffic, and restarting the gateway would not bring a carrier
 * back) does not take the instance out of service. The health group {@code carriers}
 * ({@code /actuator/health/carriers}, application.yml) orders {@code UNBOUND} like {@code DOWN} and answers
 * 503 when any connection is unbound: that is what alerting watches.
 */
@Configuration(proxyBeanMethods = false)
class SmppHealthConfiguration {

    static final Status UNBOUND = new Status("UNBOUND", "no submitting session bound to the SMSC");

    @Bean("smpp")
    HealthContributor smppHealth(SmppClient smpp) {
        Map<String, HealthIndicator> connections = new LinkedHashMap<>();
        smpp.status().forEach(c -> connections.put(c.name(), () -> health(smpp, c.name())));
        return CompositeHealthContributor.fromMap(connections);
    }

    static Health health(SmppClient smpp, String name) {
        return smpp.status().stream().filter(s -> s.name().equals(name)).findFirst()
                .map(c -> health(c, smpp.boundSubmitting(name)))
                .orElseGet(() -> Health.unknown().build());
    }

    static Health health(SmppClient.ConnectionStatus c, int submitting) {
        Health.Builder health = submitting > 0 ? Health.up() : Health.status(UNBOUND);
        return health
                .withDetail("host", c.host())
                .withDetail("port", c.port())
                .withDetail("bindMode", c.bindMode())
                .withDetail("sessions", c.binds())
                .withDetail("boundSessions", c.boundSessions())
                .withDetail("boundSubmitting", submitting)
                .withDetail("window", c.window())
                .withDetail("inFlight", c.inFlight())
                .withDetail("maxTps", c.maxTps())
                .withDetail("recentTps", Math.round(c.recentTps() * 10) / 10.0)
                .build();
    }
}
