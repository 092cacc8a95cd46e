package org.ilium.followup;

import org.ilium.surgery.ProcedureRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The follow-up schedule starts with the index operation: when surgery records it (or corrects its
 * date, which moves the schedule), the episode is enrolled on the default protocol from that date, in
 * the same transaction, so there is never an operated episode without a schedule. Revisions do not move
 * the schedule. The episode's status stays {@code operated}; moving it to {@code in_follow_up} is the
 * clinician's step.
 */
@Component
class SurgeryHandOff {
    private final FollowUpService followUp;

    SurgeryHandOff(FollowUpService followUp) {
        this.followUp = followUp;
    }

    @EventListener
    void onProcedure(ProcedureRecorded recorded) {
        if (!recorded.revision()) {
            followUp.enrol(recorded.episodeId(), recorded.date());
        }
    }
}
