package org.ilium.database;

import org.ilium.shared.StartupFailure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Checks the database before migrating it: PostgreSQL 15 or newer; a role that row-level security
 * applies to (site isolation depends on it); and no schema from a newer Ilium, which this version
 * would misread. Any failure stops the start before anything is written.
 */
final class SchemaGuard implements FlywayMigrationStrategy {
    private static final int MIN_SERVER_VERSION = 150000;

    @Override
    public void migrate(Flyway flyway) {
        checkServer(flyway);
        MigrationInfo[] future = Arrays.stream(flyway.info().all())
                .filter(m -> m.getState().name().startsWith("FUTURE"))
                .toArray(MigrationInfo[]::new);
        if (future.length > 0) {
            String known = flyway.info().current() == null ? "none" : latestLocal(flyway);
            throw new StartupFailure("The database was migrated by a newer version of Ilium: it is at schema version "
                    + future[future.length - 1].getVersion() + ", this version knows up to " + known
                    + " (unknown: " + Arrays.stream(future).map(m -> m.getVersion() + " " + m.getDescription())
                            .collect(Collectors.joining(", ")) + "). Nothing was changed.",
                    "Run the newer Ilium, or restore a backup made before the upgrade.");
        }
        flyway.migrate();
    }

    private static String latestLocal(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(m -> m.getScript() != null && !m.getState().name().startsWith("FUTURE"))
                .reduce((a, b) -> b).map(m -> String.valueOf(m.getVersion())).orElse("none");
    }

    private static void checkServer(Flyway flyway) {
        try (Connection c = flyway.getConfiguration().getDataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select current_setting('server_version_num')::int, current_setting('server_version')")) {
                rs.next();
                if (rs.getInt(1) < MIN_SERVER_VERSION) {
                    throw new StartupFailure("The database runs PostgreSQL " + rs.getString(2) + "; Ilium needs 15 or newer.",
                            "Upgrade PostgreSQL, or leave ILIUM_DB_URL unset to use the embedded PostgreSQL 17.");
                }
            }
            try (ResultSet rs = s.executeQuery("select current_user, rolsuper or rolbypassrls from pg_roles where rolname = current_user")) {
                if (rs.next() && rs.getBoolean(2)) {
                    throw new StartupFailure("The database role '" + rs.getString(1) + "' is a superuser or bypasses row-level "
                            + "security, so Ilium could not keep each site's patients apart.",
                            "Connect as an ordinary role that owns the Ilium database (CREATE ROLE ilium LOGIN PASSWORD '...'; "
                                    + "CREATE DATABASE ilium OWNER ilium;) and set ILIUM_DB_USER to it.");
                }
            }
        } catch (SQLException e) {
            throw new StartupFailure("Cannot check the database: " + e.getMessage(),
                    "Check ILIUM_DB_URL, ILIUM_DB_USER and ILIUM_DB_PASSWORD.", e);
        }
    }
}
