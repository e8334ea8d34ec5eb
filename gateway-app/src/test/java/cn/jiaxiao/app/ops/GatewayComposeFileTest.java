package cn.jiaxiao.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.app.config.JiaxiaoProperties;
import cn.jiaxiao.routes.support.Queues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose.yaml and docker/broker.xml kept honest without a Docker engine: every SPRING_* and
 * JIAXIAO_* variable given to the gateways binds to a real property, and the broker declares every queue.
 */
class GatewayComposeFileTest {

    private static final Path DOCKER = Path.of("..", "docker");

    @Test
    void everyGatewayVariableNamesARealProperty() throws Exception {
        Map<String, Object> compose;
        try (InputStream in = Files.newInputStream(DOCKER.resolve("compose.yaml"))) {
            compose = new Yaml().load(in);
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        List<String> gateways = services.keySet().stream().filter(s -> s.startsWith("gateway")).toList();
        assertThat(gateways).as("two gateway instances").hasSize(2);

        Map<String, Object> environment = new LinkedHashMap<>();
        for (String gateway : gateways) {
            @SuppressWarnings("unchecked")
            Map<String, Object> env = (Map<String, Object>) services.get(gateway).get("environment");
            assertThat(env).as(gateway).containsKeys("SPRING_DATASOURCE_URL", "SPRING_ARTEMIS_BROKER_URL",
                    "JIAXIAO_SMPP_CONNECTIONS_0_HOST", "SPRING_MAIL_HOST", "SERVER_PORT");
            environment.putAll(env);
            assertThat(services.get(gateway).get("env_file")).as("secrets from an env file").isEqualTo("gateway.env");
        }
        for (String line : Files.readAllLines(DOCKER.resolve("gateway.env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                environment.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        assertThat(environment).containsKey("JIAXIAO_ENCRYPTION_KEY");
        assertThat(services.get("gateway1").get("ports").toString()).isNotEqualTo(
                services.get("gateway2").get("ports").toString());

        Map<String, Object> strings = new LinkedHashMap<>();
        environment.forEach((k, v) -> strings.put(k, String.valueOf(v)));
        ConfigurationPropertySource source = ConfigurationPropertySources.from(
                new SystemEnvironmentPropertySource("compose-systemEnvironment", strings)).iterator().next();

        // jiaxiao.*: each variable must change what binds to JiaxiaoProperties when its value changes
        JiaxiaoProperties bound = bind(strings);
        assertThat(bound.getSmpp().getConnections()).hasSize(1);
        assertThat(bound.getSmpp().getConnections().get(0).getHost()).isEqualTo("smsc");
        assertThat(bound.getSmpp().getConnections().get(0).getSystemId()).isEqualTo("jiaxiao");
        assertThat(bound.getEncryptionKey()).isNotBlank();
        String base = SNAPSHOT.writeValueAsString(bound);
        List<String> unbound = new ArrayList<>();
        for (String key : strings.keySet()) {
            if (!key.startsWith("JIAXIAO_")) {
                continue;
            }
            Map<String, Object> changed = new LinkedHashMap<>(strings);
            changed.put(key, perturb((String) strings.get(key)));
            try {
                if (SNAPSHOT.writeValueAsString(bind(changed)).equals(base)) {
                    unbound.add(key);
                }
            } catch (BindException e) {
                // refused as the property's type: it does bind
            }
        }
        assertThat(unbound).as("JIAXIAO_* variables that bind to no property").isEmpty();

        // everything else: a name in Spring Boot's configuration metadata
        Set<String> matched = new HashSet<>();
        for (String name : metadataNames()) {
            if (!ConfigurationPropertyName.isValid(name)) {
                continue;
            }
            ConfigurationProperty property = source.getConfigurationProperty(ConfigurationPropertyName.of(name));
            if (property != null) {
                matched.add(property.getOrigin().toString());
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String key : environment.keySet()) {
            if (key.startsWith("JIAXIAO_") || key.equals("JAVA_OPTS")) {
                continue;
            }
            if (matched.stream().noneMatch(origin -> origin.contains("\"" + key + "\""))) {
                unknown.add(key);
            }
        }
        assertThat(unknown).as("variables that bind to no known property").isEmpty();
    }

    @Test
    void theBrokerDeclaresEveryQueueAndTheRedeliverySettings() throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(DOCKER.resolve("broker.xml").toFile());
        Set<String> declared = new HashSet<>();
        NodeList queues = document.getElementsByTagName("queue");
        for (int i = 0; i < queues.getLength(); i++) {
            declared.add(((Element) queues.item(i)).getAttribute("name"));
        }
        Set<String> expected = new HashSet<>();
        for (Field field : Queues.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                expected.add((String) field.get(null));
            }
        }
        assertThat(declared).containsAll(expected);
        String xml = Files.readString(DOCKER.resolve("broker.xml"));
        // the same as BrokerRedeliveryConfiguration's for the embedded broker
        assertThat(xml).contains("<redelivery-delay>1000</redelivery-delay>")
                .contains("<redelivery-delay-multiplier>2.0</redelivery-delay-multiplier>")
                .contains("<max-redelivery-delay>60000</max-redelivery-delay>")
                .contains("<max-delivery-attempts>30</max-delivery-attempts>")
                .contains("<dead-letter-address>DLA</dead-letter-address>")
                .contains("<dead-letter-queue-prefix>DLQ.</dead-letter-queue-prefix>");
        String embedded = Files.readString(Path.of("src/main/resources/application.yml"));
        expected.forEach(queue -> assertThat(embedded).contains(queue));
    }

    private static final ObjectMapper SNAPSHOT = new ObjectMapper().findAndRegisterModules()
            .configure(com.fasterxml.jackson.databind.SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    private static JiaxiaoProperties bind(Map<String, Object> environment) {
        ConfigurationPropertySource source = ConfigurationPropertySources.from(
                new SystemEnvironmentPropertySource("compose-systemEnvironment", environment)).iterator().next();
        return new Binder(source).bindOrCreate("jiaxiao", Bindable.of(JiaxiaoProperties.class));
    }

    private static String perturb(String value) {
        if (value.matches("\\d+")) {
            return String.valueOf(Long.parseLong(value) + 1);
        }
        if (value.equals("true") || value.equals("false")) {
            return String.valueOf(!Boolean.parseBoolean(value));
        }
        return value + "x";
    }

    private static Set<String> metadataNames() throws Exception {
        Set<String> names = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        Enumeration<URL> resources = GatewayComposeFileTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json");
        while (resources.hasMoreElements()) {
            try (InputStream in = resources.nextElement().openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    names.add(property.path("name").asText());
                }
            }
        }
        names.add("server.port");
        return names;
    }
}
