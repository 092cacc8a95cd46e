package org.ilium.patient.domain;

import java.util.Set;
import java.util.stream.Collectors;
import org.ilium.shared.ConflictException;

/** A move the episode's current status does not allow. */
public class IllegalTransitionException extends ConflictException {
    public IllegalTransitionException(EpisodeStatus from, EpisodeStatus to, String why, Set<EpisodeStatus> allowed) {
        super("An episode that is " + from.code() + " cannot move to " + to.code() + ": " + why
                + (allowed.isEmpty() ? "; it is closed" : ". Allowed next: "
                        + allowed.stream().map(EpisodeStatus::code).collect(Collectors.joining(", "))));
    }
}
