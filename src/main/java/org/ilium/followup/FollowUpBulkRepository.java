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
import org.ilium.shared.BulkColumn;
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
        BulkColumn eIds = new BulkColumn(enrolments.size());
        BulkColumn eProtocols = new BulkColumn(enrolments.size());
        BulkColumn eVersions = new BulkColumn(enrolments.size());
        BulkColumn eDates = new BulkColumn(enrolments.size());
        for (NewEnrolment e : enrolments) {
            eIds.add(e.episodeId());
            eProtocols.add(e.protocolId());
            eVersions.add(e.protocolVersion());
            eDates.add(e.surgeryDate());
        }
        BulkColumn cIds = new BulkColumn(completions.size());
        BulkColumn cTimepoints = new BulkColumn(completions.size());
        BulkColumn cAt = new BulkColumn(completions.size());
        BulkColumn cSources = new BulkColumn(completions.size());
        for (NewCompletion c : completions) {
            cIds.add(c.episodeId());
            cTimepoints.add(c.timepointId());
            cAt.add(c.completedAt());
            cSources.add(c.source());
        }
        jdbc.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement("insert into follow_up_enrolment (episode_id, protocol_id, protocol_version, "
                    + "surgery_date, version, created_at, updated_at) select e, p, v, d, 1, ?, ? from "
                    + BulkColumn.unnest("uuid", "text", "text", "date") + " as t(e, p, v, d)")) {
                ps.setObject(1, when);
                ps.setObject(2, when);
                ps.setString(3, eIds.text());
                ps.setString(4, eProtocols.text());
                ps.setString(5, eVersions.text());
                ps.setString(6, eDates.text());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = con.prepareStatement("insert into follow_up_completion (episode_id, timepoint_id, completed_at, "
                    + "source, completed_by) select e, tp, a, s, ? from " + BulkColumn.unnest("uuid", "text", "timestamptz", "text")
                    + " as t(e, tp, a, s)")) {
                ps.setString(1, by.username());
                ps.setString(2, cIds.text());
                ps.setString(3, cTimepoints.text());
                ps.setString(4, cAt.text());
                ps.setString(5, cSources.text());
                ps.executeUpdate();
            }
            return null;
        });
    }
}
