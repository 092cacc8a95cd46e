package org.ilium.outcomes.domain;

import java.util.Optional;

/**
 * A proportion (a responder share) with its 95 % Wilson score interval (Wilson 1927; Newcombe 1998, method 3):
 * the bounds are (2np + z^2 -/+ z sqrt(z^2 + 4np(1 - p))) / (2(n + z^2)), no continuity correction. Unlike the
 * simple p +/- z sqrt(p(1-p)/n) it stays within 0..1 and does not collapse to a point at 0/n or n/n.
 */
public record ProportionEstimate(int successes, int n, double proportion, ConfidenceInterval interval) {
    public ProportionEstimate {
        check(successes, n);
    }

    /** The share of {@code successes} among {@code n}, empty when n = 0. */
    public static Optional<ProportionEstimate> wilson(int successes, int n) {
        check(successes, Math.max(n, 0));
        if (n == 0) {
            return Optional.empty();
        }
        double p = (double) successes / n;
        double[] b = wilsonBounds(successes, n);
        return Optional.of(new ProportionEstimate(successes, n, p, new ConfidenceInterval(b[0], b[1])));
    }

    static double[] wilsonBounds(int successes, int n) {
        double z = ConfidenceInterval.Z;
        double p = (double) successes / n;
        double z2 = z * z;
        double centre = 2 * n * p + z2;
        double spread = z * Math.sqrt(z2 + 4 * n * p * (1 - p));
        double denominator = 2 * (n + z2);
        double lower = successes == 0 ? 0 : (centre - spread) / denominator;
        double upper = successes == n ? 1 : (centre + spread) / denominator;
        return new double[] {lower, upper};
    }

    private static void check(int successes, int n) {
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("Need 0 <= successes <= n, got " + successes + "/" + n);
        }
    }
}
