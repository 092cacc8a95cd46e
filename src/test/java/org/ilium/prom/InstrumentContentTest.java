package org.ilium.prom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ilium.prom.domain.Instrument;
import org.ilium.prom.domain.Item;
import org.ilium.prom.domain.ScoringRule;
import org.ilium.shared.content.ContentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every built-in instrument file loads; a broken site file fails naming file, line and reason; a site file replaces. */
class InstrumentContentTest {
    @TempDir
    Path dir;

    @Test
    void everyBuiltInInstrumentLoads() {
        InstrumentCatalog catalog = InstrumentCatalog.load(null);
        assertThat(catalog.all()).extracting(Instrument::id)
                .containsExactly("back_pain_nrs", "leg_pain_nrs", "odi", "pgic", "satisfaction", "would_repeat");
        for (Instrument i : catalog.all()) {
            assertThat(i.version()).as(i.id()).isNotBlank();
            assertThat(i.licence()).as(i.id()).isNotBlank();
            assertThat(i.citation().source()).as(i.id()).isNotBlank();
            for (Item item : i.items()) {
                assertThat(item.text() != null ^ item.placeholder() != null).as(i.id() + "." + item.id()).isTrue();
            }
        }
        Instrument odi = catalog.find("odi").orElseThrow();
        assertThat(odi.scoring()).isEqualTo(ScoringRule.ODI);
        assertThat(odi.items()).extracting(Item::id).containsExactly("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10");
        assertThat(odi.items()).extracting(Item::label).startsWith("Pain intensity", "Personal care", "Lifting");
        assertThat(odi.items()).allSatisfy(item -> {
            assertThat(item.text()).as("copyrighted wording is not shipped").isNull();
            assertThat(item.min()).isZero();
            assertThat(item.max()).isEqualTo(5);
        });
        assertThat(catalog.find("back_pain_nrs").orElseThrow().items().get(0).anchors()).containsKeys(0, 10);
        assertThat(catalog.find("pgic").orElseThrow().items().get(0).choices()).hasSize(7);
        assertThat(catalog.find("nope")).isEmpty();
    }

    @Test
    void aSiteFileReplacesTheBuiltInInstrumentOfItsId() throws Exception {
        Files.createDirectories(dir.resolve("instruments"));
        String odi = new String(getClass().getClassLoader().getResourceAsStream("content/instruments/odi.yaml").readAllBytes())
                .replace("placeholder: \"Section 1 (pain intensity): licensed ODI v2.1a wording, supplied by the site\"",
                        "text: \"Licensed wording of section 1\"");
        Files.writeString(dir.resolve("instruments/odi.yaml"), odi);
        Item first = InstrumentCatalog.load(dir).find("odi").orElseThrow().items().get(0);
        assertThat(first.text()).isEqualTo("Licensed wording of section 1");
        assertThat(first.placeholder()).isNull();
    }

    @Test
    void aBrokenFileNamesFileLineAndReason() throws Exception {
        Files.createDirectories(dir.resolve("instruments"));
        Files.writeString(dir.resolve("instruments/mine.yaml"), """
                id: mine
                version: "1"
                name: Mine
                licence: free
                citation: {source: me}
                scoring: single
                items:
                  - id: q
                    label: Q
                    text: Q?
                    range: {min: 5, max: 2}
                """);
        assertThatThrownBy(() -> InstrumentCatalog.load(dir)).isInstanceOf(ContentException.class)
                .hasMessageContaining("instruments/mine.yaml, line 11").hasMessageContaining("items[0].range.max: must be greater than min");
    }

    @Test
    void anOdiWithoutTenSectionsOrWithAWrongRangeIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("instruments"));
        Files.writeString(dir.resolve("instruments/odi.yaml"), """
                id: odi
                version: "2.1a"
                name: ODI
                licence: licensed
                citation: {source: Fairbank}
                scoring: odi
                items:
                  - {id: s1, label: Pain, placeholder: x, range: {min: 0, max: 5}}
                """);
        assertThatThrownBy(() -> InstrumentCatalog.load(dir)).isInstanceOf(ContentException.class)
                .hasMessageContaining("items: must hold exactly 10 sections");
    }

    @Test
    void theIdMustMatchTheFileName() throws Exception {
        Files.createDirectories(dir.resolve("instruments"));
        Files.writeString(dir.resolve("instruments/other.yaml"), """
                id: mine
                version: "1"
                name: Mine
                licence: free
                citation: {source: me}
                scoring: single
                items:
                  - {id: q, label: Q, text: "Q", choices: [{code: a, label: A, value: 1}, {code: b, label: B, value: 2}]}
                """);
        assertThatThrownBy(() -> InstrumentCatalog.load(dir)).isInstanceOf(ContentException.class)
                .hasMessageContaining("instruments/other.yaml, line 1").hasMessageContaining("must match the file name");
    }
}
