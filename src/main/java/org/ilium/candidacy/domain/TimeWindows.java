package org.ilium.candidacy.domain;

import java.time.LocalDate;

/**
 * The exact meaning of the time phrases in coverage policies. Months are calendar months as
 * {@code java.time} counts them: adding a month to 31 August gives 30 September, and 2025-08-31 plus
 * 6 months is 2026-02-28. Both ends of every window are included.
 */
public final class TimeWindows {
    private TimeWindows() {
    }

    /** "N months or more" from {@code a} to {@code b}: a + N months is not after b. */
    public static boolean atLeastMonths(LocalDate a, LocalDate b, int months) {
        return !a.plusMonths(months).isAfter(b);
    }

    /** "Within N months" of the evaluation date d: d - N months <= date <= d. */
    public static boolean withinMonths(LocalDate date, LocalDate d, int months) {
        return !date.isBefore(d.minusMonths(months)) && !date.isAfter(d);
    }

    /** "Within N days" of the evaluation date d: d - N days <= date <= d. */
    public static boolean withinDays(LocalDate date, LocalDate d, int days) {
        return !date.isBefore(d.minusDays(days)) && !date.isAfter(d);
    }

    /**
     * First day of the rolling window of {@code months} that ends on {@code x}: for 12 months the window of a
     * session on x is [x - 12 months + 1 day, x].
     */
    public static LocalDate rollingStart(LocalDate x, int months) {
        return x.minusMonths(months).plusDays(1);
    }

    /** Whole calendar months from a to b (0 when b is before a). */
    public static long monthsBetween(LocalDate a, LocalDate b) {
        return b.isBefore(a) ? 0 : java.time.temporal.ChronoUnit.MONTHS.between(a, b);
    }
}
