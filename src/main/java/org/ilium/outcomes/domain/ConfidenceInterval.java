package org.ilium.outcomes.domain;

/** A two-sided 95 % confidence interval, {@code lower <= upper}. */
public record ConfidenceInterval(double lower, double upper) {
    /** The two-sided level every interval of this package uses. */
    public static final double LEVEL = 0.95;
    /** The standard normal quantile for a two-sided 95 % interval (1.959964...). */
    public static final double Z = 1.959963984540054;

    public ConfidenceInterval {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("An interval needs lower <= upper, got " + lower + " to " + upper);
        }
    }

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
