package org.ilium.prom;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ilium.prom.domain.Choice;
import org.ilium.prom.domain.Instrument;
import org.ilium.prom.domain.Item;
import org.ilium.prom.domain.Score;
import org.ilium.shared.web.JsonInput;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

@RestController
@RequestMapping(path = "/api/v1/instruments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Questionnaires", description = "Patient-reported outcome instruments (pain NRS, ODI, PGIC, satisfaction, would repeat): "
        + "items, allowed values and scoring.")
class InstrumentController {
    private final InstrumentCatalog catalog;
    private final ObjectMapper mapper;

    InstrumentController(InstrumentCatalog catalog, ObjectMapper mapper) {
        this.catalog = catalog;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(summary = "Every instrument: id, version, name, scoring rule and item count")
    List<Map<String, Object>> all() {
        return catalog.all().stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.id());
            m.put("version", i.version());
            m.put("name", i.name());
            m.put("scoring", i.scoring().name().toLowerCase(java.util.Locale.ROOT));
            m.put("itemCount", i.items().size());
            return m;
        }).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One instrument with its items: text (or placeholder where the wording is licensed) and allowed values")
    Map<String, Object> get(@PathVariable String id) {
        return view(catalog.requirePath(id));
    }

    @PostMapping(path = "/{id}/score", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Score answers without storing them: {\"answers\": {\"<item>\": value}}; 400 names each bad item")
    Map<String, Object> score(@PathVariable String id, @RequestBody byte[] body) {
        Instrument instrument = catalog.requirePath(id);
        JsonInput in = JsonInput.parse(body, mapper);
        Map<String, Object> answers = AnswersInput.read(in);
        in.finish();
        Score score = instrument.score(answers);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instrument", instrument.id());
        m.put("version", instrument.version());
        putScore(m, score.score(), score.answered(), score.band(), score.answer(), score.flags());
        m.put("answers", score.answers());
        return m;
    }

    static void putScore(Map<String, Object> m, Double score, int answered, String band, String answer, Map<String, Boolean> flags) {
        m.put("score", score);
        m.put("answered", answered);
        if (band != null) {
            m.put("band", band);
        }
        if (answer != null) {
            m.put("answer", answer);
        }
        if (!flags.isEmpty()) {
            m.put("flags", flags);
        }
    }

    static Map<String, Object> view(Instrument i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("version", i.version());
        m.put("name", i.name());
        m.put("licence", i.licence());
        Map<String, Object> citation = new LinkedHashMap<>();
        citation.put("source", i.citation().source());
        citation.put("detail", i.citation().detail());
        citation.put("url", i.citation().url());
        m.put("citation", citation);
        m.put("scoring", i.scoring().name().toLowerCase(java.util.Locale.ROOT));
        m.put("blankItemsAllowed", i.allowsBlanks());
        m.put("items", i.items().stream().map(InstrumentController::item).toList());
        if (!i.flags().isEmpty()) {
            m.put("flags", i.flags());
        }
        return m;
    }

    private static Map<String, Object> item(Item item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", item.id());
        m.put("label", item.label());
        m.put("text", item.text());
        m.put("placeholder", item.placeholder());
        if (item.isChoice()) {
            m.put("choices", item.choices().stream().map(InstrumentController::choice).toList());
        } else {
            Map<String, Object> range = new LinkedHashMap<>();
            range.put("min", item.min());
            range.put("max", item.max());
            Map<String, String> anchors = new LinkedHashMap<>();
            new java.util.TreeMap<>(item.anchors()).forEach((k, v) -> anchors.put(Integer.toString(k), v));
            range.put("anchors", anchors);
            m.put("range", range);
        }
        return m;
    }

    private static Map<String, Object> choice(Choice c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", c.code());
        m.put("label", c.label());
        m.put("value", c.value());
        return m;
    }
}
