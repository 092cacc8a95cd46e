package org.ilium.notify;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sites (not patient data, no scoping) and the outbox, which is site-scoped by row-level security like
 * every table holding patient data (it holds the e-mail address): the jobs run once per site.
 */
@Repository
class NotifyRepository {
    /** A message as the sender needs it. */
    record Message(UUID id, UUID episodeId, String timepointId, String reminder, String recipient, String subject, String body,
            int attempts) {
    }

    private final JdbcClient jdbc;

    NotifyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> siteCodes() {
        return jdbc.sql("select code from site order by code").query(String.class).list();
    }

    Optional<String> siteCode(UUID siteId) {
        return jdbc.sql("select code from site where id = ?").param(siteId).query(String.class).optional();
    }

    Optional<String> siteName(UUID siteId) {
        return jdbc.sql("select name from site where id = ?").param(siteId).query(String.class).optional();
    }

    boolean exists(UUID episodeId, String timepointId, String reminder) {
        return jdbc.sql("select count(*) from outbox_message where episode_id = ? and timepoint_id = ? and reminder = ?")
                .params(episodeId, timepointId, reminder).query(Long.class).single() > 0;
    }

    /** Queues a message unless this reminder of this timepoint exists; true when queued. */
    boolean enqueue(UUID episodeId, String timepointId, String reminder, String recipient, String subject, String body, Instant at) {
        return jdbc.sql("insert into outbox_message (id, episode_id, timepoint_id, reminder, recipient, subject, body, created_at, "
                        + "next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(UUID.randomUUID(), episodeId, timepointId, reminder, recipient, subject, body, utc(at), utc(at)).update() == 1;
    }

    /** Messages to try now, oldest first. One sender per database is assumed (the scheduled job of one process). */
    List<Message> due(Instant now, int limit) {
        return jdbc.sql("select id, episode_id, timepoint_id, reminder, recipient, subject, body, attempts from outbox_message "
                        + "where sent_at is null and cancelled_at is null and next_attempt_at <= ? order by next_attempt_at limit ?")
                .params(utc(now), limit)
                .query((rs, n) -> new Message(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)))
                .list();
    }

    void sent(UUID id, Instant at) {
        jdbc.sql("update outbox_message set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?").params(utc(at), id).update();
    }

    void failed(UUID id, String error, Instant nextAttempt) {
        jdbc.sql("update outbox_message set attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?")
                .params(error, utc(nextAttempt), id).update();
    }

    void cancel(UUID id, Instant at) {
        jdbc.sql("update outbox_message set cancelled_at = ? where id = ?").params(utc(at), id).update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
