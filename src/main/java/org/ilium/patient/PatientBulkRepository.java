package org.ilium.patient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.ilium.patient.domain.EpisodeOfCare;
import org.ilium.patient.domain.EpisodeTransition;
import org.ilium.patient.domain.PatientDetails;
import org.ilium.shared.BulkColumn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Many new patients, each with one episode and its recorded moves, in a few statements: for generated cohorts and
 * benchmarks. Rows are what the API would write; site scoping and checks are the database's, as for every insert.
 * (COPY is not allowed on tables with row-level security, so rows travel as columns and are unnested.)
 */
@Repository
public class PatientBulkRepository {
    private final JdbcTemplate jdbc;

    PatientBulkRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A patient with one episode as it stands after its recorded moves (the first one the referral). */
    public record NewPathway(UUID patientId, PatientDetails details, EpisodeOfCare episode, List<EpisodeTransition> transitions) {
    }

    /** Whether a patient with this MRN exists in the caller's site. */
    public boolean mrnExists(String mrn) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from patient where mrn = ?)", Boolean.class, mrn));
    }

    /**
     * Patients with their episode in its current status and every transition with its effective date, as
     * {@link PatientService} and the episode's state machine would have stored them move by move.
     */
    public void insertPathways(List<NewPathway> rows, Instant at) {
        int n = rows.size();
        int t = rows.stream().mapToInt(r -> r.transitions().size()).sum();
        BulkColumn patientIds = new BulkColumn(n);
        BulkColumn mrns = new BulkColumn(n);
        BulkColumn given = new BulkColumn(n);
        BulkColumn family = new BulkColumn(n);
        BulkColumn births = new BulkColumn(n);
        BulkColumn sexes = new BulkColumn(n);
        BulkColumn episodeIds = new BulkColumn(n);
        BulkColumn sides = new BulkColumn(n);
        BulkColumn statuses = new BulkColumn(n);
        BulkColumn candidates = new BulkColumn(n);
        BulkColumn versions = new BulkColumn(n);
        BulkColumn tEpisodes = new BulkColumn(t);
        BulkColumn tSeqs = new BulkColumn(t);
        BulkColumn tFrom = new BulkColumn(t);
        BulkColumn tTo = new BulkColumn(t);
        BulkColumn tCandidates = new BulkColumn(t);
        BulkColumn tReasons = new BulkColumn(t);
        BulkColumn tUsers = new BulkColumn(t);
        BulkColumn tNames = new BulkColumn(t);
        BulkColumn tAt = new BulkColumn(t);
        BulkColumn tOn = new BulkColumn(t);
        for (NewPathway r : rows) {
            PatientDetails d = r.details();
            EpisodeOfCare e = r.episode();
            patientIds.add(r.patientId());
            mrns.add(d.mrn());
            given.add(d.givenName());
            family.add(d.familyName());
            births.add(d.birthDate());
            sexes.add(d.sex().code());
            episodeIds.add(e.id());
            sides.add(e.side().code());
            statuses.add(e.status().code());
            candidates.add(e.candidate());
            versions.add(e.version());
            for (EpisodeTransition tr : r.transitions()) {
                tEpisodes.add(e.id());
                tSeqs.add(tr.seq());
                tFrom.add(tr.from() == null ? null : tr.from().code());
                tTo.add(tr.to().code());
                tCandidates.add(tr.candidate());
                tReasons.add(tr.reason());
                tUsers.add(tr.byUserId());
                tNames.add(tr.byUsername());
                tAt.add(tr.at());
                tOn.add(tr.effectiveOn());
            }
        }
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.execute((Connection c) -> {
            execute(c, "insert into patient (id, mrn, given_name, family_name, birth_date, sex) select * from "
                    + BulkColumn.unnest("uuid", "text", "text", "text", "date", "text"), patientIds, mrns, given, family, births, sexes);
            try (PreparedStatement ps = c.prepareStatement("insert into episode_of_care (id, patient_id, side, status, candidate, version, "
                    + "created_at, updated_at) select e, p, s, st, ca, v, ?, ? from "
                    + BulkColumn.unnest("uuid", "uuid", "text", "text", "boolean", "int") + " as t(e, p, s, st, ca, v)")) {
                ps.setObject(1, when);
                ps.setObject(2, when);
                BulkColumn[] values = {episodeIds, patientIds, sides, statuses, candidates, versions};
                for (int i = 0; i < values.length; i++) {
                    ps.setString(3 + i, values[i].text());
                }
                ps.executeUpdate();
            }
            execute(c, "insert into episode_transition (episode_id, seq, from_status, to_status, candidate, reason, by_user_id, "
                    + "by_username, at, effective_on) select * from "
                    + BulkColumn.unnest("uuid", "int", "text", "text", "boolean", "text", "uuid", "text", "timestamptz", "date"),
                    tEpisodes, tSeqs, tFrom, tTo, tCandidates, tReasons, tUsers, tNames, tAt, tOn);
            return null;
        });
    }

    private static void execute(Connection c, String sql, BulkColumn... columns) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < columns.length; i++) {
                ps.setString(i + 1, columns[i].text());
            }
            ps.executeUpdate();
        }
    }
}
