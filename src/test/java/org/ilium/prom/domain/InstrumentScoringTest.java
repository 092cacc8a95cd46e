package org.ilium.prom.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ilium.shared.FieldError;
import org.ilium.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Worked examples of every scoring rule, on instruments built in code (no content, no framework). */
class InstrumentScoringTest {
    static final Instrument NRS = new Instrument("back_pain_nrs", "1", "Back pain", "free", new Citation("x", null, null), ScoringRule.SINGLE,
            List.of(new Item("pain", "Back pain", "How bad?", null, 0, 10, Map.of(0, "No pain", 10, "Worst"), List.of())), Map.of());
    static final Instrument ODI = odi();
    static final Instrument PGIC = choices("pgic", "change", Map.of("improved", Set.of("very_much_improved", "much_improved")),
            "very_much_improved", "much_improved", "minimally_improved", "no_change", "minimally_worse", "much_worse", "very_much_worse");
    static final Instrument SATISFACTION = choices("satisfaction", "satisfaction", Map.of("satisfied", Set.of("satisfied", "very_satisfied")),
            "very_dissatisfied", "dissatisfied", "neutral", "satisfied", "very_satisfied");

    static Instrument odi() {
        List<Item> items = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            items.add(new Item("s" + i, "Section " + i, null, "licensed", 0, 5, Map.of(), List.of()));
        }
        return new Instrument("odi", "2.1a", "ODI", "licensed", new Citation("Fairbank", null, null), ScoringRule.ODI, items, Map.of());
    }

    static Instrument choices(String id, String item, Map<String, Set<String>> flags, String... codes) {
        List<Choice> choices = new java.util.ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            choices.add(new Choice(codes[i], codes[i], i + 1));
        }
        return new Instrument(id, "1", id, "free", new Citation("x", null, null), ScoringRule.SINGLE,
                List.of(new Item(item, item, "?", null, null, null, Map.of(), choices)), flags);
    }

    static Map<String, Object> odiAnswers(Integer... sections) {
        Map<String, Object> a = new LinkedHashMap<>();
        for (int i = 0; i < sections.length; i++) {
            a.put("s" + (i + 1), sections[i]);
        }
        return a;
    }

    @Test
    void nrsScoreIsTheAnswer() {
        Score s = NRS.score(Map.of("pain", 7));
        assertThat(s.score()).isEqualTo(7.0);
        assertThat(s.answered()).isEqualTo(1);
        assertThat(s.band()).isNull();
        assertThat(NRS.score(Map.of("pain", 0L)).score()).isEqualTo(0.0);
        assertThat(NRS.score(Map.of("pain", 10)).score()).isEqualTo(10.0);
    }

    @Test
    void nrsRefusesBlanksOutOfRangeFractionsAndUnknownItems() {
        assertErrors(() -> NRS.score(Map.of()), "answers.pain");
        assertErrors(() -> NRS.score(Map.of("pain", 11)), "answers.pain");
        assertErrors(() -> NRS.score(Map.of("pain", -1)), "answers.pain");
        assertErrors(() -> NRS.score(Map.of("pain", 7.5)), "answers.pain");
        assertErrors(() -> NRS.score(Map.of("pain", "7")), "answers.pain");
        assertErrors(() -> NRS.score(Map.of("pain", 3, "leg", 4)), "answers.leg");
    }

    @Test
    void odiCompleteAnswers() {
        // 3+3+2+3+2+3+2+3+2+3 = 26 of 50 -> 52 %, severe
        Score s = ODI.score(odiAnswers(3, 3, 2, 3, 2, 3, 2, 3, 2, 3));
        assertThat(s.score()).isEqualTo(52.0);
        assertThat(s.answered()).isEqualTo(10);
        assertThat(s.band()).isEqualTo("severe");
    }

    @Test
    void odiABlankSectionReducesTheDenominatorByFive() {
        // the worked example: section 9 blank, 24 of 45 -> 53.33 %
        Score s = ODI.score(odiAnswers(3, 3, 2, 3, 2, 3, 2, 3, null, 3));
        assertThat(s.score()).isEqualTo(53.33);
        assertThat(s.answered()).isEqualTo(9);
        assertThat(s.band()).isEqualTo("severe");
        assertThat(s.answers()).doesNotContainKey("s9").hasSize(9);
        // a section simply left out counts the same as null
        Map<String, Object> absent = odiAnswers(3, 3, 2, 3, 2, 3, 2, 3, null, 3);
        absent.remove("s9");
        assertThat(ODI.score(absent)).isEqualTo(s);
        // three blanks: 10 of 35 -> 28.57 %, moderate; no cut-off is imposed (REFERENCE gives none)
        Score three = ODI.score(odiAnswers(2, 2, 1, 1, 1, 1, 2, null, null, null));
        assertThat(three.score()).isEqualTo(28.57);
        assertThat(three.answered()).isEqualTo(7);
        assertThat(three.band()).isEqualTo("moderate");
    }

    @Test
    void odiAllZerosAndAllFives() {
        assertThat(ODI.score(odiAnswers(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).score()).isEqualTo(0.0);
        assertThat(ODI.score(odiAnswers(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).band()).isEqualTo("minimal");
        assertThat(ODI.score(odiAnswers(5, 5, 5, 5, 5, 5, 5, 5, 5, 5)).score()).isEqualTo(100.0);
        assertThat(ODI.score(odiAnswers(5, 5, 5, 5, 5, 5, 5, 5, 5, 5)).band()).isEqualTo("bed_bound");
    }

    @Test
    void odiBandBoundaries() {
        assertThat(ODI.score(odiAnswers(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)).band()).isEqualTo("minimal"); // 20
        assertThat(ODI.score(odiAnswers(2, 1, 1, 1, 1, 1, 1, 1, 1, 1)).band()).isEqualTo("moderate"); // 22
        assertThat(ODI.score(odiAnswers(4, 4, 4, 4, 4, 4, 4, 4, 4, 4)).band()).isEqualTo("crippled"); // 80
        assertThat(ODI.score(odiAnswers(5, 4, 4, 4, 4, 4, 4, 4, 4, 4)).band()).isEqualTo("bed_bound"); // 82
    }

    @Test
    void odiRefusesNothingAnsweredOutOfRangeAndUnknownSections() {
        assertErrors(() -> ODI.score(Map.of()), "answers");
        Map<String, Object> blanks = new HashMap<>();
        blanks.put("s1", null);
        assertErrors(() -> ODI.score(blanks), "answers");
        assertErrors(() -> ODI.score(odiAnswers(3, 3, 6, 3, 2, 3, 2, 3, 2, -1)), "answers.s3", "answers.s10");
        Map<String, Object> extra = odiAnswers(3, 3, 2);
        extra.put("s11", 2);
        assertErrors(() -> ODI.score(extra), "answers.s11");
        assertThatThrownBy(() -> ODI.score(odiAnswers(3, 3, 6))).hasMessage("answers.s3: must be a whole number 0 to 5");
    }

    @Test
    void pgicImprovedIsMuchOrVeryMuchImproved() {
        Score s = PGIC.score(Map.of("change", "much_improved"));
        assertThat(s.score()).isEqualTo(2.0);
        assertThat(s.answer()).isEqualTo("much_improved");
        assertThat(s.flags()).containsExactly(Map.entry("improved", true));
        assertThat(PGIC.score(Map.of("change", "very_much_improved")).flags().get("improved")).isTrue();
        assertThat(PGIC.score(Map.of("change", "minimally_improved")).flags().get("improved")).isFalse();
        assertThat(PGIC.score(Map.of("change", "very_much_worse")).score()).isEqualTo(7.0);
        assertErrors(() -> PGIC.score(Map.of("change", "better")), "answers.change");
        assertErrors(() -> PGIC.score(Map.of("change", 2)), "answers.change");
    }

    @Test
    void satisfiedIsTheTopTwo() {
        assertThat(SATISFACTION.score(Map.of("satisfaction", "very_satisfied")).flags().get("satisfied")).isTrue();
        assertThat(SATISFACTION.score(Map.of("satisfaction", "satisfied")).flags().get("satisfied")).isTrue();
        assertThat(SATISFACTION.score(Map.of("satisfaction", "neutral")).flags().get("satisfied")).isFalse();
        assertThat(SATISFACTION.score(Map.of("satisfaction", "satisfied")).score()).isEqualTo(4.0);
    }

    static void assertErrors(Runnable call, String... fields) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(fields));
    }
}
