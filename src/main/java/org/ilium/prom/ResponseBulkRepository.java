package org.ilium.prom;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ilium.prom.domain.Instrument;
import org.ilium.prom.domain.Score;
import org.ilium.shared.Actor;
import org.ilium.shared.BulkColumn;
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
        BulkColumn ids = new BulkColumn(n);
        BulkColumn episodes = new BulkColumn(n);
        BulkColumn instruments = new BulkColumn(n);
        BulkColumn versions = new BulkColumn(n);
        BulkColumn timepoints = new BulkColumn(n);
        List<Object> answers = new ArrayList<>(n);
        BulkColumn scores = new BulkColumn(n);
        BulkColumn answered = new BulkColumn(n);
        BulkColumn bands = new BulkColumn(n);
        BulkColumn choices = new BulkColumn(n);
        List<Object> flags = new ArrayList<>(n);
        BulkColumn dates = new BulkColumn(n);
        BulkColumn sources = new BulkColumn(n);
        for (NewResponse r : rows) {
            Score s = r.score();
            ids.add(r.id());
            episodes.add(r.episodeId());
            instruments.add(r.instrument().id());
            versions.add(r.instrument().version());
            timepoints.add(r.timepointId());
            answers.add(s.answers());
            // BigDecimal keeps the text the driver sent before (no exponent for small scores)
            scores.add(s.score() == null ? null : BigDecimal.valueOf(s.score()).toPlainString());
            answered.add(s.answered());
            bands.add(s.band());
            choices.add(s.answer());
            flags.add(s.flags());
            dates.add(r.collectedOn());
            sources.add(r.source());
        }
        BulkColumn answerColumn = BulkColumn.json(mapper.writer(), answers);
        BulkColumn flagColumn = BulkColumn.json(mapper.writer(), flags);
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement("insert into prom_response (id, episode_id, instrument_id, instrument_version, "
                    + "timepoint_id, answers, score, answered, band, answer, flags, collected_on, source, recorded_by, recorded_by_user_id, "
                    + "created_at) select i, e, k, v, tp, a::json, sc, n, b, ch, f::json, d, s, ?, ?, ? from "
                    + BulkColumn.unnest("uuid", "uuid", "text", "text", "text", "text", "numeric", "int", "text", "text", "text", "date", "text")
                    + " with ordinality as t(i, e, k, v, tp, a, sc, n, b, ch, f, d, s, o) order by o")) {
                ps.setString(1, by.username());
                ps.setObject(2, by.userId());
                ps.setObject(3, when);
                BulkColumn[] columns = {ids, episodes, instruments, versions, timepoints, answerColumn, scores, answered, bands, choices,
                        flagColumn, dates, sources};
                for (int i = 0; i < columns.length; i++) {
                    ps.setString(4 + i, columns[i].text());
                }
                ps.executeUpdate();
            }
            return null;
        });
    }
}
