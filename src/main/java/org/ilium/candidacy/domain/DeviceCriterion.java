package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ilium.workup.domain.PlannedProcedure;

/**
 * The latest planned procedure fits the policy: its CPT code is among {@code allowedCpt} (any when not
 * given), its device is transfixing when {@code requireTransfixing} (the 2025 Medicare final LCDs: a
 * non-transfixing MIS device is not reasonable and necessary) and FDA-cleared when
 * {@code requireFdaCleared}. A property not recorded: UNKNOWN.
 */
public final class DeviceCriterion extends Criterion {
    private final Set<String> allowedCpt;
    private final boolean requireTransfixing;
    private final boolean requireFdaCleared;

    public DeviceCriterion(Info info, Set<String> allowedCpt, boolean requireTransfixing, boolean requireFdaCleared) {
        super(CriterionKind.DEVICE, info, thresholds(allowedCpt, requireTransfixing, requireFdaCleared));
        if (allowedCpt.isEmpty() && !requireTransfixing && !requireFdaCleared) {
            throw new CriterionDefinitionException(null, "requires nothing: give allowedCpt, requireTransfixing or requireFdaCleared");
        }
        this.allowedCpt = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(allowedCpt));
        this.requireTransfixing = requireTransfixing;
        this.requireFdaCleared = requireFdaCleared;
    }

    private static Map<String, String> thresholds(Set<String> cpt, boolean transfixing, boolean fda) {
        Map<String, String> t = new LinkedHashMap<>();
        if (!cpt.isEmpty()) {
            t.put("allowedCpt", String.join(", ", cpt));
        }
        t.put("requireTransfixing", Boolean.toString(transfixing));
        t.put("requireFdaCleared", Boolean.toString(fda));
        return t;
    }

    public Set<String> allowedCpt() {
        return allowedCpt;
    }

    public boolean requireTransfixing() {
        return requireTransfixing;
    }

    public boolean requireFdaCleared() {
        return requireFdaCleared;
    }

    @Override
    Check check(CaseView view, LocalDate date) {
        PlannedProcedure p = view.plannedProcedure();
        if (p == null) {
            return Check.unknown("No procedure is planned yet.", none());
        }
        List<Evidence> evidence = new ArrayList<>(3);
        StringBuilder no = new StringBuilder();
        StringBuilder unknown = new StringBuilder();
        if (!allowedCpt.isEmpty()) {
            evidence.add(Evidence.of(p, "planned CPT code", p.cpt()));
            if (p.cpt() == null) {
                add(unknown, "the CPT code");
            } else if (!allowedCpt.contains(p.cpt())) {
                add(no, "CPT " + p.cpt() + " is not among " + String.join(", ", allowedCpt));
            }
        }
        if (requireTransfixing) {
            evidence.add(Evidence.of(p, "transfixing device", yesNo(p.transfixingDevice())));
            if (p.transfixingDevice() == null) {
                add(unknown, "whether the device is transfixing");
            } else if (!p.transfixingDevice()) {
                add(no, "the device is not transfixing");
            }
        }
        if (requireFdaCleared) {
            evidence.add(Evidence.of(p, "FDA-cleared device", yesNo(p.fdaClearedDevice())));
            if (p.fdaClearedDevice() == null) {
                add(unknown, "whether the device is FDA-cleared");
            } else if (!p.fdaClearedDevice()) {
                add(no, "the device is not FDA-cleared");
            }
        }
        String what = "Planned " + (p.cpt() == null ? "procedure" : "CPT " + p.cpt()) + (p.device() == null ? "" : " (" + p.device() + ")");
        if (no.length() > 0) {
            return Check.notMet(what + ": " + no + '.', evidence);
        }
        if (unknown.length() > 0) {
            return Check.unknown(what + ": not recorded " + unknown + '.', evidence);
        }
        return Check.met(what + " fits the policy.", evidence);
    }

    private static void add(StringBuilder out, String s) {
        out.append(out.length() > 0 ? "; " : "").append(s);
    }

    private static String yesNo(Boolean b) {
        return b == null ? "not recorded" : b ? "yes" : "no";
    }
}
