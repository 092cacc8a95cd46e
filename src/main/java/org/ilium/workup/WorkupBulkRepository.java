package org.ilium.workup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ilium.shared.Actor;
import org.ilium.shared.BulkColumn;
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
    private final ObjectMapper mapper;

    WorkupBulkRepository(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public void insert(List<NewRecord> rows, Actor by, Instant at) {
        int n = rows.size();
        BulkColumn ids = new BulkColumn(n);
        BulkColumn episodes = new BulkColumn(n);
        BulkColumn kinds = new BulkColumn(n);
        BulkColumn dates = new BulkColumn(n);
        BulkColumn sources = new BulkColumn(n);
        List<Map<String, Object>> payloads = new ArrayList<>(n);
        for (NewRecord r : rows) {
            ids.add(r.id());
            episodes.add(r.episodeId());
            kinds.add(WorkupKind.of(r.item()).path());
            dates.add(r.item().date());
            sources.add(r.item().source());
            payloads.add(WorkupPayload.fields(r.item(), by.username()));
        }
        BulkColumn payloadColumn = BulkColumn.json(mapper.writer(), payloads);
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        // Version 1 is the current row alone: the history table holds only superseded versions (V11).
        jdbc.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement("insert into workup_record (id, episode_id, kind, recorded_on, "
                    + "payload, recorded_by, recorded_by_user_id, source, version, created_at, updated_at) "
                    + "select i, e, k, d, p::json, ?, ?, s, 1, ?, ? from " + BulkColumn.unnest("uuid", "uuid", "text", "date", "text", "text")
                    + " as t(i, e, k, d, p, s)")) {
                ps.setString(1, by.username());
                ps.setObject(2, by.userId());
                ps.setObject(3, when);
                ps.setObject(4, when);
                ps.setString(5, ids.text());
                ps.setString(6, episodes.text());
                ps.setString(7, kinds.text());
                ps.setString(8, dates.text());
                ps.setString(9, payloadColumn.text());
                ps.setString(10, sources.text());
                ps.executeUpdate();
            }
            return null;
        });
    }
}
