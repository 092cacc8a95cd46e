package org.ilium.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.ilium.candidacy.EvaluationBenchmark;
import org.ilium.candidacy.Reevaluation;
import org.ilium.candidacy.SyntheticCases;
import org.ilium.patient.PatientBulkRepository;
import org.ilium.patient.domain.EpisodeOfCare;
import org.ilium.patient.domain.PatientDetails;
import org.ilium.patient.domain.Sex;
import org.ilium.shared.Actor;
import org.ilium.workup.WorkupBulkRepository;
import org.ilium.workup.WorkupService;
import org.ilium.workup.domain.WorkupCase;
import org.ilium.workup.domain.WorkupItem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ilium bench ...}: speed and memory figures, printed with their targets; never part of the tests. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, exitCodeOnInvalidInput = 64,
        description = "Measure Ilium's speed on this machine and print the figures against their targets.",
        subcommands = {BenchCommand.Evaluate.class, BenchCommand.Reevaluate.class, BenchImport.class, BenchExport.class, ReportBench.class,
                SynthBench.class})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 64;
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 64,
            description = "Candidacy evaluations per second in process (target: 50,000 per core).")
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--cases", defaultValue = "10000", description = "Synthetic cases (default ${DEFAULT-VALUE}).")
        int cases;

        @Option(names = "--threads", defaultValue = "1", description = "Threads (default ${DEFAULT-VALUE}).")
        int threads;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (cases < 1 || threads < 1) {
                spec.commandLine().getErr().println("ilium bench evaluate: --cases and --threads must be at least 1");
                return 64;
            }
            spec.commandLine().getOut().print(EvaluationBenchmark.run(cases, threads));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "reevaluate", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 64,
            description = {"Re-evaluate stored episodes against every policy in effect (target: 100,000 in 10 s).",
                    "Loads synthetic episodes with their work-up into an embedded database first (kept with --data-dir)."})
    static final class Reevaluate implements Callable<Integer> {
        static final double TARGET_SECONDS_PER_100K = 10.0;

        @Option(names = "--episodes", defaultValue = "100000", description = "Episodes (default ${DEFAULT-VALUE}).")
        int episodes;

        @Option(names = "--threads", defaultValue = "2", description = "Evaluation threads (default ${DEFAULT-VALUE}).")
        int threads;

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
            if (episodes < 1 || threads < 1 || runs < 1) {
                spec.commandLine().getErr().println("ilium bench reevaluate: --episodes, --threads and --runs must be at least 1");
                return 64;
            }
            try (BenchDatabase db = BenchDatabase.open(dataDir)) {
                return db.callAsActor(() -> run(db.context(), db.actor(), out));
            }
        }

        private int run(ConfigurableApplicationContext context, Actor actor, PrintWriter out) {
            WorkupService workup = context.getBean(WorkupService.class);
            Reevaluation reevaluation = context.getBean(Reevaluation.class);
            LocalDate date = EvaluationBenchmark.EVALUATION_DATE;
            long stored = workup.forEachCase(c -> { });
            if (stored < episodes) {
                load(context, actor, (int) stored, episodes, date, out);
            } else if (stored > episodes) {
                out.printf(Locale.ROOT, "note: the data directory holds %,d episodes; all of them are measured%n", stored);
            }
            out.println("Re-evaluation benchmark");
            long t0 = System.nanoTime();
            long streamed = workup.forEachCase(c -> { });
            double streamSeconds = (System.nanoTime() - t0) / 1e9;
            reevaluation.run(date, threads);
            List<Reevaluation.Summary> results = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                results.add(reevaluation.run(date, threads));
            }
            results.sort(java.util.Comparator.comparingLong(Reevaluation.Summary::nanos));
            Reevaluation.Summary median = results.get(results.size() / 2);
            double seconds = median.nanos() / 1e9;
            double per100k = seconds * 100_000 / median.episodes();
            out.printf(Locale.ROOT, "  episodes:                 %,d stored (%d processors), %,d policies in effect on %s%n", median.episodes(),
                    Runtime.getRuntime().availableProcessors(), median.byPolicy().size(), date);
            out.printf(Locale.ROOT, "  stream only:              %,d episodes read and parsed in %.2f s%n", streamed, streamSeconds);
            out.printf(Locale.ROOT, "  re-evaluation, %d runs:    median %.2f s, best %.2f s, worst %.2f s (%,d evaluations, %d threads)%n", runs,
                    seconds, results.get(0).nanos() / 1e9, results.get(results.size() - 1).nanos() / 1e9, median.evaluations(), threads);
            out.printf(Locale.ROOT, "  per 100,000 episodes:     %.2f s = %.2f of the %.0f s target (%.0f episodes/s)%n", per100k,
                    per100k / TARGET_SECONDS_PER_100K, TARGET_SECONDS_PER_100K, median.episodes() / seconds);
            median.byPolicy().forEach((policy, counts) -> out.printf(Locale.ROOT, "  %-25s %s%n", policy + ":", counts));
            out.flush();
            return 0;
        }

        /** Synthetic cases (fixed seeds, so every run loads the same data), stored in chunks with progress. */
        static void load(ConfigurableApplicationContext context, Actor actor, int from, int to, LocalDate date, PrintWriter out) {
            PatientBulkRepository patients = context.getBean(PatientBulkRepository.class);
            WorkupBulkRepository records = context.getBean(WorkupBulkRepository.class);
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);
            int chunk = 2_000;
            long t0 = System.nanoTime();
            long recordCount = 0;
            for (int start = from; start < to; start += chunk) {
                int size = Math.min(chunk, to - start);
                List<WorkupCase> cases = SyntheticCases.generate(size, EvaluationBenchmark.SEED + start, date);
                List<PatientBulkRepository.NewPathway> episodes = new ArrayList<>(size);
                List<WorkupBulkRepository.NewRecord> rows = new ArrayList<>(size * 20);
                Instant now = Instant.now();
                for (int i = 0; i < size; i++) {
                    WorkupCase c = cases.get(i);
                    UUID patientId = UUID.randomUUID();
                    EpisodeOfCare.Moved referred = EpisodeOfCare.refer(UUID.randomUUID(), patientId, c.side(), "benchmark referral", actor,
                            now);
                    PatientDetails details = new PatientDetails("BENCH-" + (start + i), "Synthetic", "Patient " + (start + i),
                            c.birthDate() == null ? LocalDate.of(1960, 1, 1) : c.birthDate(), c.sex() == null ? Sex.UNKNOWN : c.sex(), null,
                            null);
                    episodes.add(new PatientBulkRepository.NewPathway(patientId, details, referred.episode(), List.of(referred.transition())));
                    for (WorkupItem item : c.items()) {
                        rows.add(new WorkupBulkRepository.NewRecord(UUID.randomUUID(), referred.episode().id(), item));
                    }
                }
                recordCount += rows.size();
                tx.executeWithoutResult(status -> {
                    patients.insertPathways(episodes, now);
                    records.insert(rows, actor, now);
                });
                int done = start + size;
                if (done == to || (done - from) % 20_000 < chunk) {
                    out.printf(Locale.ROOT, "loading synthetic episodes: %,d of %,d (%,d records, %.0f s)%n", done, to, recordCount,
                            (System.nanoTime() - t0) / 1e9);
                    out.flush();
                }
            }
        }
    }
}
