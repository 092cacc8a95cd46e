package org.ilium.database;

import java.io.IOException;

/** The database this process uses, and whether it owns (and so must stop) the server. */
public final class DatabaseServer implements AutoCloseable {
    private final DatabaseEndpoint endpoint;
    private final EmbeddedPostgresServer embedded;

    private DatabaseServer(DatabaseEndpoint endpoint, EmbeddedPostgresServer embedded) {
        this.endpoint = endpoint;
        this.embedded = embedded;
    }

    static DatabaseServer embedded(EmbeddedPostgresServer server) {
        return new DatabaseServer(server.endpoint(), server);
    }

    static DatabaseServer external(DatabaseEndpoint endpoint) {
        return new DatabaseServer(endpoint, null);
    }

    public DatabaseEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
