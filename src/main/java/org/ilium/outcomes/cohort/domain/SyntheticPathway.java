package org.ilium.outcomes.cohort.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ilium.candidacy.domain.Determination;
import org.ilium.patient.domain.EpisodeOfCare;
import org.ilium.patient.domain.EpisodeTransition;
import org.ilium.patient.domain.PatientDetails;
import org.ilium.prom.domain.Instrument;
import org.ilium.prom.domain.Score;
import org.ilium.surgery.domain.Complication;
import org.ilium.surgery.domain.Procedure;
import org.ilium.workup.domain.WorkupItem;

/**
 * One synthetic patient with one episode, as the API would have stored it: the episode as it stands today with
 * every transition, the work-up records (ids are the record UUIDs), the determination the decision followed
 * (null while still in work-up), procedures and complications, the follow-up enrolment and completions, and
 * the questionnaire responses. {@link Traits} are the hidden causes, kept for calibration checks only.
 */
public record SyntheticPathway(int index, UUID patientId, PatientDetails patient, EpisodeOfCare episode, List<EpisodeTransition> transitions,
        List<WorkupItem> workup, Determination determination, LocalDate surgeryDate, List<StoredProcedure> procedures,
        List<StoredComplication> complications, List<Completion> completions, List<StoredResponse> responses, Traits traits) {

    public record StoredProcedure(UUID id, Procedure procedure) {
    }

    public record StoredComplication(UUID id, Complication complication) {
    }

    /** A completed follow-up timepoint; {@code source} is one of clinician, paper, phone, patient_link. */
    public record Completion(String timepointId, LocalDate on, String source) {
    }

    public record StoredResponse(UUID id, Instrument instrument, String timepointId, Score score, LocalDate collectedOn, String source) {
    }

    /**
     * @param smoker smoked when referred (current smokers who did not quit are not candidates)
     * @param relief share of the baseline pain gone at the plateau (12 months), before visit-to-visit noise
     * @param designedNonCandidate the work-up was drawn to fail one criterion of the clinic policy (named)
     */
    public record Traits(int ageAtDecision, boolean smoker, boolean opioids, boolean priorLumbarFusion, int symptomMonths,
            boolean responder, double relief, double baselinePain, double baselineOdi, String designedNonCandidate, LocalDate referredOn,
            LocalDate decidedOn, LocalDate revisedOn) {
    }

    public boolean operated() {
        return surgeryDate != null;
    }
}
