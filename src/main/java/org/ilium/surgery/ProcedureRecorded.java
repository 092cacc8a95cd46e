package org.ilium.surgery;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Published (as a Spring application event, inside the recording transaction) after a procedure is
 * stored; the follow-up schedule starts from the index procedure's date.
 */
public record ProcedureRecorded(UUID episodeId, UUID procedureId, LocalDate date, boolean revision) {
}
