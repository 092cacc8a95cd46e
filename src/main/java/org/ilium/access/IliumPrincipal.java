package org.ilium.access;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.ilium.shared.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in user of one site. */
record IliumPrincipal(UUID userId, UUID siteId, String username, String passwordHash, Set<Role> roles, boolean enabled)
        implements UserDetails {

    Actor actor() {
        return new Actor(userId, username, siteId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "IliumPrincipal[" + username + "]";
    }
}
