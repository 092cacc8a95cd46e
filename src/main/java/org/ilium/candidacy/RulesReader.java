package org.ilium.candidacy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ilium.candidacy.domain.DiagnosticRules;
import org.ilium.candidacy.domain.PrognosticNote;
import org.ilium.candidacy.domain.PrognosticRule;
import org.ilium.candidacy.domain.ProvocationClusterRule;
import org.ilium.shared.content.ContentNode;
import org.ilium.workup.domain.ProvocationTestType;

/** Reads the diagnostic rules ({@code content/diagnostics/*.yaml}) and prognostic factors ({@code content/prognosis.yaml}). */
final class RulesReader {
    static final String PROVOCATION_CLUSTER = "provocation_cluster";

    private RulesReader() {
    }

    /** One diagnostics file; only the kind {@code provocation_cluster} exists so far. */
    static ProvocationClusterRule provocationCluster(ContentNode root) {
        root.unknownKeys("id", "kind", "name", "description", "tests", "positiveAt", "accuracy", "interpretation", "citation");
        PolicyReader.kebab(root.get("id"));
        ContentNode kind = root.get("kind");
        if (!PROVOCATION_CLUSTER.equals(kind.asText())) {
            throw kind.error("is not a known kind of diagnostic rule (known: " + PROVOCATION_CLUSTER + ")");
        }
        root.text("name");
        root.optionalText("description");
        List<ProvocationTestType> tests = root.codes("tests", ProvocationTestType.class);
        if (tests.isEmpty()) {
            throw root.fieldError("tests", "must list the tests of the cluster");
        }
        int positiveAt = root.integer("positiveAt", 1, tests.size());
        ContentNode accuracy = root.get("accuracy");
        accuracy.unknownKeys("sensitivity", "specificity", "positiveLikelihoodRatio", "negativeLikelihoodRatio");
        ContentNode texts = root.get("interpretation");
        texts.unknownKeys("positive", "negative", "allNegative", "undetermined");
        return new ProvocationClusterRule(tests, positiveAt, accuracy.decimal("sensitivity", 0, 1), accuracy.decimal("specificity", 0, 1),
                accuracy.decimal("positiveLikelihoodRatio", 0, 1000), accuracy.decimal("negativeLikelihoodRatio", 0, 1000),
                template(texts, "positive"), template(texts, "negative"), template(texts, "allNegative"), template(texts, "undetermined"),
                PolicyReader.citation(root.get("citation")));
    }

    private static String template(ContentNode texts, String key) {
        String text = texts.text(key);
        int i = 0;
        while ((i = text.indexOf('{', i)) >= 0) {
            int close = text.indexOf('}', i);
            String name = close < 0 ? text.substring(i + 1) : text.substring(i + 1, close);
            if (close < 0 || !DiagnosticRules.PLACEHOLDERS.contains(name)) {
                throw texts.get(key).error("uses {" + name + "}, which is not a known placeholder (known: "
                        + String.join(", ", DiagnosticRules.PLACEHOLDERS) + ")");
            }
            i = close + 1;
        }
        return text;
    }

    static List<PrognosticRule> prognosis(ContentNode root) {
        root.unknownKeys("id", "name", "version", "description", "factors");
        PolicyReader.kebab(root.get("id"));
        root.text("name");
        root.text("version");
        root.optionalText("description");
        List<PrognosticRule> rules = new ArrayList<>();
        Set<PrognosticRule.Factor> seen = EnumSet.noneOf(PrognosticRule.Factor.class);
        for (ContentNode f : root.list("factors")) {
            f.unknownKeys("factor", "direction", "ageYears", "months", "note", "citation", "unverified");
            ContentNode factorNode = f.get("factor");
            PrognosticRule.Factor factor = factorNode.asCode(PrognosticRule.Factor.class);
            if (!seen.add(factor)) {
                throw factorNode.error("is listed twice");
            }
            if (!f.has("citation")) {
                throw f.fieldError("citation", "is required: every factor names its source");
            }
            Integer age = null;
            Integer months = null;
            if (factor.usesAge()) {
                age = f.integer("ageYears", 1, 120);
            } else if (f.has("ageYears")) {
                throw f.get("ageYears").error("does not apply to " + factor.code());
            }
            if (factor.usesMonths()) {
                months = f.integer("months", 1, 600);
            } else if (f.has("months")) {
                throw f.get("months").error("does not apply to " + factor.code());
            }
            Set<String> unverified = new HashSet<>();
            for (ContentNode u : f.optionalList("unverified")) {
                String name = u.asText();
                if (!f.has(name) || !(name.equals("ageYears") || name.equals("months"))) {
                    throw u.error("names " + name + ", which is not a threshold this factor sets");
                }
                unverified.add(name);
            }
            String note = f.text("note");
            for (int i = note.indexOf('{'); i >= 0; i = note.indexOf('{', i + 1)) {
                if (!note.startsWith("{age}", i) && !note.startsWith("{months}", i)) {
                    throw f.get("note").error("may use only the placeholders {age} and {months}");
                }
            }
            rules.add(new PrognosticRule(factor, f.code("direction", PrognosticNote.Direction.class), age, months, note,
                    PolicyReader.citation(f.get("citation"))));
        }
        return rules;
    }
}
