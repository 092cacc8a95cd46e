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
import org.ilium.workup.domain.SijInjection;

/**
 * At least {@code minCount} diagnostic blocks on separate dates (two on one date count once), each with
 * relief of at least {@code minReliefPercent} %, done with an allowed {@code guidance} (any when not
 * given) and with contrast when {@code contrastRequired}, optionally within {@code withinMonths}; on the
 * episode's side (a bilateral injection counts for either side; a bilateral episode needs the count on
 * each side).
 *
 * <p>A block of acceptable technique with less relief is a negative test: NOT_MET unless enough other
 * blocks qualify. Blocks of another technique or with unknown relief do not count either way: if too few
 * qualify, UNKNOWN.
 */
public final class DiagnosticBlocksCriterion extends Criterion {
    private final int minCount;
    private final double minReliefPercent;
    private final Set<SijInjection.Guidance> guidance;
    private final boolean contrastRequired;
    private final Integer withinMonths;

    public DiagnosticBlocksCriterion(Info info, int minCount, double minReliefPercent, Set<SijInjection.Guidance> guidance,
            boolean contrastRequired, Integer withinMonths) {
        super(CriterionKind.DIAGNOSTIC_BLOCKS, info, thresholds(minCount, minReliefPercent, guidance, contrastRequired, withinMonths));
        if (minCount < 1) {
            throw new CriterionDefinitionException("minCount", "must be at least 1");
        }
        this.minCount = minCount;
        this.minReliefPercent = minReliefPercent;
        this.guidance = guidance.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(guidance));
        this.contrastRequired = contrastRequired;
        this.withinMonths = withinMonths;
    }

    private static Map<String, String> thresholds(int count, double relief, Set<SijInjection.Guidance> guidance, boolean contrast,
            Integer within) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("minCount", Integer.toString(count));
        t.put("minReliefPercent", Format.num(relief));
        t.put("guidance", guidance.isEmpty() ? "any" : Format.codes(EnumSet.copyOf(guidance)));
        t.put("contrastRequired", Boolean.toString(contrast));
        if (within != null) {
            t.put("withinMonths", within.toString());
        }
        return t;
    }

    public int minCount() {
        return minCount;
    }

    public double minReliefPercent() {
        return minReliefPercent;
    }

    public Set<SijInjection.Guidance> guidance() {
        return guidance;
    }

    public boolean contrastRequired() {
        return contrastRequired;
    }

    public Integer withinMonths() {
        return withinMonths;
    }

    @Override
    Check check(CaseView view, LocalDate date) {
        CriterionStatus status = CriterionStatus.MET;
        List<Evidence> evidence = new ArrayList<>(4);
        StringBuilder text = new StringBuilder(160);
        List<Side> sides = view.sides();
        String relief = Format.num(minReliefPercent);
        for (Side side : sides) {
            int qualifying = 0;
            LocalDate lastQualifying = null;
            int failed = 0;
            int other = 0;
            StringBuilder failures = new StringBuilder();
            StringBuilder passes = new StringBuilder();
            for (SijInjection i : view.injections()) {
                if (i.purpose() != SijInjection.Purpose.DIAGNOSTIC || !CaseView.covers(i.side(), side)
                        || withinMonths != null && !TimeWindows.withinMonths(i.date(), date, withinMonths)) {
                    continue;
                }
                Double r = i.reliefPercent();
                String technique = technique(i);
                String what = "diagnostic block, " + Format.side(side) + ", " + (i.guidance() == null ? "guidance not recorded"
                        : Format.words(i.guidance())) + (i.contrast() ? ", contrast" : "");
                if (technique != null) {
                    other++;
                    evidence.add(Evidence.of(i, what, (r == null ? "relief unknown" : Format.num(r) + " % relief")
                            + "; not counted: " + technique));
                } else if (r == null) {
                    other++;
                    evidence.add(Evidence.of(i, what, "relief unknown; not counted"));
                } else if (r >= minReliefPercent) {
                    // Blocks are sorted by date: a second qualifying block on the same date is the same occasion.
                    if (!i.date().equals(lastQualifying)) {
                        qualifying++;
                        lastQualifying = i.date();
                        passes.append(passes.length() > 0 ? ", " : "").append(i.date()).append(": ").append(Format.num(r)).append(" %");
                        evidence.add(Evidence.of(i, what, Format.num(r) + " % relief"));
                    } else {
                        evidence.add(Evidence.of(i, what, Format.num(r) + " % relief; same date as another block, counted once"));
                    }
                } else {
                    failed++;
                    evidence.add(Evidence.of(i, what, Format.num(r) + " % relief, below " + relief + " %"));
                    failures.append(failures.length() > 0 ? ", " : "").append(i.date()).append(": ").append(Format.num(r)).append(" %");
                }
            }
            CriterionStatus sideStatus = qualifying >= minCount ? CriterionStatus.MET
                    : failed > 0 ? CriterionStatus.NOT_MET : CriterionStatus.UNKNOWN;
            status = Check.worst(status, sideStatus);
            if (text.length() > 0) {
                text.append(' ');
            }
            if (sides.size() > 1) {
                text.append(side == Side.LEFT ? "Left: " : "Right: ");
            }
            text.append(qualifying).append(qualifying == 1 ? " qualifying block" : " qualifying blocks").append(" on separate dates");
            if (qualifying > 0) {
                text.append(" (").append(passes).append(')');
            }
            if (failed > 0) {
                text.append("; relief below ").append(relief).append(" % on ").append(failures);
            }
            if (other > 0) {
                text.append("; ").append(other).append(other == 1 ? " block" : " blocks").append(" not counted");
            }
            text.append('.');
        }
        text.append(" At least ").append(minCount).append(" required, each with at least ").append(relief).append(" % relief.");
        return new Check(status, text.toString(), evidence);
    }

    /** Why a block's technique does not count, or null when it does. */
    private String technique(SijInjection i) {
        if (!guidance.isEmpty() && (i.guidance() == null || !guidance.contains(i.guidance()))) {
            return i.guidance() == null ? "guidance not recorded" : Format.words(i.guidance()) + " guidance";
        }
        if (contrastRequired && !i.contrast()) {
            return "no contrast";
        }
        return null;
    }
}
