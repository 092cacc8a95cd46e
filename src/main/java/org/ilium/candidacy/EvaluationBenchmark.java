package org.ilium.candidacy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ilium.candidacy.domain.CandidacyEvaluator;
import org.ilium.candidacy.domain.Determination;
import org.ilium.candidacy.domain.Outcome;
import org.ilium.candidacy.domain.Policy;
import org.ilium.workup.domain.WorkupCase;

/**
 * In-process throughput of the candidacy evaluator: synthetic cases (fixed seed) evaluated against every
 * policy active on the evaluation date, first each case against all policies on one view
 * ({@code evaluateAll}), then case by case and policy by policy ({@code evaluate}). A command prints the
 * report; tests never assert timings.
 */
public final class EvaluationBenchmark {
    /** The seed of the synthetic cases: the same cases every run. */
    public static final long SEED = 20_261_121L;
    public static final LocalDate EVALUATION_DATE = LocalDate.of(2026, 3, 2);
    /** Issue 3: at least 50,000 case evaluations per second per core, in process. */
    static final int TARGET_PER_CORE = 50_000;
    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final long MEASURE_NANOS = 3_000_000_000L;

    private EvaluationBenchmark() {
    }

    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        System.out.print(run(cases, threads));
    }

    /**
     * Generates {@code cases} synthetic cases, warms up, then measures with {@code threads} threads for a few
     * seconds per mode; returns the report as text.
     */
    public static String run(int cases, int threads) {
        return run(cases, threads, WARM_UP_NANOS, MEASURE_NANOS);
    }

    static String run(int cases, int threads, long warmUpNanos, long measureNanos) {
        if (cases < 1 || threads < 1) {
            throw new IllegalArgumentException("cases and threads must be at least 1");
        }
        long loadStart = System.nanoTime();
        CandidacyContent content = CandidacyContent.load(null);
        long loadNanos = System.nanoTime() - loadStart;
        CandidacyEvaluator evaluator = content.evaluator();
        List<Policy> policies = content.policies().activeOn(EVALUATION_DATE);
        if (policies.isEmpty()) {
            throw new IllegalStateException("no policy is active on " + EVALUATION_DATE);
        }
        List<WorkupCase> workups = SyntheticCases.generate(cases, SEED, EVALUATION_DATE);

        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (WorkupCase c : workups) {
            for (Determination d : evaluator.evaluateAll(c, policies, EVALUATION_DATE)) {
                outcomes.merge(d.outcome(), 1, Integer::sum);
            }
        }
        measure(evaluator, workups, policies, 1, true, warmUpNanos);
        measure(evaluator, workups, policies, 1, false, warmUpNanos / 2);
        Result all = measure(evaluator, workups, policies, threads, true, measureNanos);
        Result single = measure(evaluator, workups, policies, threads, false, measureNanos);

        int cores = Math.min(threads, Runtime.getRuntime().availableProcessors());
        StringBuilder out = new StringBuilder();
        out.append("Candidacy evaluation benchmark\n");
        out.append(line("content loaded", String.format(Locale.ROOT, "%d policies active on %s (%s), in %.0f ms", policies.size(),
                EVALUATION_DATE, ids(policies), loadNanos / 1e6)));
        out.append(line("cases", String.format(Locale.ROOT, "%,d synthetic (seed %d)", cases, SEED)));
        out.append(line("threads", threads + " (" + Runtime.getRuntime().availableProcessors() + " processors available; per core = "
                + "overall / " + cores + ")"));
        int total = cases * policies.size();
        out.append(line("outcomes", String.format(Locale.ROOT, "eligible %.1f %%, incomplete %.1f %%, not eligible %.1f %%",
                share(outcomes, Outcome.ELIGIBLE, total), share(outcomes, Outcome.INCOMPLETE, total),
                share(outcomes, Outcome.NOT_ELIGIBLE, total))));
        out.append(all.describe("evaluateAll (one view per case)", cores));
        out.append(single.describe("evaluate (one policy per call)", cores));
        return out.toString();
    }

    private static String ids(List<Policy> policies) {
        StringBuilder out = new StringBuilder();
        for (Policy p : policies) {
            out.append(out.length() > 0 ? ", " : "").append(p.id());
        }
        return out.toString();
    }

    private static double share(Map<Outcome, Integer> outcomes, Outcome o, int total) {
        return outcomes.getOrDefault(o, 0) * 100.0 / total;
    }

    private static String line(String label, String value) {
        return String.format(Locale.ROOT, "  %-34s %s%n", label + ":", value);
    }

    private record Result(long evaluations, long nanos) {
        double perSecond() {
            return evaluations * 1e9 / nanos;
        }

        String describe(String label, int cores) {
            return line(label, String.format(Locale.ROOT,
                    "%,.0f evaluations/s overall, %,.0f per core = %.1f x the target of %,d (%,d in %.2f s; %.2f us each)",
                    perSecond(), perSecond() / cores, perSecond() / cores / TARGET_PER_CORE, TARGET_PER_CORE, evaluations,
                    nanos / 1e9, nanos / 1e3 / evaluations * cores));
        }
    }

    /** Each thread goes round the cases (from its own starting point) until the time is up. */
    private static Result measure(CandidacyEvaluator evaluator, List<WorkupCase> cases, List<Policy> policies, int threads,
            boolean allAtOnce, long nanos) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "candidacy-benchmark");
            t.setDaemon(true);
            return t;
        });
        try {
            long start = System.nanoTime();
            long deadline = start + nanos;
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = (int) ((long) cases.size() * t / threads);
                Callable<long[]> work = () -> {
                    long evaluations = 0;
                    long sink = 0;
                    int i = offset;
                    while (System.nanoTime() < deadline) {
                        for (int k = 0; k < 64; k++) {
                            WorkupCase c = cases.get(i);
                            if (allAtOnce) {
                                List<Determination> ds = evaluator.evaluateAll(c, policies, EVALUATION_DATE);
                                sink += ds.get(ds.size() - 1).criteria().size();
                                evaluations += ds.size();
                            } else {
                                for (Policy p : policies) {
                                    sink += evaluator.evaluate(c, p, EVALUATION_DATE).criteria().size();
                                    evaluations++;
                                }
                            }
                            i = i + 1 == cases.size() ? 0 : i + 1;
                        }
                    }
                    return new long[] {evaluations, sink};
                };
                futures.add(pool.submit(work));
            }
            long evaluations = 0;
            for (Future<long[]> f : futures) {
                evaluations += f.get()[0];
            }
            return new Result(evaluations, System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("benchmark failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
