package org.ilium.candidacy.domain;

import java.util.List;
import java.util.Objects;

/**
 * The provocation test cluster rule and its published accuracy (Laslett 2005: 3 or more of the 6 tests
 * positive), as content. Interpretation texts may use {positive}, {performed}, {total}, {positiveAt},
 * {sensitivity}, {specificity}, {positiveLikelihoodRatio} and {negativeLikelihoodRatio}.
 */
public record ProvocationClusterRule(List<org.ilium.workup.domain.ProvocationTestType> tests, int positiveAt, double sensitivity,
        double specificity, double positiveLikelihoodRatio, double negativeLikelihoodRatio, String positiveText,
        String negativeText, String allNegativeText, String undeterminedText, Citation citation) {

    public ProvocationClusterRule {
        tests = List.copyOf(tests);
        Objects.requireNonNull(citation, "citation");
        if (positiveAt < 1 || positiveAt > tests.size()) {
            throw new IllegalArgumentException("positiveAt must be between 1 and " + tests.size());
        }
    }
}
