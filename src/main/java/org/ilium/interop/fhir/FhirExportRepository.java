package org.ilium.interop.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the export reads besides the capabilities' services: when each record of a patient last changed (for
 * {@code meta.lastUpdated} and {@code _since}) and the problem list (V6). Row-level security scopes every statement
 * to the caller's site.
 */
@Repository
class FhirExportRepository {
    private final JdbcClient jdbc;

    FhirExportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Last change per record of one patient, keyed {@code kind/id}: Patient, EpisodeOfCare (its row or its latest
     * move), workup (a work-up record), Procedure, AdverseEvent, QuestionnaireResponse (recorded or voided), CarePlan
     * (keyed by episode: the enrolment or its latest completion), problem (a problem-list entry).
     */
    Map<String, Instant> lastChanges(UUID patientId) {
        return lastChanges(List.of(patientId));
    }

    /** As {@link #lastChanges(UUID)}, for several patients (a page of a bulk export) in one query; ids do not collide. */
    Map<String, Instant> lastChanges(Collection<UUID> patientIds) {
        String sql = """
                select 'Patient' as kind, p.id, p.updated_at as at from patient p where p.id = any(:p)
                union all
                select 'EpisodeOfCare', e.id, greatest(e.updated_at, (select max(t.at) from episode_transition t
                    where t.site_id = e.site_id and t.episode_id = e.id)) from episode_of_care e where e.patient_id = any(:p)
                union all
                select 'workup', w.id, w.updated_at from workup_record w
                    join episode_of_care e on e.site_id = w.site_id and e.id = w.episode_id where e.patient_id = any(:p)
                union all
                select 'Procedure', s.id, s.updated_at from surgical_procedure s
                    join episode_of_care e on e.site_id = s.site_id and e.id = s.episode_id where e.patient_id = any(:p)
                union all
                select 'AdverseEvent', c.id, c.updated_at from complication_event c
                    join episode_of_care e on e.site_id = c.site_id and e.id = c.episode_id where e.patient_id = any(:p)
                union all
                select 'QuestionnaireResponse', r.id, greatest(r.created_at, r.voided_at) from prom_response r
                    join episode_of_care e on e.site_id = r.site_id and e.id = r.episode_id where e.patient_id = any(:p)
                union all
                select 'CarePlan', f.episode_id, greatest(f.updated_at, (select max(x.completed_at) from follow_up_completion x
                    where x.site_id = f.site_id and x.episode_id = f.episode_id)) from follow_up_enrolment f
                    join episode_of_care e on e.site_id = f.site_id and e.id = f.episode_id where e.patient_id = any(:p)
                union all
                select 'problem', l.id, l.created_at from problem_list l where l.patient_id = any(:p)
                """;
        Map<String, Instant> out = new HashMap<>();
        jdbc.sql(sql).param("p", patientIds.toArray(UUID[]::new)).query((rs, n) -> {
            out.put(rs.getString(1) + "/" + rs.getObject(2, UUID.class), rs.getObject(3, OffsetDateTime.class).toInstant());
            return null;
        }).list();
        return out;
    }

    record Problem(UUID id, String kind, String system, String code, String display, LocalDate onset, LocalDate abatement,
            boolean screen) {
    }

    /** The patient's problem list (entries from EHR imports), oldest onset first. */
    List<Problem> problems(UUID patientId) {
        return problems(List.of(patientId)).getOrDefault(patientId, List.of());
    }

    /** The problem lists of several patients in one query, each oldest onset first; patients without entries are absent. */
    Map<UUID, List<Problem>> problems(Collection<UUID> patientIds) {
        Map<UUID, List<Problem>> out = new HashMap<>();
        jdbc.sql("select patient_id, id, kind, code_system, code, display, onset, abatement, screen from problem_list "
                        + "where patient_id = any(?) order by onset nulls last, code, id")
                .param(patientIds.toArray(UUID[]::new))
                .query(rs -> {
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new Problem(rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                            rs.getObject(8, LocalDate.class), rs.getBoolean(9)));
                });
        return out;
    }
}
