package org.ilium.workup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.ilium.patient.domain.Sex;
import org.ilium.patient.domain.Side;
import org.ilium.workup.domain.ConservativeCare;
import org.ilium.workup.domain.FortinFinding;
import org.ilium.workup.domain.Imaging;
import org.ilium.workup.domain.OdiAssessment;
import org.ilium.workup.domain.PainScore;
import org.ilium.workup.domain.PlannedProcedure;
import org.ilium.workup.domain.ProvocationTest;
import org.ilium.workup.domain.RiskFactor;
import org.ilium.workup.domain.SijInjection;
import org.ilium.workup.domain.SymptomHistory;
import org.ilium.workup.domain.WorkupCase;
import org.ilium.workup.domain.WorkupItem;
import org.ilium.workup.domain.WorkupKind;

/**
 * Turns the rows of {@link WorkupRepository#streamCases}, which arrive ordered by episode, into one
 * {@link WorkupCase} per episode. Parsing the payloads is the costly part, so with an executor it runs
 * there in batches of episodes while the calling thread keeps reading rows; the consumer is still
 * called on the calling thread, one case at a time, in episode order.
 */
final class CaseStream implements Consumer<WorkupRepository.CaseRow> {
    /** Episodes per parsing task. */
    static final int BATCH = 200;

    private final WorkupPayload payload;
    private final Consumer<WorkupCase> consumer;
    private final ExecutorService workers;
    private final int maxInFlight;
    private final ArrayDeque<Future<List<WorkupCase>>> inFlight = new ArrayDeque<>();
    private List<WorkupRepository.CaseRow> episode = new ArrayList<>();
    private List<List<WorkupRepository.CaseRow>> batch = new ArrayList<>();
    private long delivered;

    /** {@code workers} null parses on the calling thread. */
    CaseStream(WorkupPayload payload, Consumer<WorkupCase> consumer, ExecutorService workers, int maxInFlight) {
        this.payload = payload;
        this.consumer = consumer;
        this.workers = workers;
        this.maxInFlight = maxInFlight;
    }

    @Override
    public void accept(WorkupRepository.CaseRow row) {
        if (!episode.isEmpty() && episode.get(0).episode() != row.episode()) {
            endEpisode();
        }
        episode.add(row);
    }

    /** Delivers what is left; returns the number of cases delivered in all. */
    long finish() {
        if (!episode.isEmpty()) {
            endEpisode();
        }
        if (!batch.isEmpty()) {
            submit();
        }
        while (!inFlight.isEmpty()) {
            deliver(await(inFlight.poll()));
        }
        return delivered;
    }

    /** Abandons parsing still under way (after a failure). */
    void cancel() {
        inFlight.forEach(f -> f.cancel(true));
        inFlight.clear();
    }

    private void endEpisode() {
        batch.add(episode);
        episode = new ArrayList<>();
        if (batch.size() >= BATCH) {
            submit();
        }
    }

    private void submit() {
        List<List<WorkupRepository.CaseRow>> work = batch;
        batch = new ArrayList<>();
        if (workers == null) {
            deliver(assemble(work));
            return;
        }
        inFlight.add(workers.submit(() -> assemble(work)));
        while (!inFlight.isEmpty() && (inFlight.peek().isDone() || inFlight.size() > maxInFlight)) {
            deliver(await(inFlight.poll()));
        }
    }

    private void deliver(List<WorkupCase> cases) {
        for (WorkupCase c : cases) {
            consumer.accept(c);
            delivered++;
        }
    }

    private List<WorkupCase> assemble(List<List<WorkupRepository.CaseRow>> episodes) {
        List<WorkupCase> cases = new ArrayList<>(episodes.size());
        for (List<WorkupRepository.CaseRow> rows : episodes) {
            cases.add(assemble(rows, payload));
        }
        return cases;
    }

    /** One episode's rows (all of the same episode, records in any order) as a case, each kind by date and order of recording. */
    static WorkupCase assemble(List<WorkupRepository.CaseRow> rows, WorkupPayload payload) {
        WorkupRepository.CaseHeader episode = rows.get(0).episode();
        Map<WorkupKind, List<Read>> items = new EnumMap<>(WorkupKind.class);
        for (WorkupRepository.CaseRow row : rows) {
            if (row.recordId() != null) {
                WorkupKind kind = WorkupRepository.kind(row.kind());
                items.computeIfAbsent(kind, k -> new ArrayList<>())
                        .add(new Read(payload.read(kind, row.recordId(), row.recordedBy(), row.payload()), row.seq()));
            }
        }
        return new WorkupCase(episode.episodeId().toString(), episode.birthDate(), Sex.fromCode(episode.sex()).orElseThrow(),
                Side.fromCode(episode.side()).orElseThrow(),
                list(items, WorkupKind.PAIN_SCORES, PainScore.class), list(items, WorkupKind.ODI, OdiAssessment.class),
                list(items, WorkupKind.PROVOCATION_TESTS, ProvocationTest.class), list(items, WorkupKind.FORTIN, FortinFinding.class),
                list(items, WorkupKind.INJECTIONS, SijInjection.class), list(items, WorkupKind.CONSERVATIVE_CARE, ConservativeCare.class),
                list(items, WorkupKind.IMAGING, Imaging.class), list(items, WorkupKind.RISK_FACTORS, RiskFactor.class),
                list(items, WorkupKind.SYMPTOM_HISTORY, SymptomHistory.class),
                list(items, WorkupKind.PLANNED_PROCEDURES, PlannedProcedure.class));
    }

    /** A record read back, with its place in the order of recording. */
    private record Read(WorkupItem item, long seq) {
    }

    private static final Comparator<Read> BY_DATE = Comparator.comparing((Read r) -> r.item().date()).thenComparingLong(Read::seq);

    private static <T> List<T> list(Map<WorkupKind, List<Read>> items, WorkupKind kind, Class<T> type) {
        List<Read> of = items.get(kind);
        if (of == null) {
            return List.of();
        }
        of.sort(BY_DATE);
        List<T> typed = new ArrayList<>(of.size());
        for (Read read : of) {
            typed.add(type.cast(read.item()));
        }
        return typed;
    }

    private static List<WorkupCase> await(Future<List<WorkupCase>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading work-up cases", e);
        } catch (CancellationException e) {
            throw new IllegalStateException("reading work-up cases was cancelled", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
