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
