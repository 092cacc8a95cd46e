package org.ilium.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ilium.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class JsonInputTest {
    private final ObjectMapper mapper = JsonMapper.builder().build();

    private JsonInput parse(String json) {
        return JsonInput.parse(json.getBytes(StandardCharsets.UTF_8), mapper);
    }

    private static List<String> fieldsOf(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.errors().stream().map(org.ilium.shared.FieldError::field).toList();
        }
        throw new AssertionError("expected invalid input");
    }

    @Test
    void readsGoodInput() {
        JsonInput in = parse("{\"name\":\" Ada \",\"born\":\"2000-02-29\",\"ok\":true,\"n\":3,\"kind\":\"b\"}");
        assertThat(in.text("name", true, 10)).isEqualTo("Ada");
        assertThat(in.date("born", true)).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(in.bool("ok", true)).isTrue();
        assertThat(in.integer("n", true, 0, 5)).isEqualTo(3);
        String kind = in.code("kind", true, c -> Optional.of(c).filter(List.of("a", "b")::contains), List.of("a", "b"));
        assertThat(kind).isEqualTo("b");
        in.finish();
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        JsonInput in = parse("{\"name\":1,\"born\":\"2001-02-29\",\"ok\":\"yes\",\"n\":1.5,\"extra\":null,\"kind\":\"z\"}");
        in.text("name", true, 10);
        in.date("born", true);
        in.bool("ok", true);
        in.integer("n", true, 0, 5);
        in.code("kind", true, c -> Optional.<String>empty(), List.of("a"));
        in.text("missing", true, 10);
        assertThat(fieldsOf(in::finish)).containsExactly("name", "born", "ok", "n", "kind", "missing", "extra");
    }

    @Test
    void nestedObjectsNameTheirFieldsWithAPrefix() {
        JsonInput in = parse("{\"admin\":{\"username\":\"\",\"x\":1}}");
        JsonInput admin = in.object("admin", true);
        admin.text("username", true, 10);
        assertThat(fieldsOf(in::finish)).containsExactly("admin.username", "admin.x");
    }

    @Test
    void refusesMalformedDuplicatedTrailingAndNonObjectBodies() {
        for (String body : new String[] {"{\"a\":", "{\"a\":1,\"a\":2}", "{} {}", "[1]", "\"x\"", "", "null"}) {
            assertThatThrownBy(() -> parse(body)).as(body).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.errors()).extracting("field").containsExactly("body"));
        }
    }

    @Test
    void rangesAndLengthsAreChecked() {
        JsonInput in = parse("{\"n\":6,\"big\":99999999999,\"s\":\"abcdef\",\"blank\":\"  \"}");
        in.integer("n", true, 0, 5);
        in.integer("big", true, 0, Integer.MAX_VALUE);
        in.text("s", true, 5);
        in.text("blank", true, 5);
        assertThat(fieldsOf(in::finish)).containsExactly("n", "big", "s", "blank");
    }
}
