package org.ilium.workup.domain;

import java.time.LocalDate;

/**
 * The operation the surgeon plans, as far as coverage needs it: CPT code, approach and device
 * properties (a transfixing device crosses the joint through the cortices), and whether both sides
 * would be fused the same day.
 */
public record PlannedProcedure(String id, LocalDate date, String recordedBy, String source, String cpt,
        SurgicalApproach approach, String device, Boolean transfixingDevice, Boolean fdaClearedDevice,
        Boolean bilateralSameDay, LocalDate plannedDate) implements WorkupItem {
}
