package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ilium.patient.domain.Side;
import org.ilium.workup.domain.ProvocationTest;
import org.ilium.workup.domain.ProvocationTestType;

/**
 * At least {@code minPositive} distinct provocation tests positive on the episode's side, counting the
 * latest result of each test type (optionally only tests within {@code withinMonths}). A test recorded on
 * both sides counts for either. For a bilateral episode each side must reach the count on its own.
 * {@code tests} limits which types count (default: the six of Laslett 2005); tests in
 * {@code disregardInPregnancy} (NASS: thigh thrust) are ignored while the latest pregnancy record says
 * present.
 *
 * <p>MET when enough are positive; NOT_MET when even the tests not yet done could not bring the count to
 * the minimum; otherwise UNKNOWN (perform the remaining tests).
 */
public final class ProvocationTestsCriterion extends Criterion {
    private static final ProvocationTestType[] TYPES = ProvocationTestType.values();

    private final int minPositive;
    private final Set<ProvocationTestType> tests;
    private final Integer withinMonths;
    private final Set<ProvocationTestType> disregardInPregnancy;
    private final boolean[] counted = new boolean[TYPES.length];
    private final boolean[] countedInPregnancy = new boolean[TYPES.length];

    public ProvocationTestsCriterion(Info info, int minPositive, Set<ProvocationTestType> tests, Integer withinMonths,
            Set<ProvocationTestType> disregardInPregnancy) {
        super(CriterionKind.PROVOCATION_TESTS, info, thresholds(minPositive, tests, withinMonths, disregardInPregnancy));
        Set<ProvocationTestType> all = tests.isEmpty() ? EnumSet.allOf(ProvocationTestType.class) : EnumSet.copyOf(tests);
        if (minPositive < 1 || minPositive > all.size()) {
            throw new CriterionDefinitionException("minPositive", "must be between 1 and the number of tests counted ("
                    + all.size() + "), not " + minPositive);
        }
        this.minPositive = minPositive;
        this.tests = Collections.unmodifiableSet(all);
        this.withinMonths = withinMonths;
        this.disregardInPregnancy = disregardInPregnancy.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(disregardInPregnancy));
        for (ProvocationTestType t : all) {
            counted[t.ordinal()] = true;
            countedInPregnancy[t.ordinal()] = !this.disregardInPregnancy.contains(t);
        }
    }

    private static Map<String, String> thresholds(int min, Set<ProvocationTestType> tests, Integer within,
            Set<ProvocationTestType> disregard) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("minPositive", Integer.toString(min));
        t.put("tests", tests.isEmpty() ? "all six" : Format.codes(EnumSet.copyOf(tests)));
        if (within != null) {
            t.put("withinMonths", within.toString());
        }
        if (!disregard.isEmpty()) {
            t.put("disregardInPregnancy", Format.codes(EnumSet.copyOf(disregard)));
        }
        return t;
    }

    public int minPositive() {
        return minPositive;
    }

    public Set<ProvocationTestType> tests() {
        return tests;
    }

    public Integer withinMonths() {
        return withinMonths;
    }

    public Set<ProvocationTestType> disregardInPregnancy() {
        return disregardInPregnancy;
    }

    @Override
    Check check(CaseView view, LocalDate date) {
        boolean pregnant = !disregardInPregnancy.isEmpty() && view.pregnant();
        boolean[] use = pregnant ? countedInPregnancy : counted;
        int usable = 0;
        for (boolean u : use) {
            usable += u ? 1 : 0;
        }
        List<Side> sides = view.sides();
        CriterionStatus status = CriterionStatus.MET;
        List<Evidence> evidence = new ArrayList<>(8);
        StringBuilder text = new StringBuilder(160);
        LocalDate from = withinMonths == null ? null : date.minusMonths(withinMonths);
        for (Side side : sides) {
            ProvocationTest[] latest = new ProvocationTest[TYPES.length];
            for (ProvocationTest t : view.provocationTests()) {
                if (t.test() != null && use[t.test().ordinal()] && CaseView.covers(t.side(), side)
                        && (from == null || !t.date().isBefore(from))) {
                    latest[t.test().ordinal()] = t;
                }
            }
            int performed = 0;
            int positive = 0;
            StringBuilder names = new StringBuilder();
            for (ProvocationTest t : latest) {
                if (t == null) {
                    continue;
                }
                performed++;
                evidence.add(Evidence.of(t, Format.words(t.test()) + " test, " + Format.side(side), t.positive() ? "positive" : "negative"));
                if (t.positive()) {
                    positive++;
                    if (names.length() > 0) {
                        names.append(", ");
                    }
                    names.append(Format.words(t.test()));
                }
            }
            CriterionStatus sideStatus = positive >= minPositive ? CriterionStatus.MET
                    : positive + (usable - performed) < minPositive ? CriterionStatus.NOT_MET : CriterionStatus.UNKNOWN;
            status = Check.worst(status, sideStatus);
            if (text.length() > 0) {
                text.append(' ');
            }
            if (sides.size() > 1) {
                text.append(side == Side.LEFT ? "Left: " : "Right: ");
            }
            text.append(positive).append(" of ").append(performed).append(performed == 1 ? " test" : " tests")
                    .append(" performed positive");
            if (positive > 0) {
                text.append(" (").append(names).append(')');
            }
            if (performed < usable) {
                text.append(", ").append(usable - performed).append(" not done");
            }
            text.append('.');
        }
        text.append(" At least ").append(minPositive).append(" of ").append(usable).append(" required");
        if (pregnant) {
            text.append("; ");
            boolean first = true;
            for (ProvocationTestType t : disregardInPregnancy) {
                text.append(first ? "" : ", ").append(Format.words(t));
                first = false;
            }
            text.append(" disregarded in pregnancy");
        }
        text.append('.');
        return new Check(status, text.toString(), evidence);
    }
}
