package org.ilium.followup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ilium.followup.PatientLinkRepository.Link;
import org.ilium.followup.domain.Milestone;
import org.ilium.followup.domain.Protocol;
import org.ilium.followup.domain.ScheduledTimepoint;
import org.ilium.followup.domain.Timepoint;
import org.ilium.followup.domain.TimepointStatus;
import org.ilium.shared.Actor;
import org.ilium.shared.ConflictException;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use links that let a patient answer one timepoint's questionnaires without signing in.
 *
 * <p>Security: a token is 256 bits from {@link SecureRandom}, base64url without padding (43 characters);
 * only its SHA-256 is stored, so a copy of the database yields no usable link. A link expires at the end of
 * its timepoint's window (the day after {@code closes}, 00:00 in the clock's zone), is replaced when another
 * is issued for the same timepoint or the schedule moves, and is used once. Because the patient has no actor,
 * {@link #open} reads the one table without row-level security, {@code patient_link}, which holds no patient
 * data; it answers the site, and everything that touches patient data afterwards ({@link #redeem}, storing
 * answers) must run as an actor of that site, so row-level security still applies to it. An unknown token
 * answers 404 and a used, expired or replaced one 410, which says nothing about the patient.
 */
@Service
public class PatientLinks {
    /** Where a link leads: enough for the questionnaire page, no patient data. */
    public record LinkTarget(UUID episodeId, UUID siteId, String timepointId, String timepointLabel, List<String> instruments,
            Instant expiresAt, List<Milestone> recovery) {
    }

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PatientLinkRepository links;
    private final FollowUpService followUp;
    private final FollowUpProtocols protocols;
    private final SiteActorProvider actors;
    private final Clock clock;

    PatientLinks(PatientLinkRepository links, FollowUpService followUp, FollowUpProtocols protocols, SiteActorProvider actors, Clock clock) {
        this.links = links;
        this.actors = actors;
        this.followUp = followUp;
        this.protocols = protocols;
        this.clock = clock;
    }

    /**
     * A new link for a timepoint that is due (window open, not completed) of an episode of the caller's site;
     * returns the raw token, which is not stored. Any earlier unused link of the timepoint stops working.
     * 404 for an unknown episode or timepoint, 409 when the timepoint is not due.
     */
    @Transactional
    public String issue(UUID episodeId, String timepointId) {
        Actor actor = CurrentActor.require();
        FollowUp f = followUp.get(episodeId);
        ScheduledTimepoint tp = FollowUpService.scheduled(f, timepointId);
        TimepointStatus status = tp.statusOn(followUp.today());
        if (!status.answerable()) {
            throw new ConflictException("Timepoint " + timepointId + " is " + status.code() + ", so no link can be issued for it");
        }
        Instant now = clock.instant();
        links.revoke(actor.siteId(), episodeId, timepointId, now);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Protocol p = f.schedule().protocol();
        links.insert(new Link(hash(token), actor.siteId(), episodeId, p.id(), p.version(), timepointId, expiry(tp.closes()), null, null), now);
        return token;
    }

    /** The instant a link of a window closing on {@code closes} expires: the start of the next day in the clock's zone. */
    Instant expiry(LocalDate closes) {
        return closes.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }

    /**
     * Where a token leads; needs no actor. 404 ({@link NotFoundException}) for an unknown token, 410
     * ({@link LinkGoneException}) for one used, expired or replaced.
     */
    @Transactional(readOnly = true)
    public LinkTarget open(String token) {
        Link link = usable(token, false);
        Protocol p = protocols.find(link.protocolId(), link.protocolVersion())
                .orElseThrow(() -> new LinkGoneException("This link belongs to a questionnaire schedule that is no longer in use."));
        Timepoint t = p.timepoint(link.timepointId())
                .orElseThrow(() -> new LinkGoneException("This link belongs to a questionnaire that is no longer in use."));
        return new LinkTarget(link.episodeId(), link.siteId(), t.id(), t.label(), t.instruments(), link.expiresAt(), p.recovery());
    }

    /**
     * Uses the link: marks it used and its timepoint completed with source {@code patient_link}, in the
     * caller's transaction (so answers stored in it and the completion commit together). Must run as an actor
     * of the link's site (see {@link #callAsSite}); 404 otherwise,
     * and 404/410 as {@link #open}. A second redeem fails with 410.
     */
    @Transactional
    public void redeem(String token) {
        Link link = usable(token, true);
        Actor actor = CurrentActor.require();
        if (!actor.siteId().equals(link.siteId())) {
            throw new NotFoundException("Link");
        }
        links.markUsed(link.tokenHash(), clock.instant());
        followUp.complete(link.episodeId(), link.timepointId(), "patient_link");
    }

    /**
     * Runs {@code work} as the actor of the link's site (its first administrator), for the questionnaire page:
     * {@code LinkTarget t = links.open(token); links.callAsSite(t, () -> { store answers; links.redeem(token); ... })},
     * with the storing and the redeem in one transaction. The actor must be set before that transaction starts,
     * because the connection takes its site when it is opened. 404 when the site has no administrator.
     */
    public <T> T callAsSite(LinkTarget target, java.util.function.Supplier<T> work) {
        Actor actor = actors.forSite(target.siteId()).orElseThrow(() -> new NotFoundException("Link"));
        return CurrentActor.callAs(actor, work);
    }

    private Link usable(String token, boolean forUpdate) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new NotFoundException("Link");
        }
        Link link = links.find(hash(token), forUpdate).orElseThrow(() -> new NotFoundException("Link"));
        if (link.usedAt() != null) {
            throw new LinkGoneException("This link has been used already; each link works once.");
        }
        if (link.revokedAt() != null) {
            throw new LinkGoneException("This link was replaced by a newer one; please use the most recent message.");
        }
        if (!clock.instant().isBefore(link.expiresAt())) {
            throw new LinkGoneException("This link expired at the end of the questionnaire's time window.");
        }
        return link;
    }

    static byte[] hash(String token) {
        Objects.requireNonNull(token, "token");
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
