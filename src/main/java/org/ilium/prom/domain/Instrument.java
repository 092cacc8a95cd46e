package org.ilium.prom.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ilium.shared.FieldError;
import org.ilium.shared.InvalidInputException;
import org.ilium.workup.domain.OdiScoring;

/**
 * A questionnaire (patient-reported outcome measure): its items with their allowed values and its scoring rule.
 * {@link #score(Map)} checks answers and scores them; every API and service that takes answers goes through it.
 *
 * @param flags derived flags of a single choice item: flag name to the choice codes that make it true
 */
public record Instrument(String id, String version, String name, String licence, Citation citation, ScoringRule scoring,
        List<Item> items, Map<String, Set<String>> flags) {

    public Instrument {
        items = List.copyOf(items);
        flags = flags == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(flags));
    }

    /** True when items may be left blank (ODI sections); otherwise every item must be answered. */
    public boolean allowsBlanks() {
        return scoring == ScoringRule.ODI;
    }

    /**
     * Checks and scores answers (item id to value; a whole number for range items, a code for choice items; null or
     * absent is a blank). Every problem is reported at once as {@code answers.<item>}: unknown items, values out of
     * range, blanks where the instrument requires an answer, and (ODI) no section answered at all.
     *
     * @throws InvalidInputException naming each bad item
     */
    public Score score(Map<String, ?> answers) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, ?> given = answers == null ? Map.of() : answers;
        for (String key : given.keySet()) {
            if (items.stream().noneMatch(i -> i.id().equals(key))) {
                errors.add(new FieldError("answers." + key, "is not an item of " + id + "; its items are "
                        + String.join(", ", items.stream().map(Item::id).toList())));
            }
        }
        Map<String, Object> clean = new LinkedHashMap<>();
        for (Item item : items) {
            Object value = given.get(item.id());
            String field = "answers." + item.id();
            if (value == null) {
                if (!allowsBlanks()) {
                    errors.add(new FieldError(field, "is required: " + item.allowed()));
                }
                continue;
            }
            if (item.isChoice()) {
                if (value instanceof String && item.choice((String) value).isPresent()) {
                    clean.put(item.id(), value);
                } else {
                    errors.add(new FieldError(field, "must be " + item.allowed()));
                }
            } else {
                Integer n = wholeNumber(value);
                if (n == null || n < item.min() || n > item.max()) {
                    errors.add(new FieldError(field, "must be " + item.allowed()));
                } else {
                    clean.put(item.id(), n);
                }
            }
        }
        if (errors.isEmpty() && clean.isEmpty()) {
            errors.add(new FieldError("answers", "must answer at least one item"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return scoring == ScoringRule.ODI ? odi(clean) : single(clean);
    }

    private Score odi(Map<String, Object> clean) {
        List<Integer> sections = new ArrayList<>();
        for (Item item : items) {
            sections.add((Integer) clean.get(item.id()));
        }
        Double raw = OdiScoring.score(sections);
        String band = OdiScoring.band(raw).name().toLowerCase(Locale.ROOT);
        return new Score(round(raw), OdiScoring.answered(sections), band, null, Map.of(), clean);
    }

    private Score single(Map<String, Object> clean) {
        Item item = items.get(0);
        Object value = clean.get(item.id());
        if (!item.isChoice()) {
            return new Score(((Integer) value).doubleValue(), 1, null, null, Map.of(), clean);
        }
        String code = (String) value;
        Map<String, Boolean> derived = new LinkedHashMap<>();
        flags.forEach((flag, codes) -> derived.put(flag, codes.contains(code)));
        return new Score((double) item.choice(code).orElseThrow().value(), 1, null, code, derived, clean);
    }

    private static Double round(Double d) {
        return d == null ? null : BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** A whole number as Java gets it from JSON or from a caller (Integer, Long, Short, BigInteger); else null. */
    private static Integer wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Long) {
            long l = (Long) value;
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (int) l : null;
        }
        if (value instanceof BigInteger) {
            BigInteger b = (BigInteger) value;
            return b.bitLength() < 32 ? b.intValue() : null;
        }
        return null;
    }
}
