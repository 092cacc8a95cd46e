package org.ilium.workup.domain;

import java.time.LocalDate;
import org.ilium.patient.domain.Side;

/** One provocation test: which, on which side the familiar pain was provoked or sought, and the result. */
public record ProvocationTest(String id, LocalDate date, String recordedBy, String source, ProvocationTestType test,
        Side side, boolean positive) implements WorkupItem {
}
