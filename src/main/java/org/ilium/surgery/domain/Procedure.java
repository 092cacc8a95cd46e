package org.ilium.surgery.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ilium.workup.domain.SurgicalApproach;

/**
 * One operation of an episode as the operative note records it. A revision ({@code revision} true)
 * carries its reason and, optionally, the complication that led to it.
 *
 * @param steps the surgical steps done, codes of the approach's checklist (content/procedures)
 */
public record Procedure(LocalDate date, String surgeon, ProcedureSide side, SurgicalApproach approach, List<Implant> implants,
        Anaesthesia anaesthesia, Integer operativeMinutes, Integer bloodLossMl, Integer lengthOfStayDays,
        SiteOfService siteOfService, List<String> steps, String cpt, boolean revision, String revisionReason,
        UUID complicationId, String notes) {
    public Procedure {
        implants = implants == null ? List.of() : List.copyOf(implants);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** Whether any implant transfixes the joint. */
    public boolean transfixing() {
        return implants.stream().anyMatch(Implant::transfixing);
    }
}
