package org.ilium.outcomes.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The outcome report of a site's cohort: "does it really work, here?" The JSON report, the HTML/PDF document and the
 * headline all show this one model (docs/outcomes-report.md describes every field).
 *
 * @param asOf the report date: eligibility, censoring and "not yet due" are judged on it
 * @param patientsOperated distinct patients with an operated episode in the cohort
 * @param episodesOperated operated episodes in the cohort (a patient operated on both sides in two episodes counts twice)
 * @param firstSurgery earliest index operation in the cohort, null when empty
 * @param lastSurgery latest index operation in the cohort, null when empty
 * @param thresholds the responder thresholds used, with their citation
 * @param timepoints one per protocol timepoint, baseline first
 */
public record OutcomeReport(String siteCode, String siteName, CohortFilter filter, LocalDate asOf, String protocolId,
        int patientsOperated, int episodesOperated, LocalDate firstSurgery, LocalDate lastSurgery, OutcomeThresholds thresholds,
        List<TimepointOutcome> timepoints, ComplicationSummary complications, RevisionFreeSurvival revisionFreeSurvival,
        SubgroupTable subgroups, List<BenchmarkComparison> benchmarks, Headline headline) {
    public OutcomeReport {
        Objects.requireNonNull(filter, "filter");
        timepoints = List.copyOf(timepoints);
        benchmarks = List.copyOf(benchmarks);
    }

    /** The timepoint with this id, or null. */
    public TimepointOutcome timepoint(String id) {
        return timepoints.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }
}
