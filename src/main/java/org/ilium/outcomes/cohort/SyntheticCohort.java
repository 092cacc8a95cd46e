package org.ilium.outcomes.cohort;

import java.time.LocalDate;
import org.springframework.stereotype.Service;

/**
 * Generates a calibrated synthetic cohort into a site (docs/synthetic-cohort.md): complete pathways built
 * through the same domain rules as the API, stored in bulk. Same site, seed and date give the same cohort.
 * Runs as the current actor, who must act for the site named.
 */
@Service
public class SyntheticCohort {

    /**
     * Stores {@code patients} synthetic patients (MRNs {@code SYN-<seed>-<index>}) with their pathways up
     * to {@code today}; refuses (ConflictException) when the site already holds the cohort of this seed.
     */
    public CohortSummary generate(String siteCode, int patients, long seed, LocalDate today, ProgressListener progress) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
