package org.ilium.database;

import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.ilium.shared.CurrentActor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The one mechanism that scopes every query to the caller's site: each connection handed out carries
 * the current actor's site in the session setting {@code ilium.site_id}, and row-level security
 * policies on every patient-owned table filter by it (see V1 migration). Without an actor the setting
 * is empty and those tables show no rows and accept no inserts.
 */
final class SiteScopedDataSource extends DelegatingDataSource implements Closeable {
    private static final String SET_SITE = "select set_config('ilium.site_id', ?, false)";

    SiteScopedDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(super.getConnection(username, password));
    }

    private static Connection scoped(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SET_SITE)) {
            ps.setString(1, CurrentActor.siteId().map(UUID::toString).orElse(""));
            ps.execute();
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        if (getTargetDataSource() instanceof Closeable closeable) {
            closeable.close();
        }
    }
}
