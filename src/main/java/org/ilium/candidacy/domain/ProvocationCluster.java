package org.ilium.candidacy.domain;

import java.util.List;

/**
 * The provocation test cluster on the episode's side, with the published accuracy of its rule
 * (Laslett 2005: 3 or more of 6 positive). {@code positive} is null when too few tests were done to say.
 */
public record ProvocationCluster(int performed, int positiveCount, Boolean positive, String interpretation,
        Double sensitivity, Double specificity, Double positiveLikelihoodRatio, Double negativeLikelihoodRatio,
        List<Evidence> tests, Citation citation) {
}
