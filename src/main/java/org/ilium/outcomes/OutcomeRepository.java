package org.ilium.outcomes;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
     * @param ids the protocol's timepoint ids, in order (answers are indexed by position; other timepoints are left out)
     * @param flags per flag instrument (PGIC, satisfaction, would-repeat) the answer codes that count as yes
     */
    Map<UUID, EpisodeOutcome> load(LocalDate from, LocalDate to, Half half, List<String> ids,
            Map<Instrument, Set<String>> flags, RowProgress progress) {
        Map<UUID, EpisodeOutcome> episodes = new HashMap<>(1 << 16);
        // the protocol's timepoint ids and the instruments' ids and yes-codes, matched in place in the answers text
        int timepoints = ids.size();
        boolean[] flagged = new boolean[Instrument.values().length];
        String[][] yesCodes = new String[Instrument.values().length][];
        flags.forEach((instrument, codes) -> {
            flagged[instrument.ordinal()] = true;
            yesCodes[instrument.ordinal()] = codes.toArray(String[]::new);
        });
        long[] count = new long[1];
        String sql = "select episode_id, patient_id, surgery_date, birth_date, approach, revision_date, last_procedure, smoking, opioids, "
                + "prior_fusion, symptom_onset, answers, last_answer, "
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
                    answers(e, rs.getString(12), ids, flagged, yesCodes);
                    LocalDate lastAnswer = rs.getObject(13, LocalDate.class);
                    if (lastAnswer != null) {
                        e.contact(lastAnswer);
                    }
                    String[] complications = strings(rs, 14);
                    if (complications.length > 0) {
                        String[] grades = strings(rs, 15);
                        Boolean[] serious = (Boolean[]) rs.getArray(16).getArray();
                        for (int i = 0; i < complications.length; i++) {
                            e.complication(complications[i], grades[i].isEmpty() ? null : grades[i], Boolean.TRUE.equals(serious[i]), null);
                        }
                        LocalDate lastComplication = rs.getObject(17, LocalDate.class);
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

    /**
     * Reads "timepoint instrument score code;..." (V8) into the episode without a string per field: ids and codes are
     * compared in place.
     */
    static void answers(EpisodeOutcome e, String text, List<String> timepointIds, boolean[] flagged, String[][] yesCodes) {
        int at = 0;
        int length = text.length();
        Instrument[] instruments = Instrument.values();
        while (at < length) {
            int end = text.indexOf(';', at);
            if (end < 0) {
                end = length;
            }
            int s1 = text.indexOf(' ', at);
            int s2 = text.indexOf(' ', s1 + 1);
            int s3 = text.indexOf(' ', s2 + 1);
            int t = find(text, at, s1, timepointIds);
            Instrument instrument = null;
            for (Instrument i : instruments) {
                if (s2 - s1 - 1 == i.id().length() && text.regionMatches(s1 + 1, i.id(), 0, i.id().length())) {
                    instrument = i;
                    break;
                }
            }
            if (t >= 0 && instrument != null) {
                double value = Double.NaN;
                if (flagged[instrument.ordinal()]) {
                    if (end > s3 + 1) {
                        value = find(text, s3 + 1, end, java.util.Arrays.asList(yesCodes[instrument.ordinal()])) >= 0 ? 1 : 0;
                    }
                } else if (s3 > s2 + 1) {
                    value = Double.parseDouble(text.substring(s2 + 1, s3));
                }
                if (!Double.isNaN(value)) {
                    e.latestAnswer(t, instrument, value);
                }
            }
            at = end + 1;
        }
    }

    /** The index of the id equal to text[from, to), or -1. */
    private static int find(String text, int from, int to, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id != null && id.length() == to - from && text.regionMatches(from, id, 0, id.length())) {
                return i;
            }
        }
        return -1;
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
