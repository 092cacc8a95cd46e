package org.ilium.surgery;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Published (as a Spring application event, inside the transaction) after a procedure is stored, and
 * again when the date of an index procedure is corrected; the follow-up schedule runs from that date.
 */
public record ProcedureRecorded(UUID episodeId, UUID procedureId, LocalDate date, boolean revision) {
}
