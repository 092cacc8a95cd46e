package org.ilium.patient.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One recorded move of an episode: who, when, why. The first one of an episode (the referral) has no
 * {@code from}. {@code candidate} is the candidacy decision, set only on moves to DECIDED.
 * {@code at} is when the move was recorded; {@code effectiveOn} the clinical date it happened, which is
 * earlier when a clinic records the past (for example a patient operated before the registry existed).
 */
public record EpisodeTransition(int seq, EpisodeStatus from, EpisodeStatus to, Boolean candidate, String reason,
        UUID byUserId, String byUsername, Instant at, LocalDate effectiveOn) {

    /** A move that happened the day it was recorded (UTC). */
    public EpisodeTransition(int seq, EpisodeStatus from, EpisodeStatus to, Boolean candidate, String reason, UUID byUserId,
            String byUsername, Instant at) {
        this(seq, from, to, candidate, reason, byUserId, byUsername, at, LocalDate.ofInstant(at, ZoneOffset.UTC));
    }
}
