package org.ilium.outcomes.domain;

import java.util.Optional;

/**
 * A mean as a report shows it: n, the mean, the sample standard deviation and the 95 % t interval; the last two are
 * null when n = 1. A report field holding a MeanValue is null when there is no value at all (n = 0).
 */
public record MeanValue(int n, double mean, Double standardDeviation, ConfidenceInterval ci95) {
    public static MeanValue of(MeanEstimate e) {
        return new MeanValue(e.n(), e.mean(), e.standardDeviation().isPresent() ? e.standardDeviation().getAsDouble() : null,
                e.interval().orElse(null));
    }

    /** The mean of the values, null when there are none. */
    public static MeanValue of(double[] values) {
        Optional<MeanEstimate> e = MeanEstimate.of(values);
        return e.map(MeanValue::of).orElse(null);
    }
}
