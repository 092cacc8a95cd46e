package org.ilium.followup;

import java.util.UUID;
import org.ilium.followup.domain.Schedule;

/** An episode's follow-up: its schedule (protocol, surgery date, completions) and the version of the enrolment. */
public record FollowUp(UUID episodeId, int version, Schedule schedule) {
}
