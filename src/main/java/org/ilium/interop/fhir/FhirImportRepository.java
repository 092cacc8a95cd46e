package org.ilium.interop.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The import ledger and the problem list (V6). Like every repository it never names a site: row-level
 * security scopes each statement to the caller's site.
 */
@Repository
class FhirImportRepository {
    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;

    FhirImportRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The ledger entries of one source among {@code ids}, keyed {@code type/id}: one round trip for a whole Bundle. */
    java.util.Map<String, Optional<UUID>> ledger(String source, java.util.Collection<String> ids) {
        java.util.Map<String, Optional<UUID>> found = new java.util.HashMap<>();
        jdbc.sql("select resource_type, resource_id, ilium_id from fhir_import_ledger where source_system = ? and resource_id = any(?)")
                .params(source, ids.toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getString(1) + "/" + rs.getString(2), Optional.ofNullable(rs.getObject(3, UUID.class)));
                });
        return found;
    }

    /** Ledger rows (source, type, id, Ilium id) in one batch. */
    void recordAll(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            template.batchUpdate("insert into fhir_import_ledger (source_system, resource_type, resource_id, ilium_id) values (?, ?, ?, ?)",
                    rows);
        }
    }

    /** Present (with the Ilium id, possibly empty) when the resource was imported before. */
    Optional<Optional<UUID>> ledger(String source, String type, String id) {
        return jdbc.sql("select ilium_id from fhir_import_ledger where source_system = ? and resource_type = ? and resource_id = ?")
                .params(source, type, id).query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).optional();
    }

    void record(String source, String type, String id, UUID iliumId) {
        jdbc.sql("insert into fhir_import_ledger (source_system, resource_type, resource_id, ilium_id) values (?, ?, ?, ?)")
                .params(source, type, id, iliumId).update();
    }

    void addProblem(UUID id, UUID patientId, String kind, String system, String code, String display, LocalDate onset,
            LocalDate abatement, boolean screen) {
        jdbc.sql("insert into problem_list (id, patient_id, kind, code_system, code, display, onset, abatement, screen, source) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ehr_import')")
                .params(id, patientId, kind, system, code, display, onset, abatement, screen).update();
    }

    record ScreeningReason(UUID patientId, String mrn, String givenName, String familyName, String system, String code,
            String display, LocalDate onset) {
    }

    /** The site's patients with a reason to screen, oldest onset first per patient. */
    List<ScreeningReason> screening(int limit) {
        return jdbc.sql("select p.id, p.mrn, p.given_name, p.family_name, l.code_system, l.code, l.display, l.onset "
                        + "from problem_list l join patient p on p.site_id = l.site_id and p.id = l.patient_id "
                        + "where l.screen order by p.family_name, p.given_name, p.id, l.onset nulls last, l.code limit ?")
                .param(limit)
                .query((rs, n) -> new ScreeningReason(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class)))
                .list();
    }
}
