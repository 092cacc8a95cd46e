package org.ilium.workup.domain;

import java.time.LocalDate;
import org.ilium.patient.domain.Side;

/** Fortin finger test: the patient points to pain within about 1 cm of the posterior superior iliac spine. */
public record FortinFinding(String id, LocalDate date, String recordedBy, String source, Side side, boolean positive)
        implements WorkupItem {
}
