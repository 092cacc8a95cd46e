package org.ilium.surgery;

import java.util.UUID;
import org.ilium.surgery.domain.Complication;

/** A stored complication of an episode at its current version. */
public record ComplicationRecord(UUID id, UUID episodeId, int version, String recordedBy, Complication complication) {
}
