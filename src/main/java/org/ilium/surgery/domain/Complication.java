package org.ilium.surgery.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ilium.shared.FieldError;

/** One complication of an episode: a catalogue code, when it began, how bad it was, what caused it and how it ended. */
public record Complication(String code, LocalDate onsetDate, Reporter reportedBy, ClavienDindo grade, Relatedness deviceRelation,
        Relatedness procedureRelation, boolean serious, Resolution resolution, LocalDate resolutionDate, String notes) {

    /** The rules between fields: a resolution date exactly when resolved, not before onset; death is grade V. */
    public List<FieldError> problems() {
        List<FieldError> out = new ArrayList<>();
        if (resolution == Resolution.ONGOING && resolutionDate != null) {
            out.add(new FieldError("resolutionDate", "must be left out while the complication is ongoing"));
        }
        if (resolution != null && resolution != Resolution.ONGOING && resolutionDate == null) {
            out.add(new FieldError("resolutionDate", "is required when the resolution is " + resolution.name().toLowerCase()));
        }
        if (resolutionDate != null && onsetDate != null && resolutionDate.isBefore(onsetDate)) {
            out.add(new FieldError("resolutionDate", "must not be before the onset date " + onsetDate));
        }
        if (grade != null && resolution != null && (grade == ClavienDindo.V) != (resolution == Resolution.FATAL)) {
            out.add(new FieldError("grade", "grade V (death) goes with the resolution fatal, and only with it"));
        }
        return out;
    }
}
