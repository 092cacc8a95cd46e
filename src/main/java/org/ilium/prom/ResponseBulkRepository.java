package org.ilium.prom;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.ilium.prom.domain.Instrument;
import org.ilium.prom.domain.Score;
import org.ilium.shared.Actor;
import org.ilium.shared.JoinedText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * Many questionnaire responses at once, each scored by its instrument ({@link Instrument#score}) exactly as
 * {@link ResponseService#record} scores and stores one: for generated cohorts. {@code source} is one of
 * {@link ResponseService#SOURCES}.
 */
@Repository
public class ResponseBulkRepository {
    public record NewResponse(UUID id, UUID episodeId, Instrument instrument, String timepointId, Score score, LocalDate collectedOn,
            String source) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    ResponseBulkRepository(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public void insert(List<NewResponse> rows, Actor by, Instant at) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        Object[] ids = new Object[n];
        Object[] episodes = new Object[n];
        Object[] instruments = new Object[n];
        Object[] versions = new Object[n];
        Object[] timepoints = new Object[n];
        String[] answers = new String[n];
        Object[] scores = new Object[n];
        Object[] answered = new Object[n];
        Object[] bands = new Object[n];
        Object[] choices = new Object[n];
        String[] flags = new String[n];
        Object[] dates = new Object[n];
        Object[] sources = new Object[n];
        for (int i = 0; i < n; i++) {
            NewResponse r = rows.get(i);
            Score s = r.score();
            ids[i] = r.id();
            episodes[i] = r.episodeId();
            instruments[i] = r.instrument().id();
            versions[i] = r.instrument().version();
            timepoints[i] = r.timepointId();
            answers[i] = mapper.writeValueAsString(s.answers());
            scores[i] = s.score() == null ? null : BigDecimal.valueOf(s.score());
            answered[i] = s.answered();
            bands[i] = s.band();
            choices[i] = s.answer();
            flags[i] = mapper.writeValueAsString(s.flags());
            dates[i] = r.collectedOn();
            sources[i] = r.source();
        }
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement("insert into prom_response (id, episode_id, instrument_id, instrument_version, "
                    + "timepoint_id, answers, score, answered, band, answer, flags, collected_on, source, recorded_by, recorded_by_user_id, "
                    + "created_at) select i, e, k, v, tp, a::json, sc, n, b, ch, f::json, d, s, ?, ?, ? from unnest(?::uuid[], ?::uuid[], "
                    + "?::text[], ?::text[], ?::text[], string_to_array(?, chr(30)), ?::numeric[], ?::int[], ?::text[], ?::text[], "
                    + "string_to_array(?, chr(30)), ?::date[], "
                    + "?::text[]) with ordinality as t(i, e, k, v, tp, a, sc, n, b, ch, f, d, s, o) order by o")) {
                ps.setString(1, by.username());
                ps.setObject(2, by.userId());
                ps.setObject(3, when);
                ps.setArray(4, con.createArrayOf("uuid", ids));
                ps.setArray(5, con.createArrayOf("uuid", episodes));
                ps.setArray(6, con.createArrayOf("text", instruments));
                ps.setArray(7, con.createArrayOf("text", versions));
                ps.setArray(8, con.createArrayOf("text", timepoints));
                ps.setString(9, JoinedText.of(answers));
                ps.setArray(10, con.createArrayOf("numeric", scores));
                ps.setArray(11, con.createArrayOf("int4", answered));
                ps.setArray(12, con.createArrayOf("text", bands));
                ps.setArray(13, con.createArrayOf("text", choices));
                ps.setString(14, JoinedText.of(flags));
                ps.setArray(15, con.createArrayOf("date", dates));
                ps.setArray(16, con.createArrayOf("text", sources));
                ps.executeUpdate();
            }
            return null;
        });
    }
}
