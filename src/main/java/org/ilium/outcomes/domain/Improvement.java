package org.ilium.outcomes.domain;

/**
 * How one patient's score moved from baseline to a follow-up: the improvement (baseline minus follow-up, positive
 * is better, on the thresholds' scale) and whether it reaches a clinically important improvement and a substantial
 * clinical benefit. The two are judged separately: a low final pain can be a substantial benefit without a large change.
 */
public record Improvement(double improvement, boolean clinicallyImportant, boolean substantialBenefit) {
    /** Scores have at most a few decimals; this absorbs binary rounding (62 - 43.2 is 18.799999999999997). */
    static final double TOLERANCE = 1e-9;

    static boolean atLeast(double value, double threshold) {
        return value >= threshold - TOLERANCE;
    }
}
