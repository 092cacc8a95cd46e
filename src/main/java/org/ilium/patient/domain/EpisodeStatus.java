package org.ilium.patient.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where an episode of care stands. The path runs referred -> in work-up -> decided -> scheduled ->
 * operated -> in follow-up -> closed; work-up may be reopened after a decision, and an episode may be
 * closed at any step (patient declines, moves away, dies).
 */
public enum EpisodeStatus {
    REFERRED, IN_WORKUP, DECIDED, SCHEDULED, OPERATED, IN_FOLLOW_UP, CLOSED;

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<EpisodeStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }

    /** The statuses this one may move to. */
    public Set<EpisodeStatus> next() {
        return switch (this) {
            case REFERRED -> EnumSet.of(IN_WORKUP, CLOSED);
            case IN_WORKUP -> EnumSet.of(DECIDED, CLOSED);
            case DECIDED -> EnumSet.of(SCHEDULED, IN_WORKUP, CLOSED);
            case SCHEDULED -> EnumSet.of(OPERATED, CLOSED);
            case OPERATED -> EnumSet.of(IN_FOLLOW_UP, CLOSED);
            case IN_FOLLOW_UP -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(EpisodeStatus.class);
        };
    }
}
