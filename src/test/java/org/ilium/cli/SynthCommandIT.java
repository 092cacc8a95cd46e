package org.ilium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.ilium.testing.PackagedJar;
import org.ilium.testing.PackagedJar.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ilium synth} as a process on the packaged jar: progress bar, summary with patients/s, refusal of the same seed, usage errors. */
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
}
