package org.ilium.prom;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One stored questionnaire response: the answers as given, scored when recorded with the instrument version of the day.
 *
 * @param timepointId the follow-up timepoint (such as {@code 6w}), or null
 * @param answers item id to whole number or choice code, blanks left out
 * @param score null only where the rule cannot score
 * @param band the ODI band, else null
 * @param answer the chosen code of a single-choice instrument, else null
 * @param flags derived flags (improved, satisfied, would_repeat), empty when the instrument has none
 * @param source patient_link, clinician, paper or import
 * @param version 1, or 2 once voided (the ETag)
 * @param voidedAt when it was voided, else null (then voidedBy and voidReason are null too)
 */
public record Response(UUID id, UUID episodeId, String instrumentId, String instrumentVersion, String timepointId,
        Map<String, Object> answers, Double score, int answered, String band, String answer, Map<String, Boolean> flags,
        LocalDate collectedOn, String source, String recordedBy, Instant createdAt, int version, Instant voidedAt,
        String voidedBy, String voidReason) {

    public boolean voided() {
        return voidedAt != null;
    }
}
