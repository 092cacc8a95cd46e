package org.ilium.patient;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.ilium.patient.domain.EpisodeOfCare;
import org.ilium.patient.domain.EpisodeTransition;
import org.ilium.patient.domain.PatientDetails;
import org.ilium.patient.domain.Sex;
import org.ilium.patient.domain.Side;
import org.ilium.shared.Actor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Many new patients, each with one referred episode and its referral transition, in a few statements:
 * for generated cohorts and benchmarks. Rows are what the API would write; site scoping and checks
 * are the database's, as for every insert. (COPY is not allowed on tables with row-level security,
 * so rows travel as arrays and are unnested.)
 */
@Repository
public class PatientBulkRepository {
    public record NewEpisode(UUID patientId, String mrn, String givenName, String familyName, LocalDate birthDate, Sex sex,
            UUID episodeId, Side side, String referralReason) {
    }

    private final JdbcTemplate jdbc;

    PatientBulkRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<NewEpisode> rows, Actor by, Instant at) {
        int n = rows.size();
        Object[] patientIds = new Object[n];
        Object[] mrns = new Object[n];
        Object[] given = new Object[n];
        Object[] family = new Object[n];
        Object[] births = new Object[n];
        Object[] sexes = new Object[n];
        Object[] episodeIds = new Object[n];
        Object[] sides = new Object[n];
        Object[] reasons = new Object[n];
        for (int i = 0; i < n; i++) {
            NewEpisode r = rows.get(i);
            patientIds[i] = r.patientId();
            mrns[i] = r.mrn();
            given[i] = r.givenName();
            family[i] = r.familyName();
            births[i] = r.birthDate();
            sexes[i] = r.sex().code();
            episodeIds[i] = r.episodeId();
            sides[i] = r.side().code();
            reasons[i] = r.referralReason();
        }
        jdbc.execute((Connection c) -> {
            execute(c, "insert into patient (id, mrn, given_name, family_name, birth_date, sex) "
                    + "select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[])",
                    c.createArrayOf("uuid", patientIds), c.createArrayOf("text", mrns), c.createArrayOf("text", given),
                    c.createArrayOf("text", family), c.createArrayOf("date", births), c.createArrayOf("text", sexes));
            execute(c, "insert into episode_of_care (id, patient_id, side, status) "
                    + "select e, p, s, 'referred' from unnest(?::uuid[], ?::uuid[], ?::text[]) as t(e, p, s)",
                    c.createArrayOf("uuid", episodeIds), c.createArrayOf("uuid", patientIds), c.createArrayOf("text", sides));
            try (PreparedStatement ps = c.prepareStatement("insert into episode_transition (episode_id, seq, from_status, to_status, "
                    + "reason, by_user_id, by_username, at, effective_on) select e, 1, null, 'referred', r, ?, ?, ?, ?::date "
                    + "from unnest(?::uuid[], ?::text[]) as t(e, r)")) {
                ps.setObject(1, by.userId());
                ps.setString(2, by.username());
                ps.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                ps.setObject(4, LocalDate.ofInstant(at, ZoneOffset.UTC));
                ps.setArray(5, c.createArrayOf("uuid", episodeIds));
                ps.setArray(6, c.createArrayOf("text", reasons));
                ps.executeUpdate();
            }
            return null;
        });
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
        Object[] patientIds = new Object[n];
        Object[] mrns = new Object[n];
        Object[] given = new Object[n];
        Object[] family = new Object[n];
        Object[] births = new Object[n];
        Object[] sexes = new Object[n];
        Object[] episodeIds = new Object[n];
        Object[] sides = new Object[n];
        Object[] statuses = new Object[n];
        Object[] candidates = new Object[n];
        Object[] versions = new Object[n];
        Object[] tEpisodes = new Object[t];
        Object[] tSeqs = new Object[t];
        Object[] tFrom = new Object[t];
        Object[] tTo = new Object[t];
        Object[] tCandidates = new Object[t];
        Object[] tReasons = new Object[t];
        Object[] tUsers = new Object[t];
        Object[] tNames = new Object[t];
        Object[] tAt = new Object[t];
        Object[] tOn = new Object[t];
        int k = 0;
        for (int i = 0; i < n; i++) {
            NewPathway r = rows.get(i);
            PatientDetails d = r.details();
            EpisodeOfCare e = r.episode();
            patientIds[i] = r.patientId();
            mrns[i] = d.mrn();
            given[i] = d.givenName();
            family[i] = d.familyName();
            births[i] = d.birthDate();
            sexes[i] = d.sex().code();
            episodeIds[i] = e.id();
            sides[i] = e.side().code();
            statuses[i] = e.status().code();
            candidates[i] = e.candidate();
            versions[i] = e.version();
            for (EpisodeTransition tr : r.transitions()) {
                tEpisodes[k] = e.id();
                tSeqs[k] = tr.seq();
                tFrom[k] = tr.from() == null ? null : tr.from().code();
                tTo[k] = tr.to().code();
                tCandidates[k] = tr.candidate();
                tReasons[k] = tr.reason();
                tUsers[k] = tr.byUserId();
                tNames[k] = tr.byUsername();
                tAt[k] = OffsetDateTime.ofInstant(tr.at(), ZoneOffset.UTC);
                tOn[k] = tr.effectiveOn();
                k++;
            }
        }
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.execute((Connection c) -> {
            execute(c, "insert into patient (id, mrn, given_name, family_name, birth_date, sex) "
                    + "select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[])",
                    c.createArrayOf("uuid", patientIds), c.createArrayOf("text", mrns), c.createArrayOf("text", given),
                    c.createArrayOf("text", family), c.createArrayOf("date", births), c.createArrayOf("text", sexes));
            try (PreparedStatement ps = c.prepareStatement("insert into episode_of_care (id, patient_id, side, status, candidate, version, "
                    + "created_at, updated_at) select e, p, s, st, ca, v, ?, ? "
                    + "from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::boolean[], ?::int[]) as t(e, p, s, st, ca, v)")) {
                ps.setObject(1, when);
                ps.setObject(2, when);
                ps.setArray(3, c.createArrayOf("uuid", episodeIds));
                ps.setArray(4, c.createArrayOf("uuid", patientIds));
                ps.setArray(5, c.createArrayOf("text", sides));
                ps.setArray(6, c.createArrayOf("text", statuses));
                ps.setArray(7, c.createArrayOf("boolean", candidates));
                ps.setArray(8, c.createArrayOf("int4", versions));
                ps.executeUpdate();
            }
            execute(c, "insert into episode_transition (episode_id, seq, from_status, to_status, candidate, reason, by_user_id, "
                    + "by_username, at, effective_on) select * from unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::boolean[], "
                    + "?::text[], ?::uuid[], ?::text[], ?::timestamptz[], ?::date[])",
                    c.createArrayOf("uuid", tEpisodes), c.createArrayOf("int4", tSeqs), c.createArrayOf("text", tFrom),
                    c.createArrayOf("text", tTo), c.createArrayOf("boolean", tCandidates), c.createArrayOf("text", tReasons),
                    c.createArrayOf("uuid", tUsers), c.createArrayOf("text", tNames), c.createArrayOf("timestamptz", tAt),
                    c.createArrayOf("date", tOn));
            return null;
        });
    }

    private static void execute(Connection c, String sql, Array... arrays) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < arrays.length; i++) {
                ps.setArray(i + 1, arrays[i]);
            }
            ps.executeUpdate();
        }
    }
}
