package org.ilium.surgery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ilium.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Procedures and complications of episodes, scoped to the caller's site by row-level security (no
 * query names a site; inserts take it from the column default). Payloads are JSON text as
 * {@link SurgeryJson} writes them.
 */
@Repository
class SurgeryRepository {
    /** A stored row: id, current version, who wrote it, payload. */
    record Row(UUID id, int version, String recordedBy, String payload) {
    }

    private final JdbcClient jdbc;

    SurgeryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertProcedure(UUID id, UUID episodeId, LocalDate date, String cpt, boolean revision, UUID complicationId, String payload,
            Actor by, Instant at) {
        jdbc.sql("insert into surgical_procedure (id, episode_id, performed_on, cpt, revision, complication_id, payload, recorded_by, "
                        + "recorded_by_user_id, version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?::json, ?, ?, 1, ?, ?)")
                .params(id, episodeId, date, cpt, revision, complicationId, payload, by.username(), by.userId(), utc(at), utc(at))
                .update();
    }

    void updateProcedure(UUID id, int version, LocalDate date, String cpt, boolean revision, UUID complicationId, String payload,
            Actor by, Instant at) {
        jdbc.sql("update surgical_procedure set performed_on = ?, cpt = ?, revision = ?, complication_id = ?, payload = ?::json, "
                        + "recorded_by = ?, recorded_by_user_id = ?, version = ?, updated_at = ? where id = ?")
                .params(date, cpt, revision, complicationId, payload, by.username(), by.userId(), version, utc(at), id)
                .update();
    }

    Optional<Row> findProcedure(UUID episodeId, UUID id, boolean forUpdate) {
        return jdbc.sql("select id, version, recorded_by, payload from surgical_procedure where episode_id = ? and id = ?"
                        + (forUpdate ? " for update" : ""))
                .params(episodeId, id).query(SurgeryRepository::map).optional();
    }

    List<Row> procedures(UUID episodeId) {
        return jdbc.sql("select id, version, recorded_by, payload from surgical_procedure where episode_id = ? order by performed_on, seq")
                .param(episodeId).query(SurgeryRepository::map).list();
    }

    /** The date of the first non-revision procedure, other than {@code exceptId} (may be null). */
    Optional<LocalDate> indexDate(UUID episodeId, UUID exceptId) {
        return jdbc.sql("select min(performed_on) from surgical_procedure where episode_id = ? and not revision "
                        + "and id is distinct from ?")
                .params(episodeId, exceptId).query(LocalDate.class).optional();
    }

    void insertComplication(UUID id, UUID episodeId, String code, LocalDate onset, String payload, Actor by, Instant at) {
        jdbc.sql("insert into complication_event (id, episode_id, code, onset_date, payload, recorded_by, recorded_by_user_id, version, "
                        + "created_at, updated_at) values (?, ?, ?, ?, ?::json, ?, ?, 1, ?, ?)")
                .params(id, episodeId, code, onset, payload, by.username(), by.userId(), utc(at), utc(at))
                .update();
    }

    void updateComplication(UUID id, int version, String code, LocalDate onset, String payload, Actor by, Instant at) {
        jdbc.sql("update complication_event set code = ?, onset_date = ?, payload = ?::json, recorded_by = ?, recorded_by_user_id = ?, "
                        + "version = ?, updated_at = ? where id = ?")
                .params(code, onset, payload, by.username(), by.userId(), version, utc(at), id)
                .update();
    }

    Optional<Row> findComplication(UUID episodeId, UUID id, boolean forUpdate) {
        return jdbc.sql("select id, version, recorded_by, payload from complication_event where episode_id = ? and id = ?"
                        + (forUpdate ? " for update" : ""))
                .params(episodeId, id).query(SurgeryRepository::map).optional();
    }

    List<Row> complications(UUID episodeId) {
        return jdbc.sql("select id, version, recorded_by, payload from complication_event where episode_id = ? order by onset_date, seq")
                .param(episodeId).query(SurgeryRepository::map).list();
    }

    /** The procedures of several episodes in one query, by episode, each list ordered as {@link #procedures(UUID)}. */
    Map<UUID, List<Row>> procedures(Collection<UUID> episodeIds) {
        return byEpisode("select episode_id, id, version, recorded_by, payload from surgical_procedure where episode_id = any(?) "
                + "order by performed_on, seq", episodeIds);
    }

    /** The complications of several episodes in one query, by episode, each list ordered as {@link #complications(UUID)}. */
    Map<UUID, List<Row>> complications(Collection<UUID> episodeIds) {
        return byEpisode("select episode_id, id, version, recorded_by, payload from complication_event where episode_id = any(?) "
                + "order by onset_date, seq", episodeIds);
    }

    private Map<UUID, List<Row>> byEpisode(String sql, Collection<UUID> episodeIds) {
        Map<UUID, List<Row>> out = new HashMap<>();
        jdbc.sql(sql).param(episodeIds.toArray(UUID[]::new)).query(rs -> {
            out.computeIfAbsent(rs.getObject("episode_id", UUID.class), k -> new ArrayList<>()).add(map(rs, 0));
        });
        return out;
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getString("recorded_by"), rs.getString("payload"));
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
