package org.ilium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ilium.testing.PackagedJar;
import org.ilium.testing.PackagedJar.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ilium import} killed with SIGKILL mid-way loses nothing it committed, and a re-run completes the import with no
 * duplicates: the data directory then exports exactly what a clean single import exports.
 */
class ImportCrashIT {
    static final int BUNDLES = 300;
    @TempDir
    Path work;

    private static Map<String, String> env(Path dataDir) {
        return PackagedJar.env(dataDir, "crash-test-password");
    }

    private String run(Path dataDir, String... args) throws Exception {
        Run run = PackagedJar.run(work, env(dataDir), Duration.ofSeconds(300), args);
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out();
    }

    @Test
    void aKilledImportLosesNothingCommittedAndAReRunCompletesItWithoutDuplicates() throws Exception {
        Path input = Files.createDirectories(work.resolve("in"));
        for (int i = 0; i < BUNDLES; i++) {
            Files.writeString(input.resolve(String.format("b%04d.json", i)), bundle(i));
        }
        Path crashed = work.resolve("crashed");
        Path err = work.resolve("killed-err.txt");
        Process p = PackagedJar.command(env(crashed), "import", "--site", "main", "--json", input.toString())
                .redirectOutput(work.resolve("killed-out.txt").toFile()).redirectError(err.toFile()).start();
        Pattern files = Pattern.compile("(\\d+)/" + BUNDLES + " files");
        int committed = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (committed < BUNDLES / 5 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            Matcher m = files.matcher(Files.readString(err));
            while (m.find()) {
                committed = Integer.parseInt(m.group(1));
            }
        }
        assertThat(p.isAlive()).as("the import must still be running when killed: " + Files.readString(err)).isTrue();
        p.destroyForcibly(); // SIGKILL: no shutdown hook, the Bundle in flight is rolled back by PostgreSQL
        p.waitFor(30, TimeUnit.SECONDS);
        assertThat(committed).isBetween(BUNDLES / 5, BUNDLES - 1);
        System.out.println("killed after " + committed + " of " + BUNDLES + " files were reported done");

        JsonNode rerun = summary(run(crashed, "import", "--site", "main", "--json", input.toString()));
        long stored = rerun.path("stored").path("Patient").asLong();
        long unchanged = rerun.path("unchanged").path("Patient").asLong();
        System.out.println("re-run: stored " + rerun.get("stored") + ", unchanged " + rerun.get("unchanged"));
        assertThat(rerun.get("rejected")).isEmpty();
        assertThat(unchanged).as("what the killed run committed is kept").isGreaterThanOrEqualTo(committed);
        assertThat(stored).as("the re-run imports the rest").isPositive();
        assertThat(stored + unchanged).isEqualTo(BUNDLES);

        Path clean = work.resolve("clean");
        JsonNode once = summary(run(clean, "import", "--site", "main", "--json", input.toString()));
        assertThat(once.get("stored").get("Patient").asInt()).isEqualTo(BUNDLES);

        // no duplicates, nothing lost: both data directories export the same number of resources of each type
        Map<String, Long> afterCrash = exported(crashed, work.resolve("export-crashed"));
        Map<String, Long> afterClean = exported(clean, work.resolve("export-clean"));
        System.out.println("exported after crash and re-run: " + afterCrash + "; after a clean import: " + afterClean);
        assertThat(afterCrash).isEqualTo(afterClean);
        assertThat(afterClean.get("Patient")).isEqualTo(BUNDLES);
        assertThat(afterClean.get("Observation")).isEqualTo(3L * BUNDLES);
    }

    /** The JSON summary line; anything else on stdout (the embedded database's log after the kill) is shown. */
    private static JsonNode summary(String out) {
        List<String> lines = out.lines().toList();
        lines.stream().filter(l -> !l.startsWith("{")).forEach(l -> System.out.println("stdout: " + l));
        return JsonMapper.builder().build().readTree(lines.stream().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow());
    }

    private Map<String, Long> exported(Path dataDir, Path out) throws Exception {
        run(dataDir, "export", "--site", "main", "--out", out.toString());
        Map<String, Long> counts = new TreeMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                try (Stream<String> lines = Files.lines(f)) {
                    counts.put(f.getFileName().toString().replace(".ndjson", ""), lines.filter(l -> !l.isBlank()).count());
                }
            }
        }
        return counts;
    }

    /** A patient with a pain score, a smoking status and a BMI. */
    static String bundle(int i) {
        String patient = "p-" + i;
        String subject = "\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"effectiveDateTime\":\"2025-03-0" + (1 + i % 9) + "\"";
        return "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"" + patient + "\",\"identifier\":[{\"value\":\"CRASH-" + i + "\"}],"
                + "\"name\":[{\"family\":\"Crash\",\"given\":[\"Pat" + i + "\"]}],\"gender\":\"male\",\"birthDate\":\"1965-02-03\"}},"
                + "{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"pain-" + i + "\",\"status\":\"final\",\"code\":{\"coding\":[{"
                + "\"system\":\"http://loinc.org\",\"code\":\"72514-3\"}]}," + subject + ",\"valueQuantity\":{\"value\":" + (i % 11) + "}}},"
                + "{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"smoke-" + i + "\",\"status\":\"final\",\"code\":{\"coding\":[{"
                + "\"system\":\"http://loinc.org\",\"code\":\"72166-2\"}]}," + subject + ",\"valueCodeableConcept\":{\"coding\":[{"
                + "\"system\":\"http://snomed.info/sct\",\"code\":\"266919005\"}]}}},"
                + "{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"bmi-" + i + "\",\"status\":\"final\",\"code\":{\"coding\":[{"
                + "\"system\":\"http://loinc.org\",\"code\":\"39156-5\"}]}," + subject + ",\"valueQuantity\":{\"value\":27.5,"
                + "\"unit\":\"kg/m2\"}}}]}";
    }
}
