package org.ilium.workup;

import java.time.Instant;
import org.ilium.workup.domain.WorkupItem;

/**
 * One version of a work-up record: who wrote it, when, and for a correction why ({@code reason} is
 * null for the first version and for corrections sent without one).
 */
public record WorkupVersion(int version, String recordedBy, Instant at, String reason, WorkupItem item) {
}
