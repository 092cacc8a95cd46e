package org.ilium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ilium.testing.PackagedJar;
import org.ilium.testing.PackagedJar.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ilium import --json} as a process on the packaged jar: the summary object, twice, and the progress line. */
class ImportCommandIT {
    @TempDir
    Path work;

    private Run importJson(Path input) throws Exception {
        return PackagedJar.run(work, PackagedJar.env(work.resolve("data"), "import-test-password"), Duration.ofSeconds(180), "import",
                "--site", "main", "--json", input.toString());
    }

    @Test
    void printsOneJsonSummaryAndASecondRunStoresNothing() throws Exception {
        Path input = work.resolve("in");
        Files.createDirectories(input);
        for (String f : List.of("synthea/Jessie665_Glover433_1e621f4c-db30-c273-49e9-2dcad508a9cb.json.gz", "clbp-patient.json",
                "broken-pain.json")) {
            try (InputStream in = ImportCommandIT.class.getResourceAsStream("/fhir/" + f)) {
                Files.copy(in, input.resolve(Path.of(f).getFileName().toString()));
            }
        }
        Run first = importJson(input);
        assertThat(first.exit()).as(first.err()).isEqualTo(2);
        JsonNode s = JsonMapper.builder().build().readTree(first.out());
        assertThat(s.propertyNames()).contains("bundles", "patients", "read", "stored", "skipped", "rejected", "chronicLowBackPain",
                "currentSmokers", "opioidExposed", "seconds");
        assertThat(s.get("bundles").asInt()).isEqualTo(2);
        assertThat(s.get("patients").asInt()).isEqualTo(2);
        assertThat(s.get("stored").get("Patient").asInt()).isEqualTo(2);
        assertThat(s.get("rejected")).hasSize(1);
        assertThat(s.get("rejected").get(0).get("file").asText()).endsWith("broken-pain.json");
        assertThat(s.get("rejected").get(0).get("entry").asText()).startsWith("entry[1] Observation/");
        assertThat(s.get("chronicLowBackPain").asInt()).isEqualTo(1);
        assertThat(s.get("opioidExposed").asInt()).isEqualTo(1);
        assertThat(s.get("currentSmokers").asInt()).isEqualTo(1);
        assertThat(first.err()).contains("import [").contains("3/3 files");
        System.out.println("ilium import --json: " + first.out().strip());

        Run second = importJson(input);
        JsonNode again = JsonMapper.builder().build().readTree(second.out());
        assertThat(again.get("stored").size()).isZero();
        assertThat(again.get("unchanged").get("Patient").asInt()).isEqualTo(2);
    }

    @Test
    void anUnknownPathIsAnError() throws Exception {
        Run run = importJson(work.resolve("missing"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("No such file or folder");
    }
}
