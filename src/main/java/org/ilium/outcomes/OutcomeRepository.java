package org.ilium.outcomes;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;
import org.ilium.outcomes.domain.EpisodeOutcome;
import org.ilium.outcomes.domain.EpisodeOutcome.Instrument;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The read side of the outcome report: every operated (follow-up enrolled) episode of the caller's site with its
 * answers, procedures, complications and subgroup attributes, one row per episode from the projection
 * {@code outcome_episode} (V8). Site
 * scoping by row-level security as everywhere. Needs a transaction so that the driver streams the rows.
 */
@Repository
class OutcomeRepository {
    static final int FETCH_SIZE = 20_000;

    /** Told how many rows of a table have been read so far. */
    interface RowProgress {
        void rows(String table, long rows);
    }

    /** Which episodes to read: all, or the half below or above the middle of the id range (read in parallel). */
    enum Half {
        ALL, FIRST, SECOND
    }

    private final JdbcTemplate jdbc;

    OutcomeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The episodes operated between {@code from} and {@code to} (either null: open), by episode id, from the
     * projection {@code outcome_episode} (V8), which triggers keep in step with every write of its sources.
     *
     * @param timepoint the protocol index of a timepoint id, -1 for one outside the protocol
     * @param flags per flag instrument (PGIC, satisfaction, would-repeat) the answer codes that count as yes
     */
    Map<UUID, EpisodeOutcome> load(LocalDate from, LocalDate to, Half half, int timepoints, ToIntFunction<String> timepoint,
            Map<Instrument, Set<String>> flags, RowProgress progress) {
        Map<UUID, EpisodeOutcome> episodes = new HashMap<>();
        Map<String, Integer> tpIndex = new HashMap<>();
        long[] count = new long[1];
        String sql = "select episode_id, patient_id, surgery_date, birth_date, approach, revision_date, last_procedure, smoking, opioids, "
                + "prior_fusion, symptom_onset, answer_timepoints, answer_instruments, answer_scores, answer_codes, last_answer, "
                + "complication_codes, complication_grades, complication_serious, last_complication from outcome_episode "
                + "where surgery_date >= coalesce(?, '-infinity'::date) and surgery_date <= coalesce(?, 'infinity'::date)"
                + switch (half) {
                    case ALL -> "";
                    case FIRST -> " and episode_id < '80000000-0000-0000-0000-000000000000'";
                    case SECOND -> " and episode_id >= '80000000-0000-0000-0000-000000000000'";
                };
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            // binary transfer from the first execution: arrays and uuids are decoded without parsing text
            ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
            ps.setFetchSize(FETCH_SIZE);
            ps.setObject(1, from);
            ps.setObject(2, to);
            return ps;
        }, (RowCallbackHandler) rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    LocalDate surgery = rs.getObject(3, LocalDate.class);
                    EpisodeOutcome e = new EpisodeOutcome(id, rs.getObject(2, UUID.class), surgery, rs.getObject(4, LocalDate.class),
                            timepoints);
                    e.procedure(surgery, false, rs.getString(5), 0);
                    LocalDate revision = rs.getObject(6, LocalDate.class);
                    if (revision != null) {
                        e.procedure(revision, true, null, 0);
                    }
                    LocalDate lastProcedure = rs.getObject(7, LocalDate.class);
                    if (lastProcedure != null) {
                        e.contact(lastProcedure);
                    }
                    e.riskFactor("smoking_status", rs.getString(8), null, surgery, 0);
                    e.riskFactor("chronic_opioid_use", null, bool(rs, 9), surgery, 0);
                    e.riskFactor("prior_lumbar_fusion", null, bool(rs, 10), surgery, 0);
                    e.symptomOnset(rs.getObject(11, LocalDate.class), surgery, 0);
                    String[] tps = strings(rs, 12);
                    String[] instruments = strings(rs, 13);
                    Double[] scores = (Double[]) rs.getArray(14).getArray();
                    String[] codes = strings(rs, 15);
                    for (int i = 0; i < tps.length; i++) {
                        Instrument instrument = Instrument.of(instruments[i]);
                        if (instrument == null) {
                            continue;
                        }
                        double value;
                        Set<String> yes = flags.get(instrument);
                        if (yes != null) {
                            value = codes[i] == null ? Double.NaN : yes.contains(codes[i]) ? 1 : 0;
                        } else {
                            value = scores[i] == null ? Double.NaN : scores[i];
                        }
                        int t = tpIndex.computeIfAbsent(tps[i], timepoint::applyAsInt);
                        if (t >= 0 && !Double.isNaN(value)) {
                            e.answer(t, instrument, value, surgery, 0);
                        }
                    }
                    LocalDate lastAnswer = rs.getObject(16, LocalDate.class);
                    if (lastAnswer != null) {
                        e.contact(lastAnswer);
                    }
                    String[] complications = strings(rs, 17);
                    if (complications.length > 0) {
                        String[] grades = strings(rs, 18);
                        Boolean[] serious = (Boolean[]) rs.getArray(19).getArray();
                        for (int i = 0; i < complications.length; i++) {
                            e.complication(complications[i], grades[i].isEmpty() ? null : grades[i], Boolean.TRUE.equals(serious[i]), null);
                        }
                        LocalDate lastComplication = rs.getObject(20, LocalDate.class);
                        if (lastComplication != null) {
                            e.contact(lastComplication);
                        }
                    }
                    episodes.put(id, e);
                    if (++count[0] % 50_000 == 0) {
                        progress.rows("episodes", count[0]);
                    }
                });
        progress.rows("episodes", count[0]);
        return episodes;
    }

    private static Boolean bool(ResultSet rs, int column) throws SQLException {
        boolean b = rs.getBoolean(column);
        return rs.wasNull() ? null : b;
    }

    private static String[] strings(ResultSet rs, int column) throws SQLException {
        return (String[]) rs.getArray(column).getArray();
    }

    /**
     * The raw data export ({@code ilium report --format csv}, docs/outcomes-report.md): the source rows the report is
     * computed from, read from the source tables (not the projection), voided responses included and marked. One CSV
     * with a {@code record} column: episode, procedure, complication, workup, response.
     */
    void exportRaw(Appendable out) {
        csv(out, "record", "episode_id", "patient_id", "date", "seq", "c1", "c2", "c3", "c4", "c5");
        jdbc.query("select f.episode_id, e.patient_id, f.surgery_date, p.birth_date from follow_up_enrolment f "
                + "join episode_of_care e on e.site_id = f.site_id and e.id = f.episode_id "
                + "join patient p on p.site_id = e.site_id and p.id = e.patient_id", (RowCallbackHandler) rs ->
                csv(out, "episode", rs.getString(1), rs.getString(2), rs.getString(3), "", rs.getString(4), "", "", "", ""));
        jdbc.query("select episode_id, performed_on, seq, revision, payload->>'approach' from surgical_procedure", (RowCallbackHandler) rs ->
                csv(out, "procedure", rs.getString(1), "", rs.getString(2), rs.getString(3), rs.getBoolean(4) ? "revision" : "index",
                        rs.getString(5), "", "", ""));
        jdbc.query("select episode_id, onset_date, seq, code, payload->>'grade', payload->>'serious' from complication_event",
                (RowCallbackHandler) rs -> csv(out, "complication", rs.getString(1), "", rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), "", ""));
        jdbc.query("select episode_id, recorded_on, seq, kind, payload->>'type', payload->>'status', payload->>'present', payload->>'onset' "
                + "from workup_record where kind in ('risk-factors', 'symptom-history')", (RowCallbackHandler) rs ->
                csv(out, "workup", rs.getString(1), "", rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8)));
        jdbc.query("select episode_id, collected_on, seq, timepoint_id, instrument_id, score, answer, voided_at is not null from prom_response",
                (RowCallbackHandler) rs -> csv(out, "response", rs.getString(1), "", rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8) ? "voided" : "valid"));
    }

    private static void csv(Appendable out, String... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                String f = fields[i] == null ? "" : fields[i];
                if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0) {
                    out.append('"').append(f.replace("\"", "\"\"")).append('"');
                } else {
                    out.append(f);
                }
            }
            out.append('\n');
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
