package org.ilium.workup.domain;

import java.time.LocalDate;
import java.util.Set;
import org.ilium.patient.domain.Side;

/**
 * Pain intensity on the 0-10 numeric rating scale and/or the 0-100 mm visual analogue scale. The two
 * are converted (VAS / 10) only because the scale is stated on each value (REFERENCE section 5).
 */
public record PainScore(String id, LocalDate date, String recordedBy, String source, Integer nrs, Integer vas, Side side,
        Set<PainLocation> locations) implements WorkupItem {

    /** NRS, or VAS converted to the 0-10 scale; null when neither was recorded. */
    public Double nrsEquivalent() {
        if (nrs != null) {
            return nrs.doubleValue();
        }
        return vas == null ? null : vas / 10.0;
    }
}
