package org.ilium.shared;

import java.util.Objects;
import java.util.UUID;

/** Who is acting and for which site: every read and write of patient data happens on behalf of one. */
public record Actor(UUID userId, String username, UUID siteId) {
    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(siteId, "siteId");
    }
}
