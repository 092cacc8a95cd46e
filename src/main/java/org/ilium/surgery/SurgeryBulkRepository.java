package org.ilium.surgery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.ilium.shared.Actor;
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
        Object[] cIds = new Object[c];
        Object[] cEpisodes = new Object[c];
        Object[] cCodes = new Object[c];
        Object[] cOnsets = new Object[c];
        Object[] cPayloads = new Object[c];
        for (int i = 0; i < c; i++) {
            NewComplication x = complications.get(i);
            cIds[i] = x.id();
            cEpisodes[i] = x.episodeId();
            cCodes[i] = x.complication().code();
            cOnsets[i] = x.complication().onsetDate();
            cPayloads[i] = mapper.writeValueAsString(SurgeryJson.write(x.complication()));
        }
        int p = procedures.size();
        Object[] pIds = new Object[p];
        Object[] pEpisodes = new Object[p];
        Object[] pDates = new Object[p];
        Object[] pCpts = new Object[p];
        Object[] pRevisions = new Object[p];
        Object[] pComplications = new Object[p];
        Object[] pPayloads = new Object[p];
        for (int i = 0; i < p; i++) {
            NewProcedure x = procedures.get(i);
            pIds[i] = x.id();
            pEpisodes[i] = x.episodeId();
            pDates[i] = x.procedure().date();
            pCpts[i] = x.procedure().cpt();
            pRevisions[i] = x.procedure().revision();
            pComplications[i] = x.procedure().complicationId();
            pPayloads[i] = mapper.writeValueAsString(SurgeryJson.write(x.procedure()));
        }
        jdbc.execute((Connection con) -> {
            if (c > 0) {
                try (PreparedStatement ps = con.prepareStatement("insert into complication_event (id, episode_id, code, onset_date, payload, "
                        + "recorded_by, recorded_by_user_id, version, created_at, updated_at) select i, e, k, d, p::json, ?, ?, 1, ?, ? "
                        + "from unnest(?::uuid[], ?::uuid[], ?::text[], ?::date[], ?::text[]) with ordinality as t(i, e, k, d, p, n) order by n")) {
                    ps.setString(1, by.username());
                    ps.setObject(2, by.userId());
                    ps.setObject(3, when);
                    ps.setObject(4, when);
                    ps.setArray(5, con.createArrayOf("uuid", cIds));
                    ps.setArray(6, con.createArrayOf("uuid", cEpisodes));
                    ps.setArray(7, con.createArrayOf("text", cCodes));
                    ps.setArray(8, con.createArrayOf("date", cOnsets));
                    ps.setArray(9, con.createArrayOf("text", cPayloads));
                    ps.executeUpdate();
                }
            }
            if (p > 0) {
                try (PreparedStatement ps = con.prepareStatement("insert into surgical_procedure (id, episode_id, performed_on, cpt, revision, "
                        + "complication_id, payload, recorded_by, recorded_by_user_id, version, created_at, updated_at) "
                        + "select i, e, d, k, r, x, p::json, ?, ?, 1, ?, ? from unnest(?::uuid[], ?::uuid[], ?::date[], ?::text[], "
                        + "?::boolean[], ?::uuid[], ?::text[]) with ordinality as t(i, e, d, k, r, x, p, n) order by n")) {
                    ps.setString(1, by.username());
                    ps.setObject(2, by.userId());
                    ps.setObject(3, when);
                    ps.setObject(4, when);
                    ps.setArray(5, con.createArrayOf("uuid", pIds));
                    ps.setArray(6, con.createArrayOf("uuid", pEpisodes));
                    ps.setArray(7, con.createArrayOf("date", pDates));
                    ps.setArray(8, con.createArrayOf("text", pCpts));
                    ps.setArray(9, con.createArrayOf("boolean", pRevisions));
                    ps.setArray(10, con.createArrayOf("uuid", pComplications));
                    ps.setArray(11, con.createArrayOf("text", pPayloads));
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }
}
