package org.ilium.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ilium.candidacy.EvaluationBenchmark;
import org.ilium.interop.fhir.BulkExport;
import org.ilium.interop.fhir.FhirImport;
import org.ilium.patient.PatientSearch;
import org.ilium.patient.PatientService;
import org.ilium.shared.Actor;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ilium bench export}: FHIR Bulk Data export speed (the code path of {@code $export} and {@code ilium export}) in
 * resources written per second, over synthetic patients with their work-up, imported bundles, or both.
 */
@Command(name = "export", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 64,
        description = {"FHIR Bulk Data export speed: resources written as NDJSON per second (target: 20,000/s).",
                "Exports the site of an embedded database: a temporary one, or --data-dir (never a clinic's data), first loaded",
                "with --patients synthetic patients (each an episode with its work-up) and/or the FHIR bundles of --bundles."})
final class BenchExport implements Callable<Integer> {
    static final double TARGET_PER_SECOND = 20_000;

    @Option(names = "--patients", defaultValue = "1000", description = "Synthetic patients to have in the site (default ${DEFAULT-VALUE}; 0: none).")
    int patients;

    @Option(names = "--bundles", paramLabel = "DIR", description = "Also import these FHIR bundles first (not measured).")
    Path bundles;

    @Option(names = "--runs", defaultValue = "3", description = "Measured runs after one warm-up (default ${DEFAULT-VALUE}).")
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
        if (patients < 0 || runs < 1) {
            err.println("ilium bench export: --patients must be at least 0 and --runs at least 1");
            return 64;
        }
        Path files = Files.createTempDirectory("ilium-bench-export-");
        try (BenchDatabase db = BenchDatabase.open(dataDir, "--ilium.reminders.enabled=false")) {
            return db.callAsActor(() -> {
                try {
                    return run(db.context(), db.actor(), out, err, files);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } finally {
            BenchDatabase.deleteQuietly(files);
        }
    }

    private int run(ConfigurableApplicationContext context, Actor actor, PrintWriter out, PrintWriter err, Path files) throws java.io.IOException {
        PatientService patientService = context.getBean(PatientService.class);
        long synthetic = patientService.search(new PatientSearch(null, "Synthetic", null), 0, 1).totalItems();
        if (synthetic < patients) {
            BenchCommand.Reevaluate.load(context, actor, (int) synthetic, patients, EvaluationBenchmark.EVALUATION_DATE, err);
        }
        if (bundles != null) {
            var summary = context.getBean(FhirImport.class).importPaths(List.of(bundles), null);
            err.printf(Locale.ROOT, "imported %s: %,d resources read, %,d stored, %d rejected%n", bundles, summary.readTotal(),
                    summary.storedTotal(), summary.rejected().size());
        }
        BulkExport export = context.getBean(BulkExport.class);
        long total = patientService.search(new PatientSearch(null, null, null), 0, 1).totalItems();
        List<double[]> results = new ArrayList<>(); // seconds, resources, CPU seconds of this process
        // the build machine is shared: CPU time of this process per export (the database server's is not counted)
        // and the load average tell a slow machine from slow code
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double loadBefore = os.getSystemLoadAverage();
        Map<String, Integer> counts = Map.of();
        for (int i = 0; i <= runs; i++) {
            Path target = files.resolve("run-" + i);
            long t0 = System.nanoTime();
            long cpu0 = os.getProcessCpuTime();
            int run = i;
            counts = export.write(target, BulkExport.types(null), null, (done, all, c) -> {
                if (done % 200 == 0 || done == all) {
                    err.printf(Locale.ROOT, "\rexport %s %,d/%,d patients, %.1f s", run == 0 ? "warm-up" : "run " + run, done, all,
                            (System.nanoTime() - t0) / 1e9);
                    err.flush();
                }
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            if (i > 0) {
                results.add(new double[] {seconds, counts.values().stream().mapToInt(Integer::intValue).sum(), cpu});
            }
            BenchDatabase.deleteQuietly(target);
        }
        err.println();
        results.sort(java.util.Comparator.comparingDouble(r -> r[0]));
        double[] median = results.get(results.size() / 2);
        double rate = median[1] / median[0];
        out.println("FHIR Bulk Data export benchmark");
        out.printf(Locale.ROOT, "  site:       %,d patients (%d processors)%n", total, Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "  resources:  %,.0f per export: %s%n", median[1], counts);
        out.printf(Locale.ROOT, "  export, %d runs: median %.2f s, best %.2f s, worst %.2f s%n", runs, median[0], results.get(0)[0],
                results.get(results.size() - 1)[0]);
        out.printf(Locale.ROOT, "  rate:       %,.0f resources/s = %.2f of the %,.0f/s target (%,.0f patients/s)%n", rate,
                rate / TARGET_PER_SECOND, TARGET_PER_SECOND, total / median[0]);
        out.printf(Locale.ROOT, "  CPU:        %.2f s of this process in the median run, %,.0f resources per CPU second (database server not counted)%n",
                median[2], median[1] / median[2]);
        out.printf(Locale.ROOT, "  load:       %.2f before, %.2f after (1-minute load average; %d processors)%n", loadBefore,
                os.getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        out.flush();
        return 0;
    }
}
