package org.ilium.database;

import org.ilium.shared.StartupFailure;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the database: a clinic's own PostgreSQL when {@code ILIUM_DB_URL} is set, otherwise the
 * embedded one in {@code ILIUM_DATA_DIR}. Either way the application sees one site-scoped pool.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Closing it stops the embedded server after the pool below has been closed. */
    @Bean
    DatabaseServer databaseServer(@Value("${ilium.db.url:}") String url, @Value("${ilium.db.user:}") String user,
            @Value("${ilium.db.password:}") String password, @Value("${ilium.data-dir}") Path dataDir,
            ObjectProvider<EmbeddedPostgresStartup> startedEarly) {
        if (url.isBlank()) {
            return DatabaseServer.embedded(startedEarly.getIfAvailable(() -> EmbeddedPostgresStartup.begin(dataDir)).await());
        }
        return DatabaseServer.external(new DatabaseEndpoint(jdbcUrl(url.trim()), user, password, false));
    }

    @Bean
    DataSource dataSource(DatabaseServer server, @Value("${ilium.db.pool-size:10}") int poolSize) {
        DatabaseEndpoint endpoint = server.endpoint();
        failFastOnRefusal(endpoint);
        HikariConfig config = new HikariConfig();
        config.setPoolName("ilium");
        config.setJdbcUrl(endpoint.jdbcUrl());
        config.setUsername(endpoint.user());
        config.setPassword(endpoint.password());
        config.setMaximumPoolSize(poolSize);
        config.setInitializationFailTimeout(30_000);
        config.addDataSourceProperty("ApplicationName", "ilium");
        try {
            return new SiteScopedDataSource(new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new StartupFailure("Cannot connect to the database at " + endpoint.jdbcUrl() + ": " + rootMessage(e),
                    endpoint.embedded() ? "Check the log above." : "Check ILIUM_DB_URL, ILIUM_DB_USER and ILIUM_DB_PASSWORD.", e);
        }
    }

    @Bean
    FlywayMigrationStrategy migrationStrategy() {
        return new SchemaGuard();
    }

    /**
     * One direct attempt first: a wrong password or database name will not fix itself, so it stops the
     * start at once; an unreachable server is left to the pool, which keeps trying for 30 s.
     */
    private static void failFastOnRefusal(DatabaseEndpoint endpoint) {
        Properties props = new Properties();
        props.setProperty("user", endpoint.user());
        props.setProperty("password", endpoint.password());
        props.setProperty("connectTimeout", "5");
        try (Connection ignored = DriverManager.getConnection(endpoint.jdbcUrl(), props)) {
            // reachable and accepted
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("28") || state.startsWith("3D") || state.equals("08004")) {
                throw new StartupFailure("The database at " + endpoint.jdbcUrl() + " refused the connection: " + e.getMessage(),
                        "Check ILIUM_DB_URL, ILIUM_DB_USER and ILIUM_DB_PASSWORD.", e);
            }
        }
    }

    /** Accepts the URL forms clinics are handed: JDBC, or postgres:// as libpq writes it. */
    static String jdbcUrl(String url) {
        if (url.startsWith("jdbc:")) {
            return url;
        }
        if (url.startsWith("postgres://")) {
            return "jdbc:postgresql://" + url.substring("postgres://".length());
        }
        if (url.startsWith("postgresql://")) {
            return "jdbc:" + url;
        }
        throw new StartupFailure("ILIUM_DB_URL must be a PostgreSQL URL such as jdbc:postgresql://host:5432/ilium, not "
                + url.replaceAll("//[^@/]*@", "//***@"), "Fix ILIUM_DB_URL.");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
