package org.ilium.patient.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded move of an episode: who, when, why. The first one of an episode (the referral) has no
 * {@code from}. {@code candidate} is the candidacy decision, set only on moves to DECIDED.
 */
public record EpisodeTransition(int seq, EpisodeStatus from, EpisodeStatus to, Boolean candidate, String reason,
        UUID byUserId, String byUsername, Instant at) {
}
