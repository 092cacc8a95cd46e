package org.ilium.surgery;

import java.util.UUID;
import org.ilium.surgery.domain.Procedure;

/** A stored procedure of an episode at its current version. */
public record ProcedureRecord(UUID id, UUID episodeId, int version, String recordedBy, Procedure procedure) {
}
