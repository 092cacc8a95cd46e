package org.ilium.outcomes.domain;

/**
 * The cohort at one follow-up timepoint of the protocol. Pain is the back (SI joint) pain NRS 0-10; changes are
 * follow-up minus baseline of the same episodes (negative is better). Shares are {@link ProportionEstimate}s (count,
 * n, proportion 0-1, Wilson 95 % interval). Any estimate is null when it has no patients.
 *
 * @param id protocol timepoint id: baseline, 2w, 6w, 3m, 6m, 12m, 24m, 5y
 * @param eligible episodes whose target date for this timepoint is on or before the report date
 * @param n episodes with at least one valid (not voided) response at this timepoint
 * @param responseRate eligible episodes that responded, among the eligible
 * @param painChange follow-up minus baseline pain, episodes with both (null at baseline)
 * @param clinicallyImportantPain episodes whose pain improvement reaches the threshold, among those with both scores
 * @param painFree pain NRS 1 or less, among those with a pain score
 * @param satisfied satisfied or very satisfied, among those who answered the satisfaction question
 * @param wouldRepeat would have the procedure again ("yes"), among those who answered
 * @param improved much or very much improved (PGIC), among those who answered
 */
public record TimepointOutcome(String id, String label, int eligible, int n, ProportionEstimate responseRate, MeanValue pain,
        MeanValue legPain, MeanValue odi, MeanValue painChange, MeanValue odiChange, ProportionEstimate clinicallyImportantPain,
        ProportionEstimate substantialBenefitPain, ProportionEstimate clinicallyImportantOdi, ProportionEstimate substantialBenefitOdi,
        ProportionEstimate painFree, ProportionEstimate satisfied, ProportionEstimate wouldRepeat, ProportionEstimate improved) {
}
