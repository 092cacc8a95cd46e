package org.ilium.prom.domain;

import java.util.Map;

/**
 * The scored answers of one instrument.
 *
 * @param score the score (NRS: the answer; ODI: 0-100 rounded to two decimals; choice instruments: the chosen answer's
 *     value); null only where the rule cannot score
 * @param answered how many items were answered
 * @param band the ODI band code (minimal, moderate, severe, crippled, bed_bound), else null
 * @param answer the chosen code of a single choice item, else null
 * @param flags derived yes/no flags such as improved, satisfied, would_repeat (empty when the instrument has none)
 * @param answers the answers as stored: item id to whole number or choice code, blanks left out, in item order
 */
public record Score(Double score, int answered, String band, String answer, Map<String, Boolean> flags, Map<String, Object> answers) {
}
