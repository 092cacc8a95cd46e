package org.ilium.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users are looked up by name before any site is known, so this table has no row-level security. */
@Repository
class UserRepository {
    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IliumPrincipal> findByUsername(String username) {
        return jdbc.sql("select id, site_id, username, password_hash, roles, enabled from app_user where lower(username) = lower(?)")
                .param(username).query(UserRepository::map).optional();
    }

    Optional<IliumPrincipal> firstAdministratorOf(UUID siteId) {
        return jdbc.sql("select id, site_id, username, password_hash, roles, enabled from app_user "
                        + "where site_id = ? and 'SITE_ADMIN' = any(roles) and enabled order by created_at, id limit 1")
                .param(siteId).query(UserRepository::map).optional();
    }

    long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    /** Creates the user; false when the name is taken (names are unique across sites, ignoring case). */
    boolean insert(UUID id, UUID siteId, String username, String passwordHash, Set<Role> roles) {
        try {
            return jdbc.sql("insert into app_user (id, site_id, username, password_hash, roles) values (?, ?, ?, ?, ?::text[])")
                    .params(id, siteId, username, passwordHash, "{" + String.join(",", roles.stream().map(Role::name).toList()) + "}")
                    .update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static IliumPrincipal map(ResultSet rs, int n) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).forEach(r -> roles.add(Role.valueOf(r)));
        return new IliumPrincipal(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class),
                rs.getString("username"), rs.getString("password_hash"), roles, rs.getBoolean("enabled"));
    }
}
