package org.ilium.prom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ilium.shared.StartupFailure;
import org.ilium.testing.IliumInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site's instrument files are read at start-up: a licensed ODI wording is served, a broken file stops the start. */
class InstrumentStartupIT {
    @TempDir
    Path work;

    @Test
    void aSitesInstrumentFileReplacesTheBuiltInOne() throws Exception {
        Path dir = Files.createDirectories(work.resolve("content/instruments"));
        Files.writeString(dir.resolve("back_pain_nrs.yaml"), """
                id: back_pain_nrs
                version: "1-site"
                name: Back pain (our wording)
                licence: free
                citation: {source: us}
                scoring: single
                items:
                  - {id: pain, label: Back pain, text: "How much does your back hurt?", range: {min: 0, max: 10}}
                """);
        try (IliumInstance ilium = IliumInstance.start(work.resolve("data"), "--ilium.content-dir=" + work.resolve("content"))) {
            var nrs = ilium.admin().get("/api/v1/instruments/back_pain_nrs").json();
            assertThat(nrs.path("version").stringValue()).isEqualTo("1-site");
            assertThat(nrs.path("items").get(0).path("text").stringValue()).isEqualTo("How much does your back hurt?");
            assertThat(ilium.admin().get("/api/v1/instruments").json().size()).isEqualTo(6);
        }
    }

    @Test
    void aBrokenInstrumentFileStopsTheStartNamingFileLineAndReason() throws Exception {
        Path dir = Files.createDirectories(work.resolve("content/instruments"));
        Files.writeString(dir.resolve("pgic.yaml"), """
                id: pgic
                version: "2"
                name: PGIC
                licence: free
                citation: {source: us}
                scoring: single
                items:
                  - id: change
                    label: Change
                    text: "Better?"
                    choices:
                      - {code: better, label: Better, value: 1}
                      - {code: worse, label: Worse, value: 2}
                flags:
                  improved: [much_better]
                """);
        assertThatThrownBy(() -> IliumInstance.start(work.resolve("data"), "--ilium.content-dir=" + work.resolve("content")))
                .rootCause().isInstanceOf(StartupFailure.class)
                .hasMessageContaining("pgic.yaml")
                .hasMessageContaining("line 15")
                .hasMessageContaining("flags.improved[0]: is not a choice of item change");
        assertThat(Files.exists(work.resolve("data/postgres/postmaster.pid"))).as("the failed start stopped its database").isFalse();
    }
}
