package org.ilium.workup;

import java.util.UUID;
import org.ilium.workup.domain.WorkupItem;
import org.ilium.workup.domain.WorkupKind;

/**
 * The current version of a stored work-up record. {@code item.id()} is {@code id} as a string and
 * {@code item.recordedBy()} the user who wrote this version.
 */
public record WorkupRecord(UUID id, UUID episodeId, WorkupKind kind, int version, WorkupItem item) {
}
