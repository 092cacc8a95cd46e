package org.ilium.followup;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Patient links: the one table read without a site, because the patient who opens a link is not signed in.
 * It holds no patient data (token hash, identifiers, timepoint, times), and every query is by the hash of a
 * token or names the site explicitly, taken from the current actor by the caller.
 */
@Repository
class PatientLinkRepository {
    record Link(byte[] tokenHash, UUID siteId, UUID episodeId, String protocolId, String protocolVersion, String timepointId,
            Instant expiresAt, Instant usedAt, Instant revokedAt) {
    }

    private final JdbcClient jdbc;

    PatientLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Link> find(byte[] tokenHash, boolean forUpdate) {
        return jdbc.sql("select token_hash, site_id, episode_id, protocol_id, protocol_version, timepoint_id, expires_at, used_at, revoked_at "
                        + "from patient_link where token_hash = ?" + (forUpdate ? " for update" : ""))
                .param(tokenHash)
                .query((rs, n) -> new Link(rs.getBytes(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getString(5), rs.getString(6), instant(rs.getObject(7, OffsetDateTime.class)),
                        instant(rs.getObject(8, OffsetDateTime.class)), instant(rs.getObject(9, OffsetDateTime.class))))
                .optional();
    }

    void insert(Link link, Instant at) {
        jdbc.sql("insert into patient_link (token_hash, site_id, episode_id, protocol_id, protocol_version, timepoint_id, created_at, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(link.tokenHash(), link.siteId(), link.episodeId(), link.protocolId(), link.protocolVersion(), link.timepointId(),
                        utc(at), utc(link.expiresAt()))
                .update();
    }

    /** Revokes the open links of one timepoint ({@code timepointId} null: of every timepoint) of an episode of a site. */
    int revoke(UUID siteId, UUID episodeId, String timepointId, Instant at) {
        return jdbc.sql("update patient_link set revoked_at = ? where site_id = ? and episode_id = ? and (?::text is null or timepoint_id = ?) "
                        + "and used_at is null and revoked_at is null")
                .params(utc(at), siteId, episodeId, timepointId, timepointId).update();
    }

    void markUsed(byte[] tokenHash, Instant at) {
        jdbc.sql("update patient_link set used_at = ? where token_hash = ?").params(utc(at), tokenHash).update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
