package org.ilium.outcomes.domain;

import java.util.Optional;

/**
 * The difference of two independent proportions, first minus second, with Newcombe's hybrid score interval
 * (Newcombe 1998, method 10): with Wilson intervals (l1, u1) and (l2, u2) of the two proportions,
 * lower = d - sqrt((p1 - l1)^2 + (u2 - p2)^2), upper = d + sqrt((u1 - p1)^2 + (p2 - l2)^2).
 */
public record ProportionDifference(ProportionEstimate first, ProportionEstimate second, double difference,
        ConfidenceInterval interval) {
    /** Empty when either group is empty. */
    public static Optional<ProportionDifference> newcombe(int successes1, int n1, int successes2, int n2) {
        Optional<ProportionEstimate> a = ProportionEstimate.wilson(successes1, n1);
        Optional<ProportionEstimate> b = ProportionEstimate.wilson(successes2, n2);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(of(a.get(), b.get()));
    }

    public static ProportionDifference of(ProportionEstimate first, ProportionEstimate second) {
        double p1 = first.proportion();
        double p2 = second.proportion();
        double l1 = first.interval().lower();
        double u1 = first.interval().upper();
        double l2 = second.interval().lower();
        double u2 = second.interval().upper();
        double d = p1 - p2;
        double lower = d - Math.sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2));
        double upper = d + Math.sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2));
        return new ProportionDifference(first, second, d, new ConfidenceInterval(lower, upper));
    }
}
