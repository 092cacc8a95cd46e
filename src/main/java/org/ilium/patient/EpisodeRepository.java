package org.ilium.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ilium.patient.domain.EpisodeOfCare;
import org.ilium.patient.domain.EpisodeStatus;
import org.ilium.patient.domain.EpisodeTransition;
import org.ilium.patient.domain.Side;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Episodes and their transitions, scoped to the caller's site by row-level security like patients. */
@Repository
class EpisodeRepository {
    private static final String COLUMNS = "e.id, e.patient_id, e.side, e.status, e.candidate, e.version, "
            + "(select max(seq) from episode_transition t where t.site_id = e.site_id and t.episode_id = e.id) as last_seq";

    private final JdbcClient jdbc;

    EpisodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(EpisodeOfCare e) {
        jdbc.sql("insert into episode_of_care (id, patient_id, side, status, candidate, version) values (?, ?, ?, ?, ?, ?)")
                .params(e.id(), e.patientId(), e.side().code(), e.status().code(), e.candidate(), e.version())
                .update();
    }

    void update(EpisodeOfCare e) {
        jdbc.sql("update episode_of_care set status = ?, candidate = ?, version = ?, updated_at = now() where id = ?")
                .params(e.status().code(), e.candidate(), e.version(), e.id())
                .update();
    }

    void append(UUID episodeId, EpisodeTransition t) {
        jdbc.sql("insert into episode_transition (episode_id, seq, from_status, to_status, candidate, reason, by_user_id, "
                        + "by_username, at, effective_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(episodeId, t.seq(), t.from() == null ? null : t.from().code(), t.to().code(), t.candidate(),
                        t.reason(), t.byUserId(), t.byUsername(), OffsetDateTime.ofInstant(t.at(), ZoneOffset.UTC), t.effectiveOn())
                .update();
    }

    Optional<EpisodeOfCare> find(UUID patientId, UUID id, boolean forUpdate) {
        return jdbc.sql("select " + COLUMNS + " from episode_of_care e where e.patient_id = ? and e.id = ?"
                        + (forUpdate ? " for update" : ""))
                .params(patientId, id).query(EpisodeRepository::map).optional();
    }

    /** An episode by its id alone; {@code forShare} holds it against moves until the transaction ends. */
    Optional<EpisodeOfCare> find(UUID id, boolean forShare) {
        return jdbc.sql("select " + COLUMNS + " from episode_of_care e where e.id = ?" + (forShare ? " for share" : ""))
                .param(id).query(EpisodeRepository::map).optional();
    }

    List<EpisodeOfCare> forPatient(UUID patientId) {
        return jdbc.sql("select " + COLUMNS + " from episode_of_care e where e.patient_id = ? order by e.created_at, e.id")
                .param(patientId).query(EpisodeRepository::map).list();
    }

    List<EpisodeTransition> transitions(UUID episodeId) {
        return jdbc.sql("select seq, from_status, to_status, candidate, reason, by_user_id, by_username, at, effective_on "
                        + "from episode_transition where episode_id = ? order by seq")
                .param(episodeId)
                .query(EpisodeRepository::transition)
                .list();
    }

    /** The episodes of several patients in one query, each patient's in the order of {@link #forPatient}. */
    Map<UUID, List<EpisodeOfCare>> forPatients(Collection<UUID> patientIds) {
        Map<UUID, List<EpisodeOfCare>> out = new LinkedHashMap<>();
        jdbc.sql("select " + COLUMNS + " from episode_of_care e where e.patient_id = any(?) order by e.created_at, e.id")
                .param(patientIds.toArray(UUID[]::new))
                .query(EpisodeRepository::map).list()
                .forEach(e -> out.computeIfAbsent(e.patientId(), k -> new ArrayList<>()).add(e));
        return out;
    }

    /** The transitions of several episodes in one query, each episode's in order. */
    Map<UUID, List<EpisodeTransition>> transitions(Collection<UUID> episodeIds) {
        Map<UUID, List<EpisodeTransition>> out = new HashMap<>();
        jdbc.sql("select episode_id, seq, from_status, to_status, candidate, reason, by_user_id, by_username, at, effective_on "
                        + "from episode_transition where episode_id = any(?) order by episode_id, seq")
                .param(episodeIds.toArray(UUID[]::new))
                .query(rs -> {
                    out.computeIfAbsent(rs.getObject("episode_id", UUID.class), k -> new ArrayList<>()).add(transition(rs, 0));
                });
        return out;
    }

    private static EpisodeTransition transition(ResultSet rs, int n) throws SQLException {
        return new EpisodeTransition(rs.getInt("seq"),
                rs.getString("from_status") == null ? null : status(rs.getString("from_status")),
                status(rs.getString("to_status")), (Boolean) rs.getObject("candidate"), rs.getString("reason"),
                rs.getObject("by_user_id", UUID.class), rs.getString("by_username"),
                rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getObject("effective_on", java.time.LocalDate.class));
    }

    private static EpisodeStatus status(String code) {
        return EpisodeStatus.fromCode(code).orElseThrow();
    }

    private static EpisodeOfCare map(ResultSet rs, int n) throws SQLException {
        return new EpisodeOfCare(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                Side.fromCode(rs.getString("side")).orElseThrow(), status(rs.getString("status")),
                (Boolean) rs.getObject("candidate"), rs.getInt("version"), rs.getInt("last_seq"));
    }
}
