package org.ilium.patient.domain;

import java.util.stream.Collectors;
import org.ilium.shared.ConflictException;

/** A move the episode's current status does not allow. */
public class IllegalTransitionException extends ConflictException {
    public IllegalTransitionException(EpisodeStatus from, EpisodeStatus to, String why) {
        super("An episode that is " + from.code() + " cannot move to " + to.code() + ": " + why
                + (from.next().isEmpty() ? "" : ". Allowed next: "
                        + from.next().stream().map(EpisodeStatus::code).collect(Collectors.joining(", "))));
    }
}
