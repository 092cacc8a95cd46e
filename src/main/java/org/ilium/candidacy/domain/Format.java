package org.ilium.candidacy.domain;

import java.util.Collection;
import java.util.Locale;

/** Small, fast text helpers for explanations (no String.format or regular expressions on the hot path). */
final class Format {
    private Format() {
    }

    /** 6 -> "6", 87.5 -> "87.5", 33.3333 -> "33.33". */
    static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        double rounded = Math.round(d * 100.0) / 100.0;
        if (rounded == Math.rint(rounded)) {
            // 74.999 must not read as 75
            return Double.toString(Math.round(d * 1000.0) / 1000.0);
        }
        return Double.toString(rounded);
    }

    /** THIGH_THRUST -> "thigh thrust". */
    static String words(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** THIGH_THRUST -> "thigh_thrust": the code used in content files. */
    static String code(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static String codes(Collection<? extends Enum<?>> values) {
        StringBuilder out = new StringBuilder();
        for (Enum<?> e : values) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(code(e));
        }
        return out.toString();
    }

    /** "a", "a or b", "a, b or c" in words. */
    static String orList(Collection<? extends Enum<?>> values) {
        return joinWords(values, " or ");
    }

    static String andList(Collection<? extends Enum<?>> values) {
        return joinWords(values, " and ");
    }

    private static String joinWords(Collection<? extends Enum<?>> values, String last) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = values.size();
        for (Enum<?> e : values) {
            if (i > 0) {
                out.append(i == n - 1 ? last : ", ");
            }
            out.append(words(e));
            i++;
        }
        return out.toString();
    }

    static String side(org.ilium.patient.domain.Side side) {
        return side.name().toLowerCase(Locale.ROOT);
    }
}
