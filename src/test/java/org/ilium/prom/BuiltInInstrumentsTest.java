package org.ilium.prom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.ilium.prom.domain.Score;
import org.junit.jupiter.api.Test;

/** Each shipped instrument scored on a worked example, as the content files define it. */
class BuiltInInstrumentsTest {
    static final InstrumentCatalog CATALOG = InstrumentCatalog.load(null);

    static Score score(String instrument, Map<String, Object> answers) {
        return CATALOG.find(instrument).orElseThrow().score(answers);
    }

    @Test
    void workedExamples() {
        assertThat(score("back_pain_nrs", Map.of("pain", 7)).score()).isEqualTo(7.0);
        assertThat(score("leg_pain_nrs", Map.of("pain", 2)).score()).isEqualTo(2.0);
        Score odi = score("odi", Map.of("s1", 3, "s2", 3, "s3", 2, "s4", 3, "s5", 2, "s6", 3, "s7", 2, "s8", 3, "s10", 3));
        assertThat(odi.score()).isEqualTo(53.33);
        assertThat(odi.answered()).isEqualTo(9);
        assertThat(odi.band()).isEqualTo("severe");
        Score pgic = score("pgic", Map.of("change", "much_improved"));
        assertThat(pgic.flags()).containsEntry("improved", true);
        assertThat(pgic.score()).isEqualTo(2.0);
        assertThat(score("pgic", Map.of("change", "no_change")).flags()).containsEntry("improved", false);
        assertThat(score("satisfaction", Map.of("satisfaction", "very_satisfied")).flags()).containsEntry("satisfied", true);
        assertThat(score("satisfaction", Map.of("satisfaction", "neutral")).flags()).containsEntry("satisfied", false);
        Score again = score("would_repeat", Map.of("again", "yes"));
        assertThat(again.flags()).containsEntry("would_repeat", true);
        assertThat(again.answer()).isEqualTo("yes");
        assertThat(score("would_repeat", Map.of("again", "unsure")).flags()).containsEntry("would_repeat", false);
    }
}
