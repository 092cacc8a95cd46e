package org.ilium.workup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.ilium.shared.Actor;
import org.ilium.shared.JoinedText;
import org.ilium.workup.domain.WorkupItem;
import org.ilium.workup.domain.WorkupKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * Many work-up records at once, each as version 1, as {@link WorkupService#record} would store them one by
 * one: for generated cohorts and benchmarks.
 */
@Repository
public class WorkupBulkRepository {
    public record NewRecord(UUID id, UUID episodeId, WorkupItem item) {
    }

    private final JdbcTemplate jdbc;
    private final WorkupPayload payload;

    WorkupBulkRepository(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.payload = new WorkupPayload(mapper);
    }

    public void insert(List<NewRecord> rows, Actor by, Instant at) {
        int n = rows.size();
        Object[] ids = new Object[n];
        Object[] episodes = new Object[n];
        Object[] kinds = new Object[n];
        Object[] dates = new Object[n];
        String[] payloads = new String[n];
        Object[] sources = new Object[n];
        for (int i = 0; i < n; i++) {
            NewRecord r = rows.get(i);
            ids[i] = r.id();
            episodes[i] = r.episodeId();
            kinds[i] = WorkupKind.of(r.item()).path();
            dates[i] = r.item().date();
            payloads[i] = payload.write(r.item(), by.username());
            sources[i] = r.item().source();
        }
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        // Version 1 is the current row alone: the history table holds only superseded versions (V11).
        jdbc.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("insert into workup_record (id, episode_id, kind, recorded_on, "
                    + "payload, recorded_by, recorded_by_user_id, source, version, created_at, updated_at) "
                    + "select i, e, k, d, p::json, ?, ?, s, 1, ?, ? "
                    + "from unnest(?::uuid[], ?::uuid[], ?::text[], ?::date[], string_to_array(?, chr(30)), ?::text[]) as t(i, e, k, d, p, s)")) {
                ps.setString(1, by.username());
                ps.setObject(2, by.userId());
                ps.setObject(3, when);
                ps.setObject(4, when);
                ps.setArray(5, c.createArrayOf("uuid", ids));
                ps.setArray(6, c.createArrayOf("uuid", episodes));
                ps.setArray(7, c.createArrayOf("text", kinds));
                ps.setArray(8, c.createArrayOf("date", dates));
                ps.setString(9, JoinedText.of(payloads));
                ps.setArray(10, c.createArrayOf("text", sources));
                ps.executeUpdate();
            }
            return null;
        });
    }
}
