package org.ilium.candidacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.ilium.candidacy.domain.Policy;
import org.ilium.shared.content.ContentException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site's content directory with a bad file: the load fails naming file, line, column, field and reason. */
class BrokenContentTest {
    @TempDir
    Path site;
    private Path file;

    private static final String GOOD = """
            id: site-policy
            name: Site policy
            version: "1"
            publisher: Test clinic
            effectiveFrom: 2025-01-01
            description: A site's own policy.
            citations:
              - source: Site board
                detail: Minutes of 2025-01-01
            criteria:
              - id: blocks
                title: Two blocks
                kind: diagnostic_blocks
                minCount: 2
                minReliefPercent: 80
                citation: {source: ASIPP 2009, detail: 80 % cut-off}
              - id: tests
                title: Provocation tests
                kind: provocation_tests
                minPositive: 3
                citation: {source: Laslett 2005, detail: 3 of 6}
            """;

    @BeforeEach
    void folders() throws IOException {
        Files.createDirectories(site.resolve("policies"));
        file = site.resolve("policies/site-policy.yaml");
    }

    private ContentException fails(String yaml) throws IOException {
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> CandidacyContent.load(site));
        assertThat(thrown).isInstanceOf(ContentException.class);
        return (ContentException) thrown;
    }

    private static String change(String from, String to) {
        assertThat(GOOD).contains(from);
        return GOOD.replace(from, to);
    }

    @Test
    void theGoodFileLoadsNextToTheBuiltInPolicies() throws IOException {
        Files.writeString(file, GOOD);
        CandidacyContent content = CandidacyContent.load(site);
        Policy p = content.policies().find("site-policy").orElseThrow();
        assertThat(p.criteria()).hasSize(2);
        assertThat(content.fileOf(p)).contains(file.toString());
        assertThat(content.policies().ids()).hasSize(6);
    }

    @Test
    void aWrongTypeIsNamedWithItsPlace() throws IOException {
        ContentException e = fails(change("minPositive: 3", "minPositive: three"));
        assertThat(e).hasMessage(file + ", line 20, column 18: criteria[1].minPositive: must be a whole number");
        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.line()).isEqualTo(20);
        assertThat(e.path()).isEqualTo("criteria[1].minPositive");
    }

    @Test
    void anUnknownKey() throws IOException {
        assertThat(fails(change("minCount: 2", "minCount: 2\n    minRelief: 75"))).hasMessageStartingWith(file
                + ", line 15, column 5: criteria[0].minRelief: is not a known field here (known: citation, contrastRequired, exclusion, "
                + "guidance, id, kind, minCount, minReliefPercent, missing, title, unverified, withinMonths)");
        assertThat(fails(change("publisher:", "publisher: x\nowner:"))).hasMessageContaining(", line 5, column 1: owner: is not a known field");
    }

    @Test
    void aMissingCitation() throws IOException {
        assertThat(fails(change("    citation: {source: Laslett 2005, detail: 3 of 6}\n", "")))
                .hasMessage(file + ", line 17, column 5: criteria[1].citation: is required: every criterion names its source");
        assertThat(fails(change("{source: Laslett 2005, detail: 3 of 6}", "{detail: 3 of 6}")))
                .hasMessage(file + ", line 21, column 15: criteria[1].citation.source: is required");
    }

    @Test
    void badDates() throws IOException {
        assertThat(fails(change("effectiveFrom: 2025-01-01", "effectiveFrom: 2025-02-30")))
                .hasMessage(file + ", line 5, column 16: effectiveFrom: must be a valid date as YYYY-MM-DD, not 2025-02-30");
        assertThat(fails(change("effectiveFrom: 2025-01-01", "effectiveFrom: 2025-01-01\neffectiveTo: 2024-12-31")))
                .hasMessage(file + ", line 6, column 14: effectiveTo: must not be before effectiveFrom (2025-01-01)");
    }

    @Test
    void anUnknownKind() throws IOException {
        assertThat(fails(change("kind: provocation_tests", "kind: provocation"))).hasMessageStartingWith(file
                + ", line 19, column 11: criteria[1].kind: is not a known criterion kind (known: symptom_duration, conservative_care,");
    }

    @Test
    void thresholdsOutOfRange() throws IOException {
        assertThat(fails(change("minPositive: 3", "minPositive: 7")))
                .hasMessage(file + ", line 20, column 18: criteria[1].minPositive: must be between 1 and 6, not 7");
        assertThat(fails(change("minReliefPercent: 80", "minReliefPercent: 120")))
                .hasMessage(file + ", line 15, column 23: criteria[0].minReliefPercent: must be between 1 and 100, not 120");
        assertThat(fails(change("minPositive: 3", "minPositive: 3\n    tests: [faber, gaenslen]")))
                .hasMessage(file + ", line 20, column 18: criteria[1].minPositive: must be between 1 and 2, not 3");
    }

    @Test
    void badIdsAndPlaceholders() throws IOException {
        assertThat(fails(change("id: site-policy", "id: Site_Policy")))
                .hasMessage(file + ", line 1, column 5: id: must be kebab-case (lower-case letters, digits and single hyphens), not Site_Policy");
        assertThat(fails(change("minCount: 2", "minCount: 2\n    missing: Record {count} blocks"))).hasMessage(file
                + ", line 15, column 14: criteria[0].missing: names {count}, which is not a threshold of this diagnostic_blocks criterion "
                + "(thresholds: minCount, minReliefPercent, guidance, contrastRequired)");
        assertThat(fails(change("id: tests", "id: blocks"))).hasMessage(file
                + ", line 17, column 9: criteria[1].id: is used by another criterion of this policy");
        assertThat(fails(change("minPositive: 3", "minPositive: 3\n    unverified: [minCount]"))).hasMessageStartingWith(file
                + ", line 21, column 18: criteria[1].unverified[0]: names minCount, which is not a parameter of a provocation_tests criterion");
    }

    @Test
    void aSyntaxError() throws IOException {
        assertThat(fails(change("criteria:", "criteria: [oops"))).hasMessageStartingWith(file + ", line ")
                .hasMessageContaining("is not valid YAML");
        assertThat(fails("")).hasMessage(file + ", line 1, column 1: is empty");
        assertThat(fails("- just\n- a list\n")).hasMessage(file + ", line 1, column 1: must be a mapping of fields (name: value)");
    }

    @Test
    void aSiteFileWithTheSameIdAndVersionReplacesTheBuiltInOne() throws IOException {
        String nass = new String(getClass().getResourceAsStream("/content/policies/nass-2015.yaml").readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(site.resolve("policies/nass-2015.yaml"), nass.replace("minReliefPercent: 75", "minReliefPercent: 80"));
        CandidacyContent content = CandidacyContent.load(site);
        Policy replaced = content.policies().find("nass-2015").orElseThrow();
        assertThat(replaced.criterion("diagnostic-blocks").orElseThrow().thresholds()).containsEntry("minReliefPercent", "80");
        assertThat(content.policies().all()).filteredOn(p -> p.id().equals("nass-2015")).hasSize(1);
    }

    @Test
    void versionsOfOneIdMustNotOverlap() throws IOException {
        String nass = new String(getClass().getResourceAsStream("/content/policies/nass-2015.yaml").readAllBytes(), StandardCharsets.UTF_8);
        Path newer = site.resolve("policies/nass-2027.yaml");
        Files.writeString(newer, nass.replace("version: \"2015\"", "version: \"2027\"").replace("effectiveFrom: 2015-01-01",
                "effectiveFrom: 2027-01-01"));
        assertThatThrownBy(() -> CandidacyContent.load(site)).isInstanceOf(ContentException.class).hasMessage(newer
                + ", line 9, column 16: effectiveFrom: the effective period of nass-2015 version 2027 (from 2027-01-01) overlaps "
                + "version 2015 (from 2015-01-01) in content/policies/nass-2015.yaml; give the earlier version an effectiveTo");
        // closing the built-in version (a site copy with the same id and version) makes room for the new one
        Files.writeString(site.resolve("policies/nass-2015.yaml"), nass.replace("effectiveTo: ~", "effectiveTo: 2026-12-31"));
        CandidacyContent content = CandidacyContent.load(site);
        assertThat(content.policies().find("nass-2015", LocalDate.of(2026, 12, 31)).orElseThrow().version()).isEqualTo("2015");
        assertThat(content.policies().find("nass-2015", LocalDate.of(2027, 1, 1)).orElseThrow().version()).isEqualTo("2027");
        assertThat(content.policies().find("nass-2015").orElseThrow().version()).isEqualTo("2027");
        assertThat(content.policies().activeOn(LocalDate.of(2027, 6, 1))).filteredOn(p -> p.id().equals("nass-2015")).hasSize(1);
    }

    @Test
    void twoSiteFilesWithOneIdAndVersion() throws IOException {
        Files.writeString(file, GOOD);
        Path twin = site.resolve("policies/twin.yaml");
        Files.writeString(twin, GOOD);
        assertThatThrownBy(() -> CandidacyContent.load(site)).hasMessage(twin
                + ", line 3, column 10: version: policy site-policy version 1 is also defined in " + file);
    }

    @Test
    void brokenDiagnosticsAndPrognosis() throws IOException {
        Files.createDirectories(site.resolve("diagnostics"));
        String cluster = new String(getClass().getResourceAsStream("/content/diagnostics/provocation-cluster.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        Path diag = site.resolve("diagnostics/provocation-cluster.yaml");
        Files.writeString(diag, cluster.replace("sensitivity: 0.94", "sensitivity: 94"));
        assertThatThrownBy(() -> CandidacyContent.load(site)).hasMessageStartingWith(diag + ", line ")
                .hasMessageEndingWith("accuracy.sensitivity: must be between 0 and 1, not 94");
        Files.writeString(diag, cluster.replace("{positiveAt} or more", "{threshold} or more"));
        assertThatThrownBy(() -> CandidacyContent.load(site)).hasMessageContaining("interpretation.positive: uses {threshold}");
        Files.delete(diag);
        String prognosis = new String(getClass().getResourceAsStream("/content/prognosis.yaml").readAllBytes(), StandardCharsets.UTF_8);
        Path prog = site.resolve("prognosis.yaml");
        Files.writeString(prog, prognosis.replace("ageYears: 50", "ageYears: fifty"));
        assertThatThrownBy(() -> CandidacyContent.load(site)).hasMessageStartingWith(prog + ", line ")
                .hasMessageEndingWith("factors[3].ageYears: must be a whole number");
        Files.writeString(prog, prognosis.replace("factor: chronic_opioid_use", "factor: opioids"));
        assertThatThrownBy(() -> CandidacyContent.load(site)).hasMessageContaining("factors[1].factor: must be one of current_smoking");
    }
}
