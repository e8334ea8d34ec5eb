package cn.jiaxiao.provisioning.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A real PostgreSQL for a test class: one embedded server per JVM, a fresh database per call of
 * {@link #create()}, a copy of one migrated by Flyway with the same scripts as production.
 */
public final class TestDatabase {

    private static EmbeddedPostgres server;
    private static int databases;
    /** Migrated once per JVM, then copied for each {@link #create()}. */
    private static final String MIGRATED = "migrated";
    private static final Set<String> templates = new HashSet<>();

    private final DataSource dataSource;

    private TestDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static synchronized TestDatabase create() {
        return create(MIGRATED, database -> { });
    }

    /**
     * A fresh database holding what {@code fill} writes into a migrated one: filled once per JVM under the name
     * {@code template}, then copied. {@code fill} must close every connection it opens.
     */
    public static synchronized TestDatabase create(String template, Consumer<TestDatabase> fill) {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop));
                createDatabase(MIGRATED, "template1");
                Flyway.configure().dataSource(server.getDatabase("postgres", MIGRATED))
                        .locations("classpath:db/migration").load().migrate();
                templates.add(MIGRATED);
            }
            if (templates.add(template)) {
                createDatabase(template, MIGRATED);
                fill.accept(new TestDatabase(server.getDatabase("postgres", template)));
            }
            String name = "test" + (++databases);
            createDatabase(name, template);
            return new TestDatabase(server.getDatabase("postgres", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of a template is a file copy: much cheaper than running every migration again per test. */
    private static void createDatabase(String name, String template) throws java.sql.SQLException {
        try (var connection = server.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database " + name + " template " + template);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public NamedParameterJdbcTemplate jdbc() {
        return new NamedParameterJdbcTemplate(dataSource);
    }

    private static synchronized void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // the JVM is going away; the temp directory goes with it
        }
    }
}
