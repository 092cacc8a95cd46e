package org.ilium.patient.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.ilium.shared.LatestDate;
import org.ilium.shared.Actor;
import org.ilium.shared.FieldError;
import org.ilium.shared.InvalidInputException;

/**
 * One treatment course for one side. It owns its state machine: {@link #moveTo} either returns the
 * episode after the move together with the transition to record, or refuses and says why.
 *
 * @param candidate the candidacy decision once DECIDED; null while still open
 * @param lastSeq   sequence number of the latest recorded transition
 */
public record EpisodeOfCare(UUID id, UUID patientId, Side side, EpisodeStatus status, Boolean candidate, int version,
        int lastSeq) {

    public static final int REASON_MAX = 1000;
    /** SI joint fusion as a registry subject starts well after this. */
    public static final LocalDate EARLIEST_EFFECTIVE = LocalDate.of(1990, 1, 1);

    /** The result of a move: the episode as it now stands and the transition that records it. */
    public record Moved(EpisodeOfCare episode, EpisodeTransition transition) {
    }

    public EpisodeOfCare {
        Objects.requireNonNull(id);
        Objects.requireNonNull(patientId);
        Objects.requireNonNull(side);
        Objects.requireNonNull(status);
    }

    /** A new episode starts as REFERRED; its referral is the first recorded transition. */
    public static Moved refer(UUID id, UUID patientId, Side side, String reason, Actor by, Instant at) {
        return refer(id, patientId, side, reason, by, at, null);
    }

    /** As {@link #refer(UUID, UUID, Side, String, Actor, Instant)}, referred on {@code effectiveOn} (null: the day of {@code at}). */
    public static Moved refer(UUID id, UUID patientId, Side side, String reason, Actor by, Instant at, LocalDate effectiveOn) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = effectiveDate(effectiveOn, at, errors);
        requireReason(reason, errors);
        EpisodeOfCare episode = new EpisodeOfCare(id, patientId, side, EpisodeStatus.REFERRED, null, 1, 1);
        return new Moved(episode, new EpisodeTransition(1, null, EpisodeStatus.REFERRED, null, reason.strip(),
                by.userId(), by.username(), at, on));
    }

    public Moved moveTo(EpisodeStatus to, Boolean candidateDecision, String reason, Actor by, Instant at) {
        return moveTo(to, candidateDecision, reason, by, at, null);
    }

    /**
     * Moves the episode; {@code effectiveOn} is the clinical date of the move when it is recorded later (null:
     * the day of {@code at}); it may not lie in the future.
     */
    public Moved moveTo(EpisodeStatus to, Boolean candidateDecision, String reason, Actor by, Instant at, LocalDate effectiveOn) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = effectiveDate(effectiveOn, at, errors);
        if (to == EpisodeStatus.DECIDED && candidateDecision == null) {
            errors.add(new FieldError("candidate", "is required when moving to decided: true or false"));
        }
        if (to != EpisodeStatus.DECIDED && candidateDecision != null) {
            errors.add(new FieldError("candidate", "applies only when moving to decided"));
        }
        requireReason(reason, errors);
        if (!allowedNext().contains(to)) {
            String why = status == to ? "it is already " + to.code()
                    : to == EpisodeStatus.SCHEDULED && status.next().contains(to) ? "the patient was decided not to be a candidate"
                    : "not a step of the pathway";
            throw new IllegalTransitionException(status, to, why, allowedNext());
        }
        Boolean nextCandidate = switch (to) {
            case DECIDED -> candidateDecision;
            case IN_WORKUP -> null;
            default -> candidate;
        };
        EpisodeOfCare after = new EpisodeOfCare(id, patientId, side, to, nextCandidate, version + 1, lastSeq + 1);
        return new Moved(after, new EpisodeTransition(lastSeq + 1, status, to, candidateDecision, reason.strip(),
                by.userId(), by.username(), at, on));
    }

    /** The moves open from here: the pathway's next steps, but no surgery for a non-candidate. */
    public Set<EpisodeStatus> allowedNext() {
        Set<EpisodeStatus> next = status.next();
        if (!Boolean.TRUE.equals(candidate)) {
            next.remove(EpisodeStatus.SCHEDULED);
        }
        return next;
    }

    /** The clinical date of a move: given, or the UTC day it is recorded; not after the latest date on Earth at {@code at}. */
    private static LocalDate effectiveDate(LocalDate effectiveOn, Instant at, List<FieldError> errors) {
        if (effectiveOn == null) {
            return LocalDate.ofInstant(at, ZoneOffset.UTC);
        }
        if (effectiveOn.isAfter(LatestDate.at(at))) {
            errors.add(new FieldError("effectiveOn", "must not be in the future"));
        } else if (effectiveOn.isBefore(EARLIEST_EFFECTIVE)) {
            errors.add(new FieldError("effectiveOn", "must be on or after " + EARLIEST_EFFECTIVE));
        }
        return effectiveOn;
    }

    private static void requireReason(String reason, List<FieldError> errors) {
        List<FieldError> all = new ArrayList<>(errors);
        if (reason == null || reason.isBlank()) {
            all.add(new FieldError("reason", "is required: say why the episode moves"));
        } else if (reason.length() > REASON_MAX) {
            all.add(new FieldError("reason", "must be at most " + REASON_MAX + " characters"));
        }
        if (!all.isEmpty()) {
            throw new InvalidInputException(all);
        }
    }
}
