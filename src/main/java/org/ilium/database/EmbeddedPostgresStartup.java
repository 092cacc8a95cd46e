package org.ilium.database;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded server's start, begun on its own thread as soon as the configuration is known, so
 * that initdb and PostgreSQL's start overlap with Spring's start-up. Whoever takes the server with
 * {@link #await} owns it; if nobody did (the start failed earlier), closing this stops it.
 */
final class EmbeddedPostgresStartup implements AutoCloseable {
    private final CompletableFuture<EmbeddedPostgresServer> server = new CompletableFuture<>();
    private final AtomicBoolean taken = new AtomicBoolean();

    private EmbeddedPostgresStartup() {
    }

    static EmbeddedPostgresStartup begin(Path dataDir) {
        EmbeddedPostgresStartup startup = new EmbeddedPostgresStartup();
        Thread thread = new Thread(() -> {
            try {
                startup.server.complete(EmbeddedPostgresServer.start(dataDir));
            } catch (Throwable t) {
                startup.server.completeExceptionally(t);
            }
        }, "embedded-postgres-start");
        thread.setDaemon(true);
        thread.start();
        return startup;
    }

    EmbeddedPostgresServer await() {
        taken.set(true);
        try {
            return server.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        if (!taken.get()) {
            EmbeddedPostgresServer started = server.exceptionally(t -> null).join();
            if (started != null) {
                started.close();
            }
        }
    }
}
