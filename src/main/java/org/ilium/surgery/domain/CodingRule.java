package org.ilium.surgery.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ilium.workup.domain.Codes;
import org.ilium.workup.domain.SurgicalApproach;

/**
 * When a CPT code fits an operation: its valid dates, the approaches it covers and whether it needs a
 * transfixing device (true), forbids one (false) or does not care (null).
 */
public record CodingRule(String cpt, LocalDate validFrom, LocalDate validTo, Set<SurgicalApproach> approaches,
        Boolean transfixing, String citation) {

    public CodingRule {
        approaches = Set.copyOf(approaches);
    }

    /** The reasons the code does not fit the operation; empty when it does. */
    public List<String> contradictions(LocalDate date, SurgicalApproach approach, boolean transfixingDevice) {
        List<String> out = new ArrayList<>();
        if (date.isBefore(validFrom) || validTo != null && date.isAfter(validTo)) {
            out.add(cpt + " is valid from " + validFrom + (validTo == null ? "" : " to " + validTo) + ", not on " + date);
        }
        if (approach != null && !approaches.contains(approach)) {
            out.add(cpt + " applies to the approach " + approaches.stream().map(Codes::of).sorted().collect(Collectors.joining(" or "))
                    + ", not " + Codes.of(approach));
        }
        if (Boolean.TRUE.equals(transfixing) && !transfixingDevice) {
            out.add(cpt + " needs a transfixing device that crosses the joint through the cortices; no implant is transfixing");
        }
        if (Boolean.FALSE.equals(transfixing) && transfixingDevice) {
            out.add(cpt + " is for intra-articular devices without transfixation; an implant is transfixing");
        }
        return out;
    }

    /** Checks a code against every rule: the contradictions, or one saying the code is unknown. */
    public static List<String> check(List<CodingRule> rules, String cpt, LocalDate date, SurgicalApproach approach,
            boolean transfixingDevice) {
        Optional<CodingRule> rule = rules.stream().filter(r -> r.cpt().equals(cpt)).findFirst();
        if (rule.isEmpty()) {
            return List.of("is not a CPT code of SI joint fusion; known: "
                    + rules.stream().map(CodingRule::cpt).collect(Collectors.joining(", ")));
        }
        return rule.get().contradictions(date, approach, transfixingDevice);
    }
}
