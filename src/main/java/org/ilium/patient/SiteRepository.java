package org.ilium.patient;

import java.util.Optional;
import java.util.UUID;
import org.ilium.patient.domain.Site;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sites are not patient data: they are visible to every signed-in user, so no site scoping here. */
@Repository
public class SiteRepository {
    private final JdbcClient jdbc;

    SiteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Site> findByCode(String code) {
        return jdbc.sql("select id, code, name from site where code = ?").param(code)
                .query((rs, n) -> new Site(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name")))
                .optional();
    }

    public Optional<Site> findById(UUID id) {
        return jdbc.sql("select id, code, name from site where id = ?").param(id)
                .query((rs, n) -> new Site(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name")))
                .optional();
    }

    /** Creates the site; false when the code is taken. */
    public boolean insert(Site site) {
        return jdbc.sql("insert into site (id, code, name) values (?, ?, ?) on conflict (code) do nothing")
                .params(site.id(), site.code(), site.name()).update() == 1;
    }
}
