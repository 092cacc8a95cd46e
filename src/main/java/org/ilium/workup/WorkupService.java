package org.ilium.workup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.ilium.patient.PatientService;
import org.ilium.patient.domain.EpisodeOfCare;
import org.ilium.patient.domain.EpisodeStatus;
import org.ilium.shared.Actor;
import org.ilium.shared.ConflictException;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.NotFoundException;
import org.ilium.shared.web.IfMatch;
import org.ilium.workup.domain.WorkupCase;
import org.ilium.workup.domain.WorkupItem;
import org.ilium.workup.domain.WorkupKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The work-up of an episode: recording, correcting (each correction a new version, the earlier ones
 * kept) and reading records, and loading whole cases for the candidacy evaluator. Each use case runs
 * in one transaction, so a refused request leaves nothing behind. Records are written by the current
 * actor, whatever an item's {@code recordedBy} says.
 */
@Service
public class WorkupService {
    /** Cases parsed ahead of the consumer, in batches, while streaming a site. */
    private static final int MAX_BATCHES_IN_FLIGHT = 8;

    private final WorkupRepository records;
    private final PatientService patients;
    private final WorkupPayload payload;
    private final Clock clock;
    private final int parseThreads;

    WorkupService(WorkupRepository records, PatientService patients, ObjectMapper mapper, Clock clock) {
        this.records = records;
        this.patients = patients;
        this.payload = new WorkupPayload(mapper);
        this.clock = clock;
        // the calling thread reads rows (and the database works for it); the other processors parse
        int processors = Runtime.getRuntime().availableProcessors();
        this.parseThreads = processors > 1 ? processors - 1 : 0;
    }

    /** The latest date a record may carry: today somewhere on Earth. */
    public LocalDate latestToday() {
        return patients.latestToday();
    }

    /**
     * Stores a new record (version 1) under an open episode: 404 for an unknown episode, 409 for a
     * closed one. The item's id is ignored; the stored record gets a new one.
     */
    @Transactional
    public WorkupRecord record(UUID episodeId, WorkupItem item) {
        EpisodeOfCare episode = patients.holdEpisode(episodeId);
        if (episode.status() == EpisodeStatus.CLOSED) {
            throw new ConflictException("Episode " + episodeId + " is closed, so no work-up can be added to it");
        }
        Actor actor = CurrentActor.require();
        UUID id = UUID.randomUUID();
        WorkupKind kind = WorkupKind.of(item);
        String json = payload.write(item, actor.username());
        records.insert(id, episodeId, kind, item.date(), json, item.source(), actor, clock.instant());
        return new WorkupRecord(id, episodeId, kind, 1, payload.read(kind, id.toString(), actor.username(), json));
    }

    /**
     * Replaces a record with a corrected version: {@code ifMatch} must name the current version (428
     * without, 412 when stale). The earlier versions stay in the history. Corrections are allowed on a
     * closed episode too: a registry must be able to fix what it holds, and the history shows that it did.
     */
    @Transactional
    public WorkupRecord correct(UUID episodeId, UUID recordId, WorkupItem item, String reason, String ifMatch) {
        WorkupKind kind = WorkupKind.of(item);
        patients.episode(episodeId);
        WorkupRepository.Row current = records.find(episodeId, kind, recordId, true).orElseThrow(() -> recordNotFound(kind, recordId));
        IfMatch.check(ifMatch, current.version());
        Actor actor = CurrentActor.require();
        int version = current.version() + 1;
        String json = payload.write(item, actor.username());
        records.update(recordId, version, item.date(), json, item.source(), reason, actor, clock.instant());
        return new WorkupRecord(recordId, episodeId, kind, version, payload.read(kind, recordId.toString(), actor.username(), json));
    }

    @Transactional(readOnly = true)
    public WorkupRecord get(UUID episodeId, WorkupKind kind, UUID recordId) {
        patients.episode(episodeId);
        return toRecord(episodeId, records.find(episodeId, kind, recordId, false).orElseThrow(() -> recordNotFound(kind, recordId)));
    }

