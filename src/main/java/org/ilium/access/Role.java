package org.ilium.access;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a user may do. Site roles act within the user's own site; SYSTEM_ADMIN also creates sites. */
public enum Role {
    SYSTEM_ADMIN, SITE_ADMIN, SURGEON, COORDINATOR, RESEARCHER;

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Role::code).toList();
    }
}
