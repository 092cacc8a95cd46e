package org.ilium.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ilium.outcomes.OutcomeReportJson;
import org.ilium.outcomes.OutcomeReports;
import org.ilium.outcomes.cohort.CohortSummary;
import org.ilium.outcomes.cohort.SyntheticCohort;
import org.ilium.outcomes.domain.CohortFilter;
import org.ilium.outcomes.domain.OutcomeReport;
import org.ilium.shared.ConflictException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ilium bench report --patients N [--runs R] [--data-dir DIR]}: the outcome report over a synthetic cohort, cold
 * (first run in the process) and warm (median of the following runs), against the target of 2 s per 100,000 patients
 * (100k in 2 s, 1M in 20 s).
 */
@Command(name = "report", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 64,
        description = {"Time the outcome report over a synthetic cohort (target: 100,000 patients in 2 s warm, 1,000,000 in 20 s).",
                "Generates the synthetic cohort into the data directory first unless it is there (kept with --data-dir)."})
final class ReportBench implements Callable<Integer> {
    static final double TARGET_SECONDS_PER_100K = 2.0;
    static final long SEED = 20_240_101L;
    /** A fixed report date, so that every run over the same data reports the same numbers. */
    static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

    @Option(names = "--patients", defaultValue = "100000", description = "Synthetic patients (default ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--runs", defaultValue = "5", description = "Warm runs after the cold one (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep the benchmark database here and reuse it next time "
            + "(default: a temporary directory, deleted afterwards). Never point this at a clinic's data.")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (patients < 1 || runs < 1) {
            err.println("ilium bench report: --patients and --runs must be at least 1");
            return 64;
        }
        try (BenchDatabase db = BenchDatabase.open(dataDir)) {
            return db.callAsActor(() -> run(db.context(), db.site(), out, err));
        }
    }

    private int run(ConfigurableApplicationContext context, String site, PrintWriter out, PrintWriter err) {
        Path marker = dataDir == null ? null : dataDir.resolve("bench-report-" + patients + ".generated");
        if (marker == null || !Files.exists(marker)) {
            SyntheticCohort cohort = context.getBean(SyntheticCohort.class);
            long t0 = System.nanoTime();
            try {
                CohortSummary s = cohort.generate(site, patients, SEED, AS_OF, (done, total) -> {
                    err.printf(Locale.ROOT, "\r\033[Kgenerating synthetic cohort: %,d of %,d patients, %.0f s", done, total,
                            (System.nanoTime() - t0) / 1e9);
                    err.flush();
                });
                err.println();
                out.printf(Locale.ROOT, "generated %,d patients (%,d operated, %,d responses) in %.0f s (%.0f patients/s)%n", s.patients(),
                        s.operated(), s.responses(), s.seconds(), s.patientsPerSecond());
            } catch (ConflictException e) {
                out.println("the synthetic cohort of this seed is already stored; measuring it as it is");
            }
            if (marker != null) {
                try {
                    Files.writeString(marker, "generated\n");
                } catch (java.io.IOException e) {
                    err.println("note: cannot write " + marker + ": " + e.getMessage());
                }
            }
        }
        OutcomeReports reports = context.getBean(OutcomeReports.class);
        long[] responses = new long[1];
        OutcomeReports.Progress count = (stage, rows) -> {
            if (stage.equals("episodes")) {
                responses[0] = rows;
            }
        };
        long t0 = System.nanoTime();
        OutcomeReport first = reports.report(CohortFilter.all(), AS_OF, count);
        double cold = (System.nanoTime() - t0) / 1e9;
        int jsonBytes = OutcomeReportJson.bytes(first).length;
        List<Double> warm = new ArrayList<>();
        List<Double> reading = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            long[] read = new long[1];
            OutcomeReport r = reports.report(CohortFilter.all(), AS_OF, (stage, rows) -> {
                if (stage.equals("analysis")) {
                    read[0] = System.nanoTime();
                }
            });
            OutcomeReportJson.bytes(r);
            warm.add((System.nanoTime() - t) / 1e9);
            reading.add((read[0] - t) / 1e9);
        }
        reading.sort(null);
        List<Double> sorted = new ArrayList<>(warm);
        sorted.sort(null);
        double median = sorted.get(sorted.size() / 2);
        double target = TARGET_SECONDS_PER_100K * first.patientsOperated() / 100_000.0;
        int allPatients = Math.max(patients, first.patientsOperated());
        target = TARGET_SECONDS_PER_100K * allPatients / 100_000.0;
        out.println("Outcome report benchmark");
        out.printf(Locale.ROOT, "  cohort:        %,d patients operated (%,d episodes), %,d projection rows read, %d processors%n",
                first.patientsOperated(), first.episodesOperated(), responses[0], Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "  cold (1st):    %.2f s (report and JSON of %,d bytes)%n", cold, jsonBytes);
        out.printf(Locale.ROOT, "  warm, %d runs:  median %.2f s, best %.2f s, worst %.2f s%n", runs, median, sorted.get(0),
                sorted.get(sorted.size() - 1));
        out.printf(Locale.ROOT, "  of which:      reading the projection %.2f s (median), analysis and JSON the rest%n", reading.get(reading.size() / 2));
        out.printf(Locale.ROOT, "  target:        %.2f s for %,d patients (2 s per 100,000): median = %.2f of the target%n", target,
                allPatients, median / target);
        out.printf(Locale.ROOT, "  per 100,000:   %.2f s warm%n", median * 100_000 / allPatients);
        out.flush();
        return 0;
    }
}
