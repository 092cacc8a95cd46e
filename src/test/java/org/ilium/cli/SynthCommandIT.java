package org.ilium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.ilium.testing.PackagedJar;
import org.ilium.testing.PackagedJar.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ilium synth} as a process on the packaged jar: progress bar, summary with patients/s, refusal of the same seed, usage
 * errors; and {@code ilium bench synth}'s figures.
 */
class SynthCommandIT {
    @TempDir
    Path work;

    private Run ilium(String... args) throws Exception {
        return PackagedJar.run(work, PackagedJar.env(work.resolve("data"), "synth-test-password"), Duration.ofSeconds(240), args);
    }

    @Test
    void generatesWithProgressAndRefusesTheSameSeedTwice() throws Exception {
        Run first = ilium("synth", "--patients", "1500", "--seed", "5", "--today", "2026-06-30");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).contains("synth [").contains("1,500/1,500 patients").contains("patients/s");
        assertThat(first.out()).contains("Generated 1,500 synthetic patients (seed 5) into site main").contains("patients/s (target 2,000")
                .contains("operated:").contains("responses:");

        Run again = ilium("synth", "--patients", "10", "--seed", "5");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already holds the synthetic cohort of seed 5");

        assertThat(ilium("synth", "--patients", "0").exit()).isEqualTo(64);
        assertThat(ilium("synth", "--patients", "10", "--today", "2999-01-01").exit()).isEqualTo(64);
        assertThat(ilium("synth", "--patients", "10", "--site", "nowhere").exit()).isEqualTo(1);
    }

    @Test
    void theBenchmarkPrintsSpeedPerHalfAndCpuPerPatient() throws Exception {
        Run bench = ilium("bench", "synth", "--patients", "3000");
        assertThat(bench.exit()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("written:   3,000 patients").containsPattern("speed: +[0-9,]+ patients/s \\(target 2,000: ")
                .containsPattern("halves: +first [0-9,]+ patients/s \\(JIT compiler warming up\\), second [0-9,]+ patients/s")
                .containsPattern("CPU: +[0-9.]+ ms Java \\+ [0-9.]+ ms PostgreSQL");
    }
}