    /** The current records of one kind, by date and then in the order recorded. */
    @Transactional(readOnly = true)
    public List<WorkupRecord> records(UUID episodeId, WorkupKind kind) {
        patients.episode(episodeId);
        return records.forEpisode(episodeId, kind).stream().map(row -> toRecord(episodeId, row)).toList();
    }

    /** Every current record of the episode by kind (every kind present, perhaps with an empty list). */
    @Transactional(readOnly = true)
    public Map<WorkupKind, List<WorkupRecord>> records(UUID episodeId) {
        patients.episode(episodeId);
        Map<WorkupKind, List<WorkupRecord>> byKind = new EnumMap<>(WorkupKind.class);
        for (WorkupKind kind : WorkupKind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
        for (WorkupRepository.Row row : records.forEpisode(episodeId, null)) {
            byKind.get(row.kind()).add(toRecord(episodeId, row));
        }
        return byKind;
    }

    /** Every version of a record, oldest first. */
    @Transactional(readOnly = true)
    public List<WorkupVersion> history(UUID episodeId, WorkupKind kind, UUID recordId) {
        get(episodeId, kind, recordId);
        return records.versions(recordId).stream()
                .map(v -> new WorkupVersion(v.version(), v.recordedBy(), v.at(), v.reason(),
                        payload.read(kind, recordId.toString(), v.recordedBy(), v.payload())))
                .toList();
    }

    /**
     * The episode as the candidacy evaluator sees it: reference = episode id, the patient's birth date
     * and sex, the episode's side and every current record (ids are the record UUIDs), each kind by date.
     */
    @Transactional(readOnly = true)
    public WorkupCase loadCase(UUID episodeId) {
        List<WorkupRepository.CaseRow> rows = new ArrayList<>();
        records.streamCases(episodeId, rows::add);
        if (rows.isEmpty()) {
            throw new NotFoundException("Episode " + episodeId);
        }
        return CaseStream.assemble(rows, payload);
    }

    /**
     * The cases of several episodes (a page of a bulk export) in one query, each as {@link #loadCase} builds it;
     * episodes not of the caller's site are absent.
     */
    @Transactional(readOnly = true)
    public Map<UUID, WorkupCase> loadCases(Collection<UUID> episodeIds) {
        Map<UUID, WorkupCase> out = new HashMap<>();
        if (episodeIds.isEmpty()) {
            return out;
        }
        CaseStream stream = new CaseStream(payload, c -> out.put(UUID.fromString(c.reference()), c), null, 1);
        records.streamCases(episodeIds.toArray(UUID[]::new), stream);
        stream.finish();
        return out;
    }

    /**
     * Every episode of the caller's site as a case, as {@link #loadCase} builds it, in one streaming
     * query ordered by episode id. The consumer is called on this thread, one case at a time; payloads
     * are parsed ahead on other threads when the machine has more than one processor. Returns the number
     * of cases delivered.
     */
    @Transactional(readOnly = true)
    public long forEachCase(Consumer<WorkupCase> consumer) {
        ExecutorService workers = parseThreads == 0 ? null : Executors.newFixedThreadPool(parseThreads, daemonThreads());
        CaseStream stream = new CaseStream(payload, consumer, workers, MAX_BATCHES_IN_FLIGHT * Math.max(1, parseThreads));
        try {
            records.streamCases((UUID) null, stream);
            return stream.finish();
        } finally {
            stream.cancel();
            if (workers != null) {
                workers.shutdownNow();
            }
        }
    }

    private WorkupRecord toRecord(UUID episodeId, WorkupRepository.Row row) {
        return new WorkupRecord(row.id(), episodeId, row.kind(), row.version(),
                payload.read(row.kind(), row.id().toString(), row.recordedBy(), row.payload()));
    }

    private static NotFoundException recordNotFound(WorkupKind kind, UUID id) {
        return new NotFoundException("Work-up record " + id + " of kind " + kind.path());
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "workup-parse-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
