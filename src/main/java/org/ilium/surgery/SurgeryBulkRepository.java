package org.ilium.surgery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ilium.shared.Actor;
import org.ilium.shared.BulkColumn;
import org.ilium.surgery.domain.Complication;
import org.ilium.surgery.domain.Procedure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * Many procedures and complications at once (version 1, payload in the API's JSON form), as {@link SurgeryService}
 * stores them one by one: for generated cohorts. The caller has applied the service's rules (positive decision
 * first, index before revisions, CPT coding rules); complications go in first because a revision may cite one.
 */
@Repository
public class SurgeryBulkRepository {
    public record NewProcedure(UUID id, UUID episodeId, Procedure procedure) {
    }

    public record NewComplication(UUID id, UUID episodeId, Complication complication) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    SurgeryBulkRepository(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public void insert(List<NewProcedure> procedures, List<NewComplication> complications, Actor by, Instant at) {
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        int c = complications.size();
        BulkColumn cIds = new BulkColumn(c);
        BulkColumn cEpisodes = new BulkColumn(c);
        BulkColumn cCodes = new BulkColumn(c);
        BulkColumn cOnsets = new BulkColumn(c);
        List<Object> cPayloads = new ArrayList<>(c);
        for (NewComplication x : complications) {
            cIds.add(x.id());
            cEpisodes.add(x.episodeId());
            cCodes.add(x.complication().code());
            cOnsets.add(x.complication().onsetDate());
            cPayloads.add(SurgeryJson.write(x.complication()));
        }
        int p = procedures.size();
        BulkColumn pIds = new BulkColumn(p);
        BulkColumn pEpisodes = new BulkColumn(p);
        BulkColumn pDates = new BulkColumn(p);
        BulkColumn pCpts = new BulkColumn(p);
        BulkColumn pRevisions = new BulkColumn(p);
        BulkColumn pComplications = new BulkColumn(p);
        List<Object> pPayloads = new ArrayList<>(p);
        for (NewProcedure x : procedures) {
            pIds.add(x.id());
            pEpisodes.add(x.episodeId());
            pDates.add(x.procedure().date());
            pCpts.add(x.procedure().cpt());
            pRevisions.add(x.procedure().revision());
            pComplications.add(x.procedure().complicationId());
            pPayloads.add(SurgeryJson.write(x.procedure()));
        }
        BulkColumn cPayloadColumn = BulkColumn.json(mapper.writer(), cPayloads);
        BulkColumn pPayloadColumn = BulkColumn.json(mapper.writer(), pPayloads);
        jdbc.execute((Connection con) -> {
            if (c > 0) {
                try (PreparedStatement ps = con.prepareStatement("insert into complication_event (id, episode_id, code, onset_date, payload, "
                        + "recorded_by, recorded_by_user_id, version, created_at, updated_at) select i, e, k, d, p::json, ?, ?, 1, ?, ? "
                        + "from " + BulkColumn.unnest("uuid", "uuid", "text", "date", "text")
                        + " with ordinality as t(i, e, k, d, p, n) order by n")) {
                    ps.setString(1, by.username());
                    ps.setObject(2, by.userId());
                    ps.setObject(3, when);
                    ps.setObject(4, when);
                    ps.setString(5, cIds.text());
                    ps.setString(6, cEpisodes.text());
                    ps.setString(7, cCodes.text());
                    ps.setString(8, cOnsets.text());
                    ps.setString(9, cPayloadColumn.text());
                    ps.executeUpdate();
                }
            }
            if (p > 0) {
                try (PreparedStatement ps = con.prepareStatement("insert into surgical_procedure (id, episode_id, performed_on, cpt, revision, "
                        + "complication_id, payload, recorded_by, recorded_by_user_id, version, created_at, updated_at) "
                        + "select i, e, d, k, r, x, p::json, ?, ?, 1, ?, ? from "
                        + BulkColumn.unnest("uuid", "uuid", "date", "text", "boolean", "uuid", "text")
                        + " with ordinality as t(i, e, d, k, r, x, p, n) order by n")) {
                    ps.setString(1, by.username());
                    ps.setObject(2, by.userId());
                    ps.setObject(3, when);
                    ps.setObject(4, when);
                    ps.setString(5, pIds.text());
                    ps.setString(6, pEpisodes.text());
                    ps.setString(7, pDates.text());
                    ps.setString(8, pCpts.text());
                    ps.setString(9, pRevisions.text());
                    ps.setString(10, pComplications.text());
                    ps.setString(11, pPayloadColumn.text());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }
}
