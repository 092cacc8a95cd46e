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

    private static void execute(Connection c, String sql, Array... arrays) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < arrays.length; i++) {
                ps.setArray(i + 1, arrays[i]);
            }
            ps.executeUpdate();
        }
    }
}
