package org.ilium.prom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ilium.prom.domain.Choice;
import org.ilium.prom.domain.Citation;
import org.ilium.prom.domain.Instrument;
import org.ilium.prom.domain.Item;
import org.ilium.prom.domain.ScoringRule;
import org.ilium.shared.content.ContentNode;
import org.ilium.workup.domain.OdiScoring;

/** Reads and checks one instrument file; every problem is a ContentException naming file, line and field. */
final class InstrumentReader {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private InstrumentReader() {
    }

    static Instrument read(ContentNode root) {
        root.unknownKeys("id", "version", "name", "licence", "citation", "scoring", "items", "flags");
        String id = code(root.get("id"));
        String version = root.text("version");
        ContentNode c = root.get("citation");
        c.unknownKeys("source", "detail", "url");
        Citation citation = new Citation(c.text("source"), c.optionalText("detail").orElse(null), c.optionalText("url").orElse(null));
        ScoringRule scoring = root.code("scoring", ScoringRule.class);
        List<Item> items = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        List<ContentNode> itemNodes = root.list("items");
        if (itemNodes.isEmpty()) {
            throw root.fieldError("items", "must list at least one item");
        }
        for (ContentNode n : itemNodes) {
            Item item = item(n);
            if (!ids.add(item.id())) {
                throw n.fieldError("id", "is given to two items");
            }
            items.add(item);
        }
        if (scoring == ScoringRule.SINGLE && items.size() != 1) {
            throw root.fieldError("items", "must hold exactly one item for scoring: single");
        }
        if (scoring == ScoringRule.ODI) {
            if (items.size() != OdiScoring.SECTIONS) {
                throw root.fieldError("items", "must hold exactly " + OdiScoring.SECTIONS + " sections for scoring: odi");
            }
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                if (item.isChoice() || item.min() != 0 || item.max() != OdiScoring.SECTION_MAX) {
                    throw itemNodes.get(i).error("must be a range 0 to " + OdiScoring.SECTION_MAX + " for scoring: odi");
                }
            }
        }
        Map<String, Set<String>> flags = new LinkedHashMap<>();
        if (root.has("flags")) {
            if (scoring != ScoringRule.SINGLE || !items.get(0).isChoice()) {
                throw root.fieldError("flags", "are only allowed with scoring: single on a choice item");
            }
            for (Map.Entry<String, ContentNode> f : root.map("flags").entrySet()) {
                if (!CODE.matcher(f.getKey()).matches()) {
                    throw f.getValue().error("flag name must be lower-case letters, digits and _");
                }
                if (f.getValue().isNull()) {
                    throw f.getValue().error("must list the choice codes that make the flag true");
                }
                Set<String> codes = new LinkedHashSet<>();
                for (ContentNode codeNode : f.getValue().asList()) {
                    String code = codeNode.asText();
                    if (items.get(0).choice(code).isEmpty()) {
                        throw codeNode.error("is not a choice of item " + items.get(0).id());
                    }
                    if (!codes.add(code)) {
                        throw codeNode.error("is listed twice");
                    }
                }
                flags.put(f.getKey(), codes);
            }
        }
        return new Instrument(id, version, root.text("name"), root.text("licence"), citation, scoring, items, flags);
    }

    private static Item item(ContentNode n) {
        n.unknownKeys("id", "label", "text", "placeholder", "range", "choices");
        String id = code(n.get("id"));
        if (n.has("text") == n.has("placeholder")) {
            throw n.fieldError("text", "give either text (wording that may be shipped) or placeholder (licensed wording a site fills in)");
        }
        if (n.has("range") == n.has("choices")) {
            throw n.fieldError("range", "give either range (whole numbers) or choices");
        }
        Integer min = null;
        Integer max = null;
        Map<Integer, String> anchors = new LinkedHashMap<>();
        List<Choice> choices = new ArrayList<>();
        if (n.has("range")) {
            ContentNode r = n.get("range");
            r.unknownKeys("min", "max", "anchors");
            min = r.integer("min", 0, 1000);
            max = r.integer("max", 0, 1000);
            if (max <= min) {
                throw r.fieldError("max", "must be greater than min");
            }
            for (Map.Entry<String, ContentNode> a : r.optional("anchors").map(ContentNode::asMap).orElse(Map.of()).entrySet()) {
                int at;
                try {
                    at = Integer.parseInt(a.getKey());
                } catch (NumberFormatException e) {
                    throw a.getValue().error("anchor " + a.getKey() + " must be a whole number");
                }
                if (at < min || at > max) {
                    throw a.getValue().error("anchor " + at + " is outside " + min + " to " + max);
                }
                anchors.put(at, a.getValue().asText());
            }
        } else {
            Set<String> codes = new LinkedHashSet<>();
            Set<Integer> values = new LinkedHashSet<>();
            for (ContentNode ch : n.list("choices")) {
                ch.unknownKeys("code", "label", "value");
                Choice choice = new Choice(code(ch.get("code")), ch.text("label"), ch.integer("value", -1000, 1000));
                if (!codes.add(choice.code())) {
                    throw ch.fieldError("code", "is given to two choices");
                }
                if (!values.add(choice.value())) {
                    throw ch.fieldError("value", "is given to two choices");
                }
                choices.add(choice);
            }
            if (choices.size() < 2) {
                throw n.fieldError("choices", "must list at least two choices");
            }
        }
        return new Item(id, n.text("label"), n.optionalText("text").orElse(null), n.optionalText("placeholder").orElse(null),
                min, max, anchors, choices);
    }

    private static String code(ContentNode n) {
        String value = n.asText();
        if (!CODE.matcher(value).matches()) {
            throw n.error("must be lower-case letters, digits and _ starting with a letter (at most 40), not " + value);
        }
        return value;
    }
}
