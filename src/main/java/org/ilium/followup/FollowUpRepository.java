package org.ilium.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ilium.followup.domain.Schedule.Completion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Enrolments and completions. Site-scoped by row-level security like every patient-owned table: no query
 * names a site, inserts take it from the column default.
 */
@Repository
class FollowUpRepository {
    record Enrolment(UUID episodeId, String protocolId, String protocolVersion, LocalDate surgeryDate, int version) {
    }

    private final JdbcClient jdbc;

    FollowUpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Enrolment> find(UUID episodeId, boolean forUpdate) {
        return jdbc.sql("select episode_id, protocol_id, protocol_version, surgery_date, version from follow_up_enrolment "
                        + "where episode_id = ?" + (forUpdate ? " for update" : ""))
                .param(episodeId).query((rs, n) -> new Enrolment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getInt(5)))
                .optional();
    }

    List<Enrolment> all() {
        return jdbc.sql("select episode_id, protocol_id, protocol_version, surgery_date, version from follow_up_enrolment order by episode_id")
                .query((rs, n) -> new Enrolment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getInt(5)))
                .list();
    }

    /** The enrolments of several episodes in one query (episodes not enrolled are absent). */
    List<Enrolment> find(java.util.Collection<UUID> episodeIds) {
        return jdbc.sql("select episode_id, protocol_id, protocol_version, surgery_date, version from follow_up_enrolment "
                        + "where episode_id = any(?)")
                .param(episodeIds.toArray(UUID[]::new))
                .query((rs, n) -> new Enrolment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getInt(5)))
                .list();
    }

    void insert(Enrolment e, Instant at) {
        jdbc.sql("insert into follow_up_enrolment (episode_id, protocol_id, protocol_version, surgery_date, version, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(e.episodeId(), e.protocolId(), e.protocolVersion(), e.surgeryDate(), e.version(), utc(at), utc(at)).update();
    }

    void update(Enrolment e, Instant at) {
        jdbc.sql("update follow_up_enrolment set protocol_id = ?, protocol_version = ?, surgery_date = ?, version = ?, updated_at = ? "
                        + "where episode_id = ?")
                .params(e.protocolId(), e.protocolVersion(), e.surgeryDate(), e.version(), utc(at), e.episodeId()).update();
    }

    Map<String, Completion> completions(UUID episodeId) {
        Map<String, Completion> out = new HashMap<>();
        jdbc.sql("select timepoint_id, completed_at, source from follow_up_completion where episode_id = ?").param(episodeId)
                .query(rs -> {
                    out.put(rs.getString(1), new Completion(rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)));
                });
        return out;
    }

    /** The completions of several episodes in one query, by episode and timepoint. */
    Map<UUID, Map<String, Completion>> completions(java.util.Collection<UUID> episodeIds) {
        Map<UUID, Map<String, Completion>> out = new HashMap<>();
        jdbc.sql("select episode_id, timepoint_id, completed_at, source from follow_up_completion where episode_id = any(?)")
                .param(episodeIds.toArray(UUID[]::new))
                .query(rs -> {
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                            .put(rs.getString(2), new Completion(rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)));
                });
        return out;
    }

    /** Every completion of the site, by episode and timepoint. */
    Map<UUID, Map<String, Completion>> allCompletions() {
        Map<UUID, Map<String, Completion>> out = new HashMap<>();
        jdbc.sql("select episode_id, timepoint_id, completed_at, source from follow_up_completion").query(rs -> {
            out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                    .put(rs.getString(2), new Completion(rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)));
        });
        return out;
    }

    /** Records the completion unless one is recorded; true when this call recorded it. */
    boolean complete(UUID episodeId, String timepointId, Instant at, String source, String by) {
        return jdbc.sql("insert into follow_up_completion (episode_id, timepoint_id, completed_at, source, completed_by) "
                        + "values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(episodeId, timepointId, utc(at), source, by).update() == 1;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
