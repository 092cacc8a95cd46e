package org.ilium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.PackagedJar;
import org.ilium.testing.PackagedJar.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code ilium report} as a process on the packaged jar, after {@code ilium synth}: JSON, raw CSV, progress line, exit codes. */
class ReportCommandIT {
    @TempDir
    Path work;

    private Run ilium(String... args) throws Exception {
        return PackagedJar.run(work, PackagedJar.env(work.resolve("data"), "report-test-password"), Duration.ofSeconds(240), args);
    }

    @Test
    void writesTheJsonReportAndTheRawDataWithAProgressLine() throws Exception {
        Run synth = ilium("synth", "--patients", "200", "--seed", "5");
        assertThat(synth.exit()).as(synth.err()).isZero();

        Path json = work.resolve("reports/report.json");
        Run report = ilium("report", "--site", "main", "--format", "json", "--out", json.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.err()).contains("report: reading episodes");
        assertThat(report.out()).contains("patients operated");
        JsonNode r = IliumInstance.json(Files.readString(json));
        assertThat(r.get("patientsOperated").asInt()).isPositive();
        List<String> ids = new ArrayList<>();
        r.get("timepoints").forEach(t -> ids.add(t.get("id").asText()));
        assertThat(ids).containsExactly("baseline", "2w", "6w", "3m", "6m", "12m", "24m", "5y");
        JsonNode baseline = r.get("timepoints").get(0);
        assertThat(baseline.get("n").asInt()).isPositive();
        assertThat(baseline.get("pain").get("mean").asDouble()).isBetween(0.0, 10.0);
        assertThat(baseline.get("pain").get("ci95")).hasSize(2);
        assertThat(baseline.get("odi").get("ci95")).hasSize(2);
        assertThat(r.get("timepoints").get(3).has("clinicallyImportantPain")).isTrue();
        assertThat(r.get("subgroups").get("factors").findValuesAsString("id")).contains("smoking");

        Path csv = work.resolve("raw.csv");
        Run raw = ilium("report", "--format", "csv", "--out", csv.toString());
        assertThat(raw.exit()).as(raw.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("record,episode_id,patient_id,date,seq,c1,c2,c3,c4,c5");
        assertThat(lines).anyMatch(l -> l.startsWith("response,")).anyMatch(l -> l.startsWith("episode,"));
        assertThat(lines.stream().filter(l -> l.startsWith("episode,")).count()).isEqualTo(r.get("episodesOperated").asLong());

        Run pdf = ilium("report", "--format", "pdf", "--out", work.resolve("r.pdf").toString());
        assertThat(pdf.exit()).as(pdf.err()).isZero();
        assertThat(new String(Files.readAllBytes(work.resolve("r.pdf")), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Run docx = ilium("report", "--format", "docx", "--out", work.resolve("r.docx").toString());
        assertThat(docx.exit()).isEqualTo(64);
        assertThat(docx.err()).contains("--format must be one of");
        assertThat(Files.exists(work.resolve("r.docx"))).isFalse();
        Run badDate = ilium("report", "--format", "json", "--from", "2024-13-01", "--out", work.resolve("x.json").toString());
        assertThat(badDate.exit()).isEqualTo(64);
        assertThat(badDate.err()).contains("--from must be a date");
        Run badApproach = ilium("report", "--format", "json", "--approach", "robotic", "--out", work.resolve("x.json").toString());
        assertThat(badApproach.exit()).isEqualTo(64);
        assertThat(badApproach.err()).contains("--approach must be one of");
        assertThat(Files.exists(work.resolve("x.json"))).isFalse();
    }
}
