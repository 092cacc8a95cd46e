package org.ilium.shared;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The actor of the current thread. The web layer sets it per request after authentication; commands
 * set it for their run. The database layer reads the site from here to scope every query.
 */
public final class CurrentActor {
    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    private CurrentActor() {
    }

    public static Optional<Actor> get() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static Optional<UUID> siteId() {
        return get().map(Actor::siteId);
    }

    /** The actor, for code that must never run without one. */
    public static Actor require() {
        Actor actor = CURRENT.get();
        if (actor == null) {
            throw new IllegalStateException("no actor on this thread");
        }
        return actor;
    }

    public static <T> T callAs(Actor actor, Supplier<T> work) {
        Actor previous = CURRENT.get();
        CURRENT.set(actor);
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    public static void runAs(Actor actor, Runnable work) {
        callAs(actor, () -> {
            work.run();
            return null;
        });
    }

    /** Sets the actor until the returned scope is closed, for code that cannot pass a lambda. */
    public static Scope enter(Actor actor) {
        Actor previous = CURRENT.get();
        CURRENT.set(actor);
        return () -> restore(previous);
    }

    /** Closing it restores the actor that was current before. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static void restore(Actor previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
