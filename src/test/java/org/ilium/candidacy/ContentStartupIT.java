package org.ilium.candidacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ilium.shared.StartupFailure;
import org.ilium.testing.IliumInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site's content directory: an edited copy of the clinic default is served; a broken file stops the start. */
class ContentStartupIT {
    @TempDir
    Path work;

    @Test
    void aSitesEditedPolicyIsServedNextToTheBuiltInOnes() throws Exception {
        Path policies = Files.createDirectories(work.resolve("content/policies"));
        String clinicDefault = new String(ContentStartupIT.class.getResourceAsStream("/content/policies/clinic-default.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(policies.resolve("north-clinic.yaml"), clinicDefault
                .replaceFirst("(?m)^id: .*$", "id: north-clinic")
                .replaceFirst("(?m)^name: .*$", "name: North Clinic SI joint fusion criteria"));
        try (IliumInstance ilium = IliumInstance.start(work.resolve("data"), "--ilium.content-dir=" + work.resolve("content"))) {
            String list = ilium.admin().get("/api/v1/policies").body();
            assertThat(list).contains("\"id\":\"north-clinic\"", "North Clinic SI joint fusion criteria", "\"id\":\"nass-2015\"");
        }
    }

    @Test
    void aSitesPrognosticCutoffsSplitTheOutcomeReportsSubgroups() throws Exception {
        Path content = Files.createDirectories(work.resolve("content"));
        String prognosis = new String(ContentStartupIT.class.getResourceAsStream("/content/prognosis.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(content.resolve("prognosis.yaml"), prognosis
                .replaceFirst("(?m)^    ageYears: 50$", "    ageYears: 60")
                .replaceFirst("(?m)^    months: 24$", "    months: 18"));
        try (IliumInstance ilium = IliumInstance.start(work.resolve("data"), "--ilium.content-dir=" + content)) {
            var report = ilium.admin().get("/api/v1/outcomes/report?format=json");
            assertThat(report.status()).as(report.body()).isEqualTo(200);
            java.util.Map<String, java.util.List<String>> groups = new java.util.LinkedHashMap<>();
            report.json().get("subgroups").get("factors").forEach(f -> groups.put(f.get("id").asText(),
                    f.get("groups").valueStream().map(g -> g.get("id").asText()).toList()));
            assertThat(groups.get("age")).containsExactly("under_60", "60_and_over");
            assertThat(groups.get("symptom_duration")).containsExactly("under_18_months", "18_months_and_over");
            assertThat(ilium.admin().get("/api/v1/outcomes/report?age=under_60").status()).isEqualTo(200);
            var refused = ilium.admin().get("/api/v1/outcomes/report?age=under_50");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("under_60, 60_and_over");
        }
    }

    @Test
    void aBrokenPolicyFileStopsTheStartNamingFileLineAndReason() throws Exception {
        Path policies = Files.createDirectories(work.resolve("content/policies"));
        Files.writeString(policies.resolve("broken.yaml"), """
                id: broken
                name: Broken
                version: "1"
                publisher: Us
                effectiveFrom: 2026-01-01
                description: a policy with a typo
                citations: [{source: nowhere}]
                criteria:
                  - id: blocks
                    title: Blocks
                    kind: diagnostic_blocks
                    minCount: two
                    minReliefPercent: 75
                    citation: {source: nowhere}
                """);
        assertThatThrownBy(() -> IliumInstance.start(work.resolve("data"), "--ilium.content-dir=" + work.resolve("content")))
                .rootCause().isInstanceOf(StartupFailure.class)
                .hasMessageContaining("broken.yaml")
                .hasMessageContaining("line 12")
                .hasMessageContaining("minCount");
        assertThat(Files.exists(work.resolve("data/postgres/postmaster.pid"))).as("the failed start stopped its database").isFalse();
    }
}
