package cn.jiaxiao.app.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, the gateway runs its own PostgreSQL 17 (zonky's binaries), its
 * data under {@code jiaxiao.data-dir}/postgres so that a restart keeps everything.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(JiaxiaoProperties properties) throws IOException {
        Path dataDir = properties.getDataDir().resolve("postgres").toAbsolutePath();
        Files.createDirectories(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false);
        if (properties.getEmbedded().getPostgresPort() > 0) {
            builder.setPort(properties.getEmbedded().getPostgresPort());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDir);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        // One multi-row insert per batch instead of a statement per row (outbox rows, SMS parts).
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(30);
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }
}
