package org.ilium.candidacy;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.ilium.candidacy.domain.CandidacyEvaluator;
import org.ilium.candidacy.domain.Determination;
import org.ilium.candidacy.domain.Outcome;
import org.ilium.candidacy.domain.Policy;
import org.ilium.workup.WorkupService;
import org.ilium.workup.domain.WorkupCase;
import org.springframework.stereotype.Service;

/**
 * Decides every episode of the caller's site again under every policy in effect, for instance after a
 * policy changed. The database stream feeds batches of cases to evaluation threads, so reading and
 * deciding overlap; memory stays bounded by a few batches in flight.
 */
@Service
public class Reevaluation {
    static final int BATCH = 500;

    /** How many episodes each policy finds eligible, not eligible or incomplete. */
    public record Summary(LocalDate date, long episodes, long evaluations, Map<String, Map<Outcome, Long>> byPolicy, long nanos) {
    }

    private final WorkupService workup;
    private final CandidacyContent content;

    Reevaluation(WorkupService workup, CandidacyContent content) {
        this.workup = workup;
        this.content = content;
    }

    public Summary run(LocalDate date, int threads) {
        List<Policy> policies = content.policies().activeOn(date);
        CandidacyEvaluator evaluator = content.evaluator();
        Map<String, Map<Outcome, LongAdder>> tally = new LinkedHashMap<>();
        for (Policy p : policies) {
            Map<Outcome, LongAdder> counts = new LinkedHashMap<>();
            for (Outcome o : Outcome.values()) {
                counts.put(o, new LongAdder());
            }
            tally.put(p.id(), counts);
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "reevaluation");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<?>> inFlight = new ArrayDeque<>();
        List<List<WorkupCase>> pending = new ArrayList<>(List.of(new ArrayList<>()));
        try {
            long episodes = workup.forEachCase(c -> {
                List<WorkupCase> batch = pending.get(0);
                batch.add(c);
                if (batch.size() == BATCH) {
                    submit(pool, inFlight, batch, evaluator, policies, date, tally, threads);
                    pending.set(0, new ArrayList<>(BATCH));
                }
            });
            if (!pending.get(0).isEmpty()) {
                submit(pool, inFlight, pending.get(0), evaluator, policies, date, tally, threads);
            }
            while (!inFlight.isEmpty()) {
                await(inFlight.poll());
            }
            Map<String, Map<Outcome, Long>> byPolicy = new LinkedHashMap<>();
            tally.forEach((policy, counts) -> {
                Map<Outcome, Long> sums = new LinkedHashMap<>();
                counts.forEach((o, n) -> sums.put(o, n.sum()));
                byPolicy.put(policy, sums);
            });
            return new Summary(date, episodes, episodes * policies.size(), byPolicy, System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void submit(ExecutorService pool, ArrayDeque<Future<?>> inFlight, List<WorkupCase> batch,
            CandidacyEvaluator evaluator, List<Policy> policies, LocalDate date, Map<String, Map<Outcome, LongAdder>> tally,
            int threads) {
        while (inFlight.size() >= 2 * threads) {
            await(inFlight.poll());
        }
        inFlight.add(pool.submit(() -> {
            for (WorkupCase c : batch) {
                for (Determination d : evaluator.evaluateAll(c, policies, date)) {
                    tally.get(d.policyId()).get(d.outcome()).increment();
                }
            }
        }));
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("re-evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("re-evaluation failed", e.getCause());
        }
    }
}
