package org.ilium.followup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.ilium.shared.Actor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Many enrolments and completed timepoints at once, as {@link FollowUpService} stores them one by one (enrolment
 * version 1 on the given protocol): for generated cohorts. The caller enrols only operated episodes, from the
 * date of the index procedure, and completes only timepoints whose window has opened.
 */
@Repository
public class FollowUpBulkRepository {
    public record NewEnrolment(UUID episodeId, String protocolId, String protocolVersion, LocalDate surgeryDate) {
    }

    /** {@code source}: one of {@link FollowUpService#SOURCES}. */
    public record NewCompletion(UUID episodeId, String timepointId, Instant completedAt, String source) {
    }

    private final JdbcTemplate jdbc;

    FollowUpBulkRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<NewEnrolment> enrolments, List<NewCompletion> completions, Actor by, Instant at) {
        if (enrolments.isEmpty() && completions.isEmpty()) {
            return;
        }
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        Object[] eIds = enrolments.stream().map(NewEnrolment::episodeId).toArray();
        Object[] eProtocols = enrolments.stream().map(NewEnrolment::protocolId).toArray();
        Object[] eVersions = enrolments.stream().map(NewEnrolment::protocolVersion).toArray();
        Object[] eDates = enrolments.stream().map(NewEnrolment::surgeryDate).toArray();
        Object[] cIds = completions.stream().map(NewCompletion::episodeId).toArray();
        Object[] cTimepoints = completions.stream().map(NewCompletion::timepointId).toArray();
        Object[] cAt = completions.stream().map(c -> OffsetDateTime.ofInstant(c.completedAt(), ZoneOffset.UTC)).toArray();
        Object[] cSources = completions.stream().map(NewCompletion::source).toArray();
        jdbc.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement("insert into follow_up_enrolment (episode_id, protocol_id, protocol_version, "
                    + "surgery_date, version, created_at, updated_at) select e, p, v, d, 1, ?, ? "
                    + "from unnest(?::uuid[], ?::text[], ?::text[], ?::date[]) as t(e, p, v, d)")) {
                ps.setObject(1, when);
                ps.setObject(2, when);
                ps.setArray(3, con.createArrayOf("uuid", eIds));
                ps.setArray(4, con.createArrayOf("text", eProtocols));
                ps.setArray(5, con.createArrayOf("text", eVersions));
                ps.setArray(6, con.createArrayOf("date", eDates));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = con.prepareStatement("insert into follow_up_completion (episode_id, timepoint_id, completed_at, "
                    + "source, completed_by) select e, tp, a, s, ? from unnest(?::uuid[], ?::text[], ?::timestamptz[], ?::text[]) "
                    + "as t(e, tp, a, s)")) {
                ps.setString(1, by.username());
                ps.setArray(2, con.createArrayOf("uuid", cIds));
                ps.setArray(3, con.createArrayOf("text", cTimepoints));
                ps.setArray(4, con.createArrayOf("timestamptz", cAt));
                ps.setArray(5, con.createArrayOf("text", cSources));
                ps.executeUpdate();
            }
            return null;
        });
    }
}
