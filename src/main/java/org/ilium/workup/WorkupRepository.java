package org.ilium.workup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.ilium.shared.Actor;
import org.ilium.workup.domain.WorkupKind;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Work-up records and their versions. Like every patient-owned table these are scoped to the caller's
 * site by row-level security: no query here names a site, and inserts take it from the column default.
 * Payloads are JSON text as {@link WorkupWriter} writes a record (without its id); the service reads
 * them back.
 */
@Repository
class WorkupRepository {
    /** Rows fetched per round trip when streaming a whole site. */
    static final int FETCH_SIZE = 2_000;
    private static final String COLUMNS = "id, kind, version, recorded_by, payload";
    private static final Map<String, WorkupKind> KINDS = Arrays.stream(WorkupKind.values())
            .collect(Collectors.toUnmodifiableMap(WorkupKind::path, k -> k));

    /** The current version of one record, its payload still JSON text. */
    record Row(UUID id, WorkupKind kind, int version, String recordedBy, String payload) {
    }

    /** One stored version of a record. */
    record VersionRow(int version, String recordedBy, Instant at, String reason, String payload) {
    }

    /** The episode and patient part of the case stream's rows, decoded once per episode. */
    record CaseHeader(UUID episodeId, String episodeText, LocalDate birthDate, String sex, String side) {
    }

    /**
     * One row of the case stream: an episode (the same header object for all rows of an episode) and
     * one of its current records; the record fields are null for an episode without work-up.
     */
    record CaseRow(CaseHeader episode, String recordId, String kind, String recordedBy, long seq, byte[] payload) {
    }

    private final JdbcClient jdbc;

    WorkupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new record as version 1 (the current row; the history holds only superseded versions, V11). */
    void insert(UUID id, UUID episodeId, WorkupKind kind, LocalDate recordedOn, String payload, String source, Actor by,
            Instant at) {
        jdbc.sql("insert into workup_record (id, episode_id, kind, recorded_on, payload, recorded_by, recorded_by_user_id, "
                        + "source, version, created_at, updated_at) values (?, ?, ?, ?, ?::json, ?, ?, ?, 1, ?, ?)")
                .params(id, episodeId, kind.path(), recordedOn, payload, by.username(), by.userId(), source, utc(at), utc(at))
                .update();
    }

    /**
     * Moves the current version to the history and replaces it with {@code version}; the caller holds the
     * row's lock ({@link #find} for update), so the copied version is the one being replaced.
     */
    void update(UUID id, int version, LocalDate recordedOn, String payload, String source, String reason, Actor by,
            Instant at) {
        jdbc.sql("insert into workup_record_version (record_id, version, recorded_on, payload, recorded_by, recorded_by_user_id, "
                        + "source, reason, at) select id, version, recorded_on, payload, recorded_by, recorded_by_user_id, source, "
                        + "reason, updated_at from workup_record where id = ?")
                .param(id)
                .update();
        jdbc.sql("update workup_record set recorded_on = ?, payload = ?::json, recorded_by = ?, recorded_by_user_id = ?, "
                        + "source = ?, version = ?, reason = ?, updated_at = ? where id = ?")
                .params(recordedOn, payload, by.username(), by.userId(), source, version, reason, utc(at), id)
                .update();
    }

    /**
     * A record of this episode and kind; {@code forUpdate} locks it until the transaction ends, so a
     * concurrent correction waits and then sees the new version.
     */
    Optional<Row> find(UUID episodeId, WorkupKind kind, UUID id, boolean forUpdate) {
        return jdbc.sql("select " + COLUMNS + " from workup_record where episode_id = ? and kind = ? and id = ?"
                        + (forUpdate ? " for update" : ""))
                .params(episodeId, kind.path(), id).query(WorkupRepository::map).optional();
    }

    /** The current records of an episode, of one kind or (kind null) all, each kind by date and then as recorded. */
    List<Row> forEpisode(UUID episodeId, WorkupKind kind) {
        if (kind == null) {
            return jdbc.sql("select " + COLUMNS + " from workup_record where episode_id = ? order by kind, recorded_on, seq")
                    .param(episodeId).query(WorkupRepository::map).list();
        }
        return jdbc.sql("select " + COLUMNS + " from workup_record where episode_id = ? and kind = ? order by recorded_on, seq")
                .params(episodeId, kind.path()).query(WorkupRepository::map).list();
    }

    /** Every version of a record, oldest first. */
    List<VersionRow> versions(UUID recordId) {
        // superseded versions and the current one (V11)
        return jdbc.sql("select version, recorded_by, at, reason, payload from workup_record_version where record_id = ? "
                        + "union all select version, recorded_by, updated_at, reason, payload from workup_record where id = ? "
                        + "order by version")
                .params(recordId, recordId)
                .query((rs, n) -> new VersionRow(rs.getInt("version"), rs.getString("recorded_by"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("reason"), rs.getString("payload")))
                .list();
    }

    /**
     * Every episode of the site (or only {@code episodeId} when given) with its patient and current
     * records, in one query streamed {@value #FETCH_SIZE} rows at a time, ordered by episode id (the
     * records of an episode in no particular order; {@code seq} is their order of recording). Needs a
     * transaction, or the driver fetches all rows at once.
     */
    void streamCases(UUID episodeId, Consumer<CaseRow> rows) {
        streamCases(episodeId == null ? null : new UUID[] {episodeId}, rows);
    }

    /** As {@link #streamCases(UUID, Consumer)}, for the episodes among {@code episodeIds} (null: every episode of the site). */
    void streamCases(UUID[] episodeIds, Consumer<CaseRow> rows) {
        String sql = "select e.id as episode_id, p.birth_date, p.sex, e.side, r.id as record_id, r.kind, r.recorded_by, r.seq, r.payload "
                + "from episode_of_care e "
                + "join patient p on p.site_id = e.site_id and p.id = e.patient_id "
                + "left join workup_record r on r.site_id = e.site_id and r.episode_id = e.id "
                + (episodeIds == null ? "" : episodeIds.length == 1 ? "where e.id = ? " : "where e.id = any(?) ")
                // records in an episode come in any order (sorting them here cost more than in Java)
                + "order by e.id";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).withFetchSize(FETCH_SIZE);
        if (episodeIds != null) {
            statement = statement.param(episodeIds.length == 1 ? episodeIds[0] : episodeIds);
        }
        CaseHeader[] header = new CaseHeader[1];
        statement.query((RowCallbackHandler) rs -> {
            String episode = rs.getString(1);
            if (header[0] == null || !episode.equals(header[0].episodeText())) {
                header[0] = new CaseHeader(UUID.fromString(episode), episode, rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4));
            }
            // the payload as the driver received it: UTF-8 JSON text, parsed without an intermediate String
            rows.accept(new CaseRow(header[0], rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getBytes(9)));
        });
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), kind(rs.getString("kind")), rs.getInt("version"),
                rs.getString("recorded_by"), rs.getString("payload"));
    }

    static WorkupKind kind(String path) {
        WorkupKind kind = KINDS.get(path);
        if (kind == null) {
            throw new IllegalStateException("unknown stored work-up kind");
        }
        return kind;
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
