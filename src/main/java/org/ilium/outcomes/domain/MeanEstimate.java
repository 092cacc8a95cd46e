package org.ilium.outcomes.domain;

import java.util.Collection;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A sample mean with its 95 % confidence interval by Student's t: mean +/- t(0.975, n - 1) x sd / sqrt(n), sd the
 * sample standard deviation (divisor n - 1). With one value there is a mean but no standard deviation and no interval;
 * with none there is no estimate at all ({@link #of} answers empty).
 */
public record MeanEstimate(int n, double mean, OptionalDouble standardDeviation, Optional<ConfidenceInterval> interval) {
    public MeanEstimate {
        if (n < 1) {
            throw new IllegalArgumentException("A mean needs at least one value");
        }
    }

    /** The mean of the values, empty when there are none. NaN or infinite values are refused. */
    public static Optional<MeanEstimate> of(double... values) {
        if (values.length == 0) {
            return Optional.empty();
        }
        double sum = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("Not a finite value: " + v);
            }
            sum += v;
        }
        double mean = sum / values.length;
        if (values.length == 1) {
            return Optional.of(new MeanEstimate(1, mean, OptionalDouble.empty(), Optional.empty()));
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Optional.of(fromSummary(values.length, mean, Math.sqrt(squares / (values.length - 1))));
    }

    /** Like {@link #of(double...)} for a collection (no nulls). */
    public static Optional<MeanEstimate> of(Collection<? extends Number> values) {
        return of(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /** From summary figures: n >= 2, the mean and the sample standard deviation. */
    public static MeanEstimate fromSummary(int n, double mean, double standardDeviation) {
        if (n < 2) {
            throw new IllegalArgumentException("An interval needs n >= 2, got " + n);
        }
        if (!Double.isFinite(mean) || !(standardDeviation >= 0) || Double.isInfinite(standardDeviation)) {
            throw new IllegalArgumentException("Mean and standard deviation must be finite, sd >= 0");
        }
        double halfWidth = tQuantile(n - 1) * standardDeviation / Math.sqrt(n);
        return new MeanEstimate(n, mean, OptionalDouble.of(standardDeviation),
                Optional.of(new ConfidenceInterval(mean - halfWidth, mean + halfWidth)));
    }

    /** Standard error sd / sqrt(n), empty for n = 1. */
    public OptionalDouble standardError() {
        return standardDeviation.isPresent() ? OptionalDouble.of(standardDeviation.getAsDouble() / Math.sqrt(n)) : OptionalDouble.empty();
    }

    /** The 0.975 quantile of Student's t with the given degrees of freedom (may be fractional, as in Welch's test). */
    static double tQuantile(double degreesOfFreedom) {
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(1 - (1 - ConfidenceInterval.LEVEL) / 2);
    }
}
