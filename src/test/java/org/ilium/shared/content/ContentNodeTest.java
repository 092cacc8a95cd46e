package org.ilium.shared.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentNodeTest {
    private static final String FILE = "content/policies/test.yaml";

    private static ContentNode parse(String yaml) {
        return ContentNode.parse(FILE, yaml);
    }

    private static void fails(Runnable read, String message) {
        assertThatThrownBy(read::run).isInstanceOf(ContentException.class).hasMessage(message);
    }

    @Test
    void readsTypedValues() {
        ContentNode root = parse("""
                id: nass-2015
                version: 2015
                months: 6
                relief: 75.5
                contrast: true
                effectiveFrom: 2015-01-01
                effectiveTo: ~
                tests: [distraction, faber]
                """);
        assertThat(root.text("id")).isEqualTo("nass-2015");
        assertThat(root.text("version")).isEqualTo("2015");
        assertThat(root.integer("months", 1, 120)).isEqualTo(6);
        assertThat(root.decimal("relief", 0, 100)).isEqualTo(75.5);
        assertThat(root.decimal("months", 0, 100)).isEqualTo(6.0);
        assertThat(root.bool("contrast")).isTrue();
        assertThat(root.bool("missing", false)).isFalse();
        assertThat(root.date("effectiveFrom")).isEqualTo(LocalDate.of(2015, 1, 1));
        assertThat(root.optionalDate("effectiveTo")).isEmpty();
        assertThat(root.has("effectiveTo")).isFalse();
        assertThat(root.texts("tests")).containsExactly("distraction", "faber");
        assertThat(root.codes("tests", Sample.class)).containsExactly(Sample.DISTRACTION,
                Sample.FABER);
        assertThat(root.keys()).containsExactly("id", "version", "months", "relief", "contrast", "effectiveFrom", "effectiveTo",
                "tests");
    }

    enum Sample {
        DISTRACTION, THIGH_THRUST, FABER
    }

    @Test
    void namesFileLineColumnPathAndReason() {
        ContentNode root = parse("""
                id: x
                criteria:
                  - id: a
                    minPositive: 3
                  - id: b
                    minPositive: three
                """);
        List<ContentNode> criteria = root.list("criteria");
        assertThat(criteria.get(0).integer("minPositive", 1, 6)).isEqualTo(3);
        fails(() -> criteria.get(1).integer("minPositive", 1, 6),
                "content/policies/test.yaml, line 6, column 18: criteria[1].minPositive: must be a whole number");
    }

    @Test
    void refusesWrongTypesAndRanges() {
        ContentNode root = parse("""
                months: 6.5
                big: 7
                flag: yes
                day: 2025-02-30
                name: [a, b]
                hex: 0x1F
                """);
        fails(() -> root.integer("months", 1, 120), FILE + ", line 1, column 9: months: must be a whole number");
        fails(() -> root.integer("big", 1, 6), FILE + ", line 2, column 6: big: must be between 1 and 6, not 7");
        fails(() -> root.bool("flag"), FILE + ", line 3, column 7: flag: must be true or false");
        fails(() -> root.date("day"), FILE + ", line 4, column 6: day: must be a valid date as YYYY-MM-DD, not 2025-02-30");
        fails(() -> root.text("name"), FILE + ", line 5, column 7: name: must be text, not a list");
        fails(() -> root.integer("hex", 0, 100), FILE + ", line 6, column 6: hex: must be a whole number");
        fails(() -> root.code("months", Sample.class),
                FILE + ", line 1, column 9: months: must be one of distraction, thigh_thrust, faber, not 6.5");
    }

    @Test
    void missingFieldsAreNamedAtTheirMapping() {
        ContentNode root = parse("""
                criteria:
                  - id: a
                    title: ~
                """);
        ContentNode first = root.list("criteria").get(0);
        fails(() -> first.text("kind"), FILE + ", line 2, column 5: criteria[0].kind: is required");
        fails(() -> first.text("title"), FILE + ", line 3, column 12: criteria[0].title: is required");
    }

    @Test
    void unknownAndDuplicateKeysAreRefused() {
        ContentNode root = parse("""
                id: a
                colour: blue
                """);
        fails(() -> root.unknownKeys("id", "name"), FILE + ", line 2, column 1: colour: is not a known field here (known: id, name)");
        ContentNode twice = parse("""
                id: a
                id: b
                """);
        fails(() -> twice.text("id"), FILE + ", line 2, column 1: id: is given twice");
    }

    @Test
    void syntaxErrorsHaveAPosition() {
        assertThatThrownBy(() -> parse("id: [a, b\nname: x\n")).isInstanceOf(ContentException.class)
                .hasMessageStartingWith(FILE + ", line ").hasMessageContaining("is not valid YAML");
        fails(() -> parse(""), FILE + ", line 1, column 1: is empty");
    }

    @Test
    void customTagsAndRecursiveAliasesAreRefused() {
        assertThatThrownBy(() -> parse("id: !!javax.script.ScriptEngineManager [x]\n")).isInstanceOf(ContentException.class)
                .hasMessageStartingWith(FILE + ", line 1, column 5: is not valid YAML: Global tag is not allowed");
        fails(() -> parse("id: !thing x\n"),
                FILE + ", line 1, column 5: id: uses the YAML tag !thing; content files allow plain values, lists and mappings only");
        fails(() -> parse("a: &x [1, *x]\n"), FILE + ", line 1, column 4: a[1]: refers to itself through an alias");
        ContentNode shared = parse("""
                cite: &nass {source: NASS}
                again: *nass
                """);
        assertThat(shared.get("again").text("source")).isEqualTo("NASS");
    }
}
