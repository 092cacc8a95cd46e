package org.ilium.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ilium.outcomes.domain.Benchmark;
import org.ilium.outcomes.domain.BenchmarkFigure;
import org.ilium.outcomes.domain.BenchmarkFigure.Measure;
import org.ilium.outcomes.domain.Improvement;
import org.ilium.outcomes.domain.OutcomeThresholds;
import org.ilium.outcomes.domain.PainScale;
import org.ilium.shared.content.ContentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every built-in benchmark and the thresholds load with citations; broken files name file, line and reason. */
class BenchmarkContentTest {
    @TempDir
    Path dir;

    @Test
    void everyBuiltInBenchmarkLoadsWithACitation() {
        BenchmarkLibrary library = BenchmarkLibrary.load(null);
        assertThat(library.all()).extracting(Benchmark::id).containsExactly("heiney-meta-analysis", "imia", "insite", "lois",
                "sachs-2013", "sachs-2013-seed-claim", "sifi");
        for (Benchmark b : library.all()) {
            assertThat(b.citation().source()).as(b.id()).isNotBlank();
            assertThat(b.name()).as(b.id()).isNotBlank();
            assertThat(b.design()).as(b.id()).isNotBlank();
            assertThat(b.figures()).as(b.id()).isNotEmpty();
            for (BenchmarkFigure f : b.figures()) {
                if (f.convertedFromVasMm() != null) {
                    assertThat(f.value()).as(b.id()).isCloseTo(f.convertedFromVasMm() / 10, org.assertj.core.api.Assertions.within(1e-9));
                }
                if (f.measure() == Measure.PAIN) {
                    assertThat(f.value()).as(b.id() + " pain on 0-10").isBetween(0.0, 10.0);
                }
            }
        }
        Benchmark insite = library.find("insite").orElseThrow();
        assertThat(insite.n()).isEqualTo(148);
        assertThat(insite.arms()).containsEntry("fusion", 102).containsEntry("non_surgical", 46);
        assertThat(insite.at("baseline")).extracting(BenchmarkFigure::value).containsExactly(8.2, 62.0);
        assertThat(insite.at("24m")).filteredOn(f -> f.measure() == Measure.COUNT).singleElement()
                .satisfies(f -> assertThat(f.of()).isEqualTo(102));
        assertThat(library.find("sifi").orElseThrow().at("12m")).extracting(BenchmarkFigure::value).containsExactly(3.04, 31.4);
        assertThat(library.find("lois").orElseThrow().at("5y")).isNotEmpty();
    }

