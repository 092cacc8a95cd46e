package org.ilium.followup.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A calendar distance from a date: years, months, weeks and days, each non-negative.
 *
 * <p>The calendar rule of every schedule: an offset is always applied to the surgery date itself, never
 * to another timepoint (no drift), years and months first and then weeks and days. Adding months keeps
 * the day of the month and, where that day does not exist, takes the last day of the month
 * ({@link LocalDate#plusMonths}): 2024-01-31 + 1 month = 2024-02-29, 2024-02-29 + 12 months = 2025-02-28,
 * 2024-02-29 + 5 years = 2029-02-28, 2023-01-31 + 1 month = 2023-02-28. Subtracting (window openings)
 * clamps the same way: 2024-03-31 - 1 month = 2024-02-29.
 */
public record Offset(int years, int months, int weeks, int days) {
    public static final Offset ZERO = new Offset(0, 0, 0, 0);

    public Offset {
        if (years < 0 || months < 0 || weeks < 0 || days < 0) {
            throw new IllegalArgumentException("offsets are non-negative; the direction is given by the caller");
        }
    }

    public static Offset days(int n) {
        return new Offset(0, 0, 0, n);
    }

    public static Offset weeks(int n) {
        return new Offset(0, 0, n, 0);
    }

    public static Offset months(int n) {
        return new Offset(0, n, 0, 0);
    }

    public static Offset years(int n) {
        return new Offset(n, 0, 0, 0);
    }

    /** Parses {@code 6w}, {@code 12m}, {@code 5y}, {@code 30d}, {@code 0}, or combinations such as {@code 1m2w}. */
    public static Offset parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.equals("0")) {
            return ZERO;
        }
        if (!text.matches("(\\d{1,3}y)?(\\d{1,3}m)?(\\d{1,3}w)?(\\d{1,4}d)?") || text.isEmpty()) {
            throw new IllegalArgumentException("must be a distance such as 30d, 2w, 3m, 5y or 1m2w (years, months, weeks, days in this order)");
        }
        int y = 0;
        int m = 0;
        int w = 0;
        int d = 0;
        int n = 0;
        for (char c : text.toCharArray()) {
            if (Character.isDigit(c)) {
                n = n * 10 + (c - '0');
            } else {
                switch (c) {
                    case 'y' -> y = n;
                    case 'm' -> m = n;
                    case 'w' -> w = n;
                    default -> d = n;
                }
                n = 0;
            }
        }
        return new Offset(y, m, w, d);
    }

    public LocalDate after(LocalDate date) {
        return date.plusYears(years).plusMonths(months).plusWeeks(weeks).plusDays(days);
    }

    public LocalDate before(LocalDate date) {
        return date.minusYears(years).minusMonths(months).minusWeeks(weeks).minusDays(days);
    }

    @Override
    public String toString() {
        if (equals(ZERO)) {
            return "0";
        }
        StringBuilder s = new StringBuilder();
        if (years > 0) {
            s.append(years).append('y');
        }
        if (months > 0) {
            s.append(months).append('m');
        }
        if (weeks > 0) {
            s.append(weeks).append('w');
        }
        if (days > 0) {
            s.append(days).append('d');
        }
        return s.toString();
    }
}
