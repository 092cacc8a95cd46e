package org.ilium.outcomes.domain;

import java.util.Optional;

/**
 * The difference of two independent means, first minus second, with a 95 % interval by Welch's t (unequal
 * variances): d +/- t(0.975, df) x se, se = sqrt(s1^2/n1 + s2^2/n2), df by the Welch-Satterthwaite formula
 * se^4 / ((s1^2/n1)^2/(n1 - 1) + (s2^2/n2)^2/(n2 - 1)). For subgroup comparisons such as smokers vs non-smokers.
 */
public record MeanDifference(double difference, double standardError, double degreesOfFreedom, ConfidenceInterval interval) {
    /** Empty when either group has fewer than two values, or both have no spread at all. */
    public static Optional<MeanDifference> welch(MeanEstimate first, MeanEstimate second) {
        if (first.n() < 2 || second.n() < 2) {
            return Optional.empty();
        }
        double v1 = square(first.standardDeviation().getAsDouble()) / first.n();
        double v2 = square(second.standardDeviation().getAsDouble()) / second.n();
        double d = first.mean() - second.mean();
        if (v1 + v2 == 0) {
            return Optional.empty();
        }
        double se = Math.sqrt(v1 + v2);
        double df = square(v1 + v2) / (square(v1) / (first.n() - 1) + square(v2) / (second.n() - 1));
        double half = MeanEstimate.tQuantile(df) * se;
        return Optional.of(new MeanDifference(d, se, df, new ConfidenceInterval(d - half, d + half)));
    }

    /** Welch's interval from the raw values of the two groups; empty when either has fewer than two. */
    public static Optional<MeanDifference> welch(double[] first, double[] second) {
        Optional<MeanEstimate> a = MeanEstimate.of(first);
        Optional<MeanEstimate> b = MeanEstimate.of(second);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return welch(a.get(), b.get());
    }

    private static double square(double x) {
        return x * x;
    }
}
