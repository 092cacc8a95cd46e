package org.ilium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ilium.cli.IliumCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ilium evaluate} as a clinic's script uses it: exit codes, text, JSON and messages for bad input. */
class EvaluateCommandTest {
    private static final String CASES = "examples/cases/";

    private static Run evaluate(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "evaluate";
        System.arraycopy(args, 0, all, 1, args.length);
        return IliumCommandTest.run(all);
    }

    @Test
    void exitCodesFollowTheDetermination() {
        Run eligible = evaluate("--policy", "nass-2015", CASES + "clear-candidate.json");
        assertThat(eligible.exit()).as(eligible.err()).isZero();
        assertThat(eligible.out()).contains("Determination: ELIGIBLE", "Provocation cluster: 4 of 6");
        assertThat(evaluate("--policy", "evicore-cmm-611", CASES + "current-smoker.json").exit()).isEqualTo(1);
        Run incomplete = evaluate("--policy", "nass-2015", CASES + "incomplete-workup.json");
        assertThat(incomplete.exit()).isEqualTo(2);
        assertThat(incomplete.out()).contains("Missing to decide:");
    }

    @Test
    void jsonCarriesEveryCriterionWithItsEvidenceAndCitation() {
        Run run = evaluate("--policy", "evicore-cmm-611", "--json", CASES + "current-smoker.json");
        JsonNode d = JsonMapper.builder().build().readTree(run.out());
        assertThat(d.path("outcome").stringValue()).isEqualTo("NOT_ELIGIBLE");
        assertThat(d.path("policyId").stringValue()).isEqualTo("evicore-cmm-611");
        assertThat(d.path("evaluationDate").stringValue()).isEqualTo("2026-03-02");
        JsonNode nicotine = null;
        for (JsonNode c : d.path("criteria")) {
            assertThat(c.path("citation").path("source").stringValue()).as(c.path("id").stringValue()).isNotBlank();
            if (c.path("status").stringValue().equals("NOT_MET")) {
                nicotine = c;
            }
        }
        assertThat(nicotine).isNotNull();
        assertThat(nicotine.path("evidence").get(0).path("recordId").stringValue()).startsWith("riskFactors[");
        assertThat(d.path("provocationCluster").path("sensitivity").asDouble()).isEqualTo(0.94);
    }

    @Test
    void allPoliciesSideBySide() {
        Run text = evaluate("--all-policies", CASES + "clear-candidate.json");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("against 5 policies", "NASS", "eviCore", "BCBS", "Medicare", "Clinic default");
        Run json = evaluate("--all-policies", "--json", CASES + "single-block.json");
        assertThat(json.exit()).isEqualTo(2);
        JsonNode doc = JsonMapper.builder().build().readTree(json.out());
        assertThat(doc.path("determinations").size()).isEqualTo(5);
        assertThat(doc.path("determinations")).allSatisfy(d -> assertThat(d.path("outcome").stringValue()).isEqualTo("INCOMPLETE"));
    }

    @Test
    void theDateOptionDecidesAsOfAnotherDay() {
        // a year before the case's own date most of its work-up did not exist yet
        Run run = evaluate("--policy", "nass-2015", "--date", "2025-03-02", CASES + "clear-candidate.json");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("evaluated 2025-03-02");
    }

    @Test
    void badInputIsNamedAndAnswered64OrMore(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"episode": {"side": "left"},
                 "odi": [{"date": "2026-01-01", "sections": [1, 2, 9, 0, 0, 0, 0, 0, 0, 0]}],
                 "provocationTests": [{"date": "2026-01-01", "test": "faber", "positive": true}]}
                """);
        Run invalid = evaluate("--policy", "nass-2015", bad.toString());
        assertThat(invalid.exit()).isEqualTo(65);
        assertThat(invalid.err()).contains("odi[0].sections[2]: must be a whole number 0 to 5", "provocationTests[0].side: is required");

        Path malformed = dir.resolve("malformed.json");
        Files.writeString(malformed, "{\"episode\": ");
        assertThat(evaluate("--policy", "nass-2015", malformed.toString()).exit()).isEqualTo(65);

        Run missing = evaluate("--policy", "nass-2015", dir.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(66);
        assertThat(missing.err()).contains("no such file");

        Run unknown = evaluate("--policy", "aetna-9", CASES + "clear-candidate.json");
        assertThat(unknown.exit()).isEqualTo(64);
        assertThat(unknown.err()).contains("unknown policy aetna-9", "nass-2015");

        assertThat(evaluate(CASES + "clear-candidate.json").exit()).as("--policy or --all-policies is required").isEqualTo(64);
        assertThat(evaluate("--policy", "nass-2015", "--all-policies", CASES + "clear-candidate.json").exit()).isEqualTo(64);
        assertThat(evaluate("--policy", "nass-2015", "--date", "yesterday", CASES + "clear-candidate.json").exit()).isEqualTo(64);
    }
}
