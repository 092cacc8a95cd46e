package org.ilium.workup.domain;

import java.time.LocalDate;
import java.util.List;
import org.ilium.patient.domain.Side;

/**
 * An SI joint injection. Diagnostic blocks test whether anaesthetic in the joint relieves the pain;
 * therapeutic ones (usually corticosteroid) aim at lasting relief. Relief is taken as reported when
 * given, otherwise computed from pain before and after on the 0-10 scale.
 */
public record SijInjection(String id, LocalDate date, String recordedBy, String source, Purpose purpose, Side side,
        Guidance guidance, boolean contrast, List<String> agents, Integer painBefore, Integer painAfter,
        Double reportedReliefPercent, Double reliefHours) implements WorkupItem {

    public enum Purpose {
        DIAGNOSTIC, THERAPEUTIC
    }

    public enum Guidance {
        FLUOROSCOPY, CT, ULTRASOUND, NONE
    }

    /** Percent relief: reported, or (before - after) / before x 100; null when it cannot be known. */
    public Double reliefPercent() {
        if (reportedReliefPercent != null) {
            return reportedReliefPercent;
        }
        if (painBefore == null || painAfter == null || painBefore == 0) {
            return null;
        }
        return (painBefore - painAfter) * 100.0 / painBefore;
    }
}
