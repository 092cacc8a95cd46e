package org.ilium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.ilium.testing.PackagedJar;
import org.ilium.testing.PackagedJar.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ilium export} as a process on the packaged jar, after an {@code ilium import}: NDJSON per type and the progress line. */
class ExportCommandIT {
    @TempDir
    Path work;

    private Run ilium(String... args) throws Exception {
        return PackagedJar.run(work, PackagedJar.env(work.resolve("data"), "export-test-password"), Duration.ofSeconds(180), args);
    }

    @Test
    void writesNdjsonPerTypeWithAProgressLine() throws Exception {
        Path input = work.resolve("clbp-patient.json");
        try (InputStream in = ExportCommandIT.class.getResourceAsStream("/fhir/clbp-patient.json")) {
            Files.copy(in, input);
        }
        Run imported = ilium("import", "--site", "main", input.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();

        Path out = work.resolve("export");
        Run exported = ilium("export", "--site", "main", "--out", out.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(exported.err()).contains("export 1/1 patients");
        assertThat(exported.out()).contains("Patient.ndjson").contains("Observation.ndjson");
        assertThat(Files.readAllLines(out.resolve("Patient.ndjson"))).hasSize(1).allMatch(l -> l.startsWith("{\"resourceType\":\"Patient\""));

        Path only = work.resolve("patients-only");
        Run typed = ilium("export", "--site", "main", "--out", only.toString(), "--type", "Patient");
        assertThat(typed.exit()).as(typed.err()).isZero();
        try (var files = Files.list(only)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("Patient.ndjson");
        }
        assertThat(ilium("export", "--out", only.toString(), "--type", "Claim").exit()).isEqualTo(64);

        // --since: nothing changed after a future instant, so no file; a bad instant is bad usage
        Path since = work.resolve("since");
        Run later = ilium("export", "--site", "main", "--out", since.toString(), "--since", "2999-01-01T00:00:00Z");
        assertThat(later.exit()).as(later.err()).isZero();
        try (var files = Files.list(since)) {
            assertThat(files.toList()).isEmpty();
        }
        Run earlier = ilium("export", "--site", "main", "--out", since.toString(), "--since", "2000-01-01T00:00:00Z");
        assertThat(earlier.exit()).as(earlier.err()).isZero();
        assertThat(Files.readAllLines(since.resolve("Patient.ndjson"))).hasSize(1);
        assertThat(ilium("export", "--out", since.toString(), "--since", "yesterday").exit()).isEqualTo(64);
    }
}
