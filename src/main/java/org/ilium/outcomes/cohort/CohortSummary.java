package org.ilium.outcomes.cohort;

/**
 * What one run of {@link SyntheticCohort#generate} stored: patients (each with one episode), episodes
 * operated on, questionnaire responses, and the wall-clock seconds it took.
 */
public record CohortSummary(int patients, int operated, long responses, double seconds) {
    public double patientsPerSecond() {
        return seconds <= 0 ? 0 : patients / seconds;
    }
}
