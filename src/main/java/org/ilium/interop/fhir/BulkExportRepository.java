package org.ilium.interop.fhir;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bulk Data export jobs (V10). Row-level security scopes every statement to the caller's site, except
 * {@link #siteCodes} (sites are not site-scoped), which start-up recovery uses to act for each site in turn.
 */
@Repository
class BulkExportRepository {
    private final JdbcClient jdbc;

    BulkExportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A job as stored; {@code output} is the JSON object of counts per type, null unless done. */
    record Row(UUID id, UUID siteId, UUID owner, String request, String types, Instant since, Instant transactionTime, String status,
            UUID folder, String output, String error, Instant finishedAt) {
    }

    void insert(UUID id, UUID owner, String request, String types, Instant since, Instant transactionTime, UUID folder) {
        jdbc.sql("insert into bulk_export_job (id, owner_user_id, request, types, since, transaction_time, status, folder) "
                        + "values (?, ?, ?, ?, ?, ?, 'running', ?)")
                .params(id, owner, request, types, since == null ? null : Timestamp.from(since), Timestamp.from(transactionTime), folder)
                .update();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("select * from bulk_export_job where id = ?").param(id).query(BulkExportRepository::row).optional();
    }

    /** Marks a running job done; false when it is no longer there (deleted meanwhile). */
    boolean done(UUID id, String outputJson) {
        return jdbc.sql("update bulk_export_job set status = 'done', output = ?::jsonb, finished_at = now() where id = ? and status = 'running'")
                .params(outputJson, id).update() == 1;
    }

    boolean failed(UUID id, String error) {
        return jdbc.sql("update bulk_export_job set status = 'failed', error = ?, finished_at = now() where id = ? and status = 'running'")
                .params(error, id).update() == 1;
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from bulk_export_job where id = ?").param(id).update() == 1;
    }

    /** Marks every running job of the site failed (they were cut off by a stop); answers their folders. */
    List<UUID> failRunning(String error) {
        return jdbc.sql("update bulk_export_job set status = 'failed', error = ?, finished_at = now() where status = 'running' "
                        + "returning folder")
                .param(error).query((rs, n) -> rs.getObject(1, UUID.class)).list();
    }

    /** Deletes the site's jobs finished before {@code before}; answers their folders. */
    List<UUID> deleteFinishedBefore(Instant before) {
        return jdbc.sql("delete from bulk_export_job where finished_at < ? returning folder").param(Timestamp.from(before))
                .query((rs, n) -> rs.getObject(1, UUID.class)).list();
    }

    /** The folders of the site's jobs that are kept (not expired, not deleted). */
    List<UUID> folders() {
        return jdbc.sql("select folder from bulk_export_job").query((rs, n) -> rs.getObject(1, UUID.class)).list();
    }

    List<String> siteCodes() {
        return jdbc.sql("select code from site order by code").query(String.class).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class), rs.getObject("owner_user_id", UUID.class),
                rs.getString("request"), rs.getString("types"), instant(rs.getTimestamp("since")), instant(rs.getTimestamp("transaction_time")),
                rs.getString("status"), rs.getObject("folder", UUID.class), rs.getString("output"), rs.getString("error"),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
