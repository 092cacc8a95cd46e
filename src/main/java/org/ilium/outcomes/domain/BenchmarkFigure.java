package org.ilium.outcomes.domain;

import java.util.List;
import java.util.Objects;

/**
 * One published figure.
 *
 * @param timepoint one of {@link #TIMEPOINTS}, or null for a figure not tied to a follow-up time (operating time,
 *     an unstated time)
 * @param measure what is measured; {@link Measure#SHARE} is a percentage, {@link Measure#COUNT} a number of patients
 *     ({@code of} the denominator when given), {@link Measure#OTHER} a value in {@code unit}
 * @param arm the arm code when the study has arms, else null (the whole group)
 * @param label what a share, count or other figure is (e.g. "clinically important improvement, pain"); null for
 *     pain and ODI
 * @param convertedFromVasMm the published VAS value in millimetres when {@code value} is that divided by 10, else null
 */
public record BenchmarkFigure(String timepoint, Measure measure, String arm, double value, Integer of, String unit, String label,
        Double convertedFromVasMm, String note) {
    /** The named follow-up timepoints, in time order. */
    public static final List<String> TIMEPOINTS = List.of("baseline", "6w", "3m", "6m", "12m", "24m", "5y");

    /** What a figure measures. */
    public enum Measure {
        /** Mean pain 0-10. */
        PAIN,
        /** Mean change in pain from baseline, 0-10 scale (negative is better). */
        PAIN_CHANGE,
        /** Mean ODI 0-100. */
        ODI,
        /** Mean change in ODI from baseline (negative is better). */
        ODI_CHANGE,
        /** Mean change in EQ-5D time trade-off index (positive is better). */
        EQ5D_TTO_CHANGE,
        /** A percentage of patients (0-100). */
        SHARE,
        /** A number of patients. */
        COUNT,
        /** Any other figure, with its unit. */
        OTHER
    }

    public BenchmarkFigure {
        Objects.requireNonNull(measure, "measure");
        if (timepoint != null && !TIMEPOINTS.contains(timepoint)) {
            throw new IllegalArgumentException("Unknown timepoint " + timepoint);
        }
    }
}
