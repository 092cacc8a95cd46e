package org.ilium.prom;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ilium.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Questionnaire responses; scoped to the caller's site by row-level security (no query names a site). */
@Repository
class ResponseRepository {
    private static final String COLUMNS = "id, episode_id, instrument_id, instrument_version, timepoint_id, answers, score, answered, "
            + "band, answer, flags, collected_on, source, recorded_by, created_at, version, voided_at, voided_by, void_reason";

    /** A stored row, its answers and flags still JSON text. */
    record Row(UUID id, UUID episodeId, String instrumentId, String instrumentVersion, String timepointId, String answers,
            Double score, int answered, String band, String answer, String flags, LocalDate collectedOn, String source,
            String recordedBy, Instant createdAt, int version, Instant voidedAt, String voidedBy, String voidReason) {
    }

    private final JdbcClient jdbc;

    ResponseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row r, Actor by) {
        jdbc.sql("insert into prom_response (id, episode_id, instrument_id, instrument_version, timepoint_id, answers, score, answered, "
                        + "band, answer, flags, collected_on, source, recorded_by, recorded_by_user_id, created_at) "
                        + "values (?, ?, ?, ?, ?, ?::json, ?, ?, ?, ?, ?::json, ?, ?, ?, ?, ?)")
                .params(r.id(), r.episodeId(), r.instrumentId(), r.instrumentVersion(), r.timepointId(), r.answers(),
                        r.score() == null ? null : BigDecimal.valueOf(r.score()), r.answered(), r.band(), r.answer(), r.flags(),
                        r.collectedOn(), r.source(), by.username(), by.userId(), OffsetDateTime.ofInstant(r.createdAt(), ZoneOffset.UTC))
                .update();
    }

    /** A response of the episode; {@code forUpdate} locks it until the transaction ends. */
    Optional<Row> find(UUID episodeId, UUID id, boolean forUpdate) {
        return jdbc.sql("select " + COLUMNS + " from prom_response where episode_id = ? and id = ?" + (forUpdate ? " for update" : ""))
                .params(episodeId, id).query(ResponseRepository::map).optional();
    }

    void markVoided(UUID id, String by, String reason, Instant at) {
        jdbc.sql("update prom_response set version = 2, voided_at = ?, voided_by = ?, void_reason = ? where id = ? and version = 1")
                .params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), by, reason, id).update();
    }

    /** An episode's responses by date, then as recorded; instrument and timepoint filter when not null. */
    List<Row> forEpisode(UUID episodeId, String instrumentId, String timepointId, boolean includeVoided) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from prom_response where episode_id = ?"
                + (includeVoided ? "" : " and voided_at is null"));
        List<Object> params = new ArrayList<>(List.of(episodeId));
        if (instrumentId != null) {
            sql.append(" and instrument_id = ?");
            params.add(instrumentId);
        }
        if (timepointId != null) {
            sql.append(" and timepoint_id = ?");
            params.add(timepointId);
        }
        sql.append(" order by collected_on, seq");
        return jdbc.sql(sql.toString()).params(params).query(ResponseRepository::map).list();
    }

    /** The responses (not voided) of several episodes in one query, each episode's ordered as {@link #forEpisode}. */
    java.util.Map<UUID, List<Row>> forEpisodes(java.util.Collection<UUID> episodeIds) {
        java.util.Map<UUID, List<Row>> out = new java.util.HashMap<>();
        jdbc.sql("select " + COLUMNS + " from prom_response where episode_id = any(?) and voided_at is null order by collected_on, seq")
                .param(episodeIds.toArray(UUID[]::new))
                .query(ResponseRepository::map).list()
                .forEach(r -> out.computeIfAbsent(r.episodeId(), k -> new ArrayList<>()).add(r));
        return out;
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        BigDecimal score = rs.getBigDecimal("score");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("episode_id", UUID.class), rs.getString("instrument_id"),
                rs.getString("instrument_version"), rs.getString("timepoint_id"), rs.getString("answers"),
                score == null ? null : score.doubleValue(), rs.getInt("answered"), rs.getString("band"), rs.getString("answer"),
                rs.getString("flags"), rs.getObject("collected_on", LocalDate.class), rs.getString("source"),
                rs.getString("recorded_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("version"),
                instant(rs.getObject("voided_at", OffsetDateTime.class)), rs.getString("voided_by"), rs.getString("void_reason"));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
