package org.ilium.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ilium.outcomes.cohort.CohortSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ilium bench synth --patients N [--data-dir DIR]}: writes a synthetic cohort (as {@code ilium synth}) into a fresh
 * benchmark database and prints patients per second against the 2,000 target, overall and per half of the run, with
 * the CPU time of the JVM and of the PostgreSQL processes per patient (the figure that matters on a loaded machine).
 */
@Command(name = "synth", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 64,
        description = {"Time writing a synthetic cohort (target: 2,000 patients per second), overall and per half of the run (the",
                "first half warms up the JIT compiler), with the CPU time per patient of Java and of PostgreSQL. Uses a temporary",
                "database, deleted afterwards, unless --data-dir is given."})
final class SynthBench implements Callable<Integer> {
    static final double TARGET = 2_000;
    static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

    @Option(names = "--patients", defaultValue = "100000", paramLabel = "N", description = "Patients to write (default ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Write into this data directory (kept; a new seed each run). "
            + "Default: a temporary directory, deleted afterwards. Never point this at a clinic's data.")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (patients < 1 || patients > org.ilium.outcomes.cohort.SyntheticCohort.MAX_PATIENTS) {
            err.println("ilium bench synth: --patients must be from 1 to " + org.ilium.outcomes.cohort.SyntheticCohort.MAX_PATIENTS);
            return 64;
        }
        try (BenchDatabase db = BenchDatabase.open(dataDir)) {
            // a reused data directory gets a new cohort (seed) each run
            long seed = dataDir == null ? 1 : System.currentTimeMillis();
            long java0 = javaCpuNanos();
            long pg0 = postgresCpuNanos(db.dir());
            // the second half runs on code the JIT compiler has compiled: its speed is what a large cohort sees
            long t0 = System.nanoTime();
            long[] half = new long[2];
            CohortSummary s = SynthCommand.fill(db.context(), db.site(), patients, seed, TODAY, err, (done, total) -> {
                if (half[1] == 0 && done >= total / 2) {
                    half[0] = done;
                    half[1] = System.nanoTime();
                }
            });
            long t1 = System.nanoTime();
            long java = javaCpuNanos() - java0;
            long pg = postgresCpuNanos(db.dir()) - pg0;
            out.printf(Locale.ROOT, "Synthetic cohort benchmark (%d processors, load average %.1f)%n",
                    Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            out.printf(Locale.ROOT, "  written:   %,d patients (%,d operated, %,d responses) in %.2f s%n", s.patients(), s.operated(),
                    s.responses(), s.seconds());
            out.printf(Locale.ROOT, "  speed:     %,.0f patients/s (target 2,000: %.2fx)%n", s.patientsPerSecond(),
                    s.patientsPerSecond() / TARGET);
            if (half[1] > t0 && t1 > half[1] && half[0] < s.patients()) {
                double second = (s.patients() - half[0]) / ((t1 - half[1]) / 1e9);
                double first = half[0] / ((half[1] - t0) / 1e9);
                out.printf(Locale.ROOT, "  halves:    first %,.0f patients/s (JIT compiler warming up), second %,.0f patients/s (%.2fx)%n", first,
                        second, second / TARGET);
            }
            if (pg >= 0) {
                double javaMs = java / 1e6 / s.patients();
                double pgMs = pg / 1e6 / s.patients();
                out.printf(Locale.ROOT, "  CPU:       %.3f ms Java + %.3f ms PostgreSQL = %.3f ms per patient (at most %,.0f patients/s on "
                        + "%d idle cores)%n", javaMs, pgMs, javaMs + pgMs, Runtime.getRuntime().availableProcessors() * 1000 / (javaMs + pgMs),
                        Runtime.getRuntime().availableProcessors());
            }
            return 0;
        }
    }

    private static long javaCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime()
                : 0;
    }

    /**
     * CPU time of the embedded PostgreSQL of this data directory (its postmaster and backends), or -1 when not
     * found (an external database).
     */
    private static long postgresCpuNanos(Path dir) {
        String marker = dir.toAbsolutePath().toString();
        Optional<ProcessHandle> postmaster = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker) && c.contains("postgres")).orElse(false))
                .findFirst();
        if (postmaster.isEmpty()) {
            return -1;
        }
        long total = cpu(postmaster.get());
        for (ProcessHandle child : postmaster.get().children().toList()) {
            total += cpu(child);
        }
        return total;
    }

    private static long cpu(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
