package cn.jiaxiao.app.config;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Naming an external broker is enough to use it: Spring Boot would otherwise keep the embedded Artemis
 * as long as its classes are present, and a {@code spring.artemis.broker-url} would be silently ignored.
 */
public class ExternalServicesEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.artemis.broker-url")
                && !environment.containsProperty("spring.artemis.mode")) {
            environment.getPropertySources().addLast(new MapPropertySource("jiaxiao-external-artemis",
                    Map.of("spring.artemis.mode", "native", "spring.artemis.embedded.enabled", "false")));
        }
    }
}
