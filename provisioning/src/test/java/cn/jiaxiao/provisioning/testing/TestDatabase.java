package cn.jiaxiao.provisioning.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A real PostgreSQL for a test class: one embedded server per JVM, a fresh database per call of
 * {@link #create()}, migrated by Flyway with the same scripts as production.
 */
public final class TestDatabase {

    private static EmbeddedPostgres server;
    private static int databases;

    private final DataSource dataSource;

    private TestDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static synchronized TestDatabase create() {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop));
            }
            String name = "test" + (++databases);
            try (var connection = server.getPostgresDatabase().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("create database " + name);
            }
            DataSource dataSource = server.getDatabase("postgres", name);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            return new TestDatabase(dataSource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
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