    @Test
    void theSeedClaimIsKeptApartAndMarked() {
        BenchmarkLibrary library = BenchmarkLibrary.load(null);
        Benchmark claim = library.find("sachs-2013-seed-claim").orElseThrow();
        assertThat(claim.kind()).isEqualTo(Benchmark.Kind.SEED_CLAIM);
        assertThat(claim.refersTo()).isEqualTo("sachs-2013");
        assertThat(claim.figures()).filteredOn(f -> f.measure() == Measure.COUNT).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualTo(39.0)).satisfies(f -> assertThat(f.of()).isEqualTo(40));
        Benchmark paper = library.find("sachs-2013").orElseThrow();
        assertThat(paper.kind()).isEqualTo(Benchmark.Kind.PUBLISHED);
        assertThat(paper.figures()).noneMatch(f -> "improved".equals(f.label()));
    }

    @Test
    void theThresholdsComeFromContentWithTheirCitation() {
        OutcomeThresholds t = OutcomeThresholdsContent.load(null);
        assertThat(t.citation().source()).contains("Polly").contains("Neurosurgery");
        assertThat(t.pain().importantImprovement()).isEqualTo(20.0);
        assertThat(t.pain().substantialImprovement()).isEqualTo(25.0);
        assertThat(t.pain().substantialFinalAtMost()).isEqualTo(35.0);
        assertThat(t.odi().importantImprovement()).isEqualTo(15.0);
        assertThat(t.odi().substantialImprovement()).isEqualTo(18.8);
        assertThat(t.pain().classify(8.2, 6.2, PainScale.NRS_0_10)).isEqualTo(new Improvement(20, true, false));
    }

    @Test
    void aSiteThresholdsFileReplacesTheBuiltInOneAndABrokenOneIsNamed() throws Exception {
        Files.createDirectories(dir.resolve("outcomes"));
        Files.writeString(dir.resolve("outcomes/thresholds.yaml"), """
                citation: {source: Our own}
                pain: {scale: vas_mm, clinically_important_improvement: 15, substantial_benefit_improvement: 30,
                       substantial_benefit_final_at_most: 30}
                odi: {clinically_important_improvement: 10, substantial_benefit_improvement: 20}
                """);
        assertThat(OutcomeThresholdsContent.load(dir).odi().importantImprovement()).isEqualTo(10.0);
        Files.writeString(dir.resolve("outcomes/thresholds.yaml"), """
                citation: {source: Our own}
                pain: {scale: vas_mm, clinically_important_improvement: 15, substantial_benefit_improvement: 30,
                       substantial_benefit_final_at_most: 30}
                odi:
                  clinically_important_improvement: 20
                  substantial_benefit_improvement: 10
                """);
        assertThatThrownBy(() -> OutcomeThresholdsContent.load(dir)).isInstanceOf(ContentException.class)
                .hasMessageContaining("outcomes/thresholds.yaml, line 6")
                .hasMessageContaining("odi.substantial_benefit_improvement: must be at least the clinically important improvement");
    }

    @Test
    void aBrokenBenchmarkNamesFileLineAndReason() throws Exception {
        Files.createDirectories(dir.resolve("benchmarks"));
        Files.writeString(dir.resolve("benchmarks/mine.yaml"), """
                id: mine
                name: Mine
                design: case series
                n: 10
                citation: {source: Us}
                figures:
                  - {timepoint: 12m, measure: pain, value: 3}
                  - {timepoint: 1y, measure: pain, value: 3}
                """);
        assertThatThrownBy(() -> BenchmarkLibrary.load(dir)).isInstanceOf(ContentException.class)
                .hasMessageContaining("benchmarks/mine.yaml, line 8").hasMessageContaining("figures[1].timepoint: must be one of baseline");
    }

    @Test
    void vasConversionMustBeRightAndShareNeedsALabel() throws Exception {
        Files.createDirectories(dir.resolve("benchmarks"));
        Files.writeString(dir.resolve("benchmarks/mine.yaml"), """
                id: mine
                name: Mine
                design: case series
                n: 10
                citation: {source: Us}
                figures:
                  - {timepoint: 12m, measure: pain, value: 30.4, converted_from_vas_mm: 30.4}
                """);
        assertThatThrownBy(() -> BenchmarkLibrary.load(dir)).isInstanceOf(ContentException.class)
                .hasMessageContaining("benchmarks/mine.yaml, line 7").hasMessageContaining("figures[0].value");
        Files.writeString(dir.resolve("benchmarks/mine.yaml"), """
                id: mine
                name: Mine
                design: case series
                n: 10
                citation: {source: Us}
                figures:
                  - {timepoint: 12m, measure: share, value: 80}
                """);
        assertThatThrownBy(() -> BenchmarkLibrary.load(dir)).isInstanceOf(ContentException.class)
                .hasMessageContaining("figures[0].label: is required for a share");
    }

    @Test
    void aSeedClaimMustReferToAPublishedStudyAndTheIdMustMatchTheFile() throws Exception {
        Files.createDirectories(dir.resolve("benchmarks"));
        Files.writeString(dir.resolve("benchmarks/claim.yaml"), """
                id: claim
                kind: seed_claim
                refers_to: nowhere
                name: Claim
                design: claim
                n: 10
                citation: {source: Us}
                figures:
                  - {measure: count, value: 9, of: 10, label: improved}
                """);
        assertThatThrownBy(() -> BenchmarkLibrary.load(dir)).isInstanceOf(ContentException.class)
                .hasMessageContaining("line 3").hasMessageContaining("refers_to: must name a published benchmark");
        Files.delete(dir.resolve("benchmarks/claim.yaml"));
        Files.writeString(dir.resolve("benchmarks/other.yaml"), """
                id: mine
                name: Mine
                design: case series
                n: 10
                citation: {source: Us}
                figures:
                  - {timepoint: 12m, measure: pain, value: 3}
                """);
        assertThatThrownBy(() -> BenchmarkLibrary.load(dir)).isInstanceOf(ContentException.class)
                .hasMessageContaining("id: must match the file name");
    }

    @Test
    void aSiteFileReplacesTheBuiltInBenchmarkOfItsId() throws Exception {
        Files.createDirectories(dir.resolve("benchmarks"));
        Files.writeString(dir.resolve("benchmarks/sifi.yaml"), """
                id: sifi
                name: SIFI, as our site reads it
                design: single arm
                n: 172
                citation: {source: Duhon 2016}
                figures:
                  - {timepoint: 12m, measure: odi, value: 31.4}
                """);
        BenchmarkLibrary library = BenchmarkLibrary.load(dir);
        assertThat(library.find("sifi").orElseThrow().name()).isEqualTo("SIFI, as our site reads it");
        assertThat(library.all()).hasSize(7);
    }
}
