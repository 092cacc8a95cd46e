package org.ilium.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.ilium.access.AccountService;
import org.ilium.patient.PatientSearch;
import org.ilium.patient.PatientService;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Service;

/**
 * FHIR Bulk Data export: every patient of the current actor's site, a page of patients at a time through
 * {@link FhirExport#everything(List, Instant, Set)} (one query per kind of record and page, the same resources as
 * {@code $everything}), written as one NDJSON file per resource type. {@link #write} does it for the calling thread (the {@code ilium export} command);
 * {@link #start} runs it as a background job for {@code $export}. Jobs are stored (V10) and belong to the site that
 * started them; their files are under {@code <data dir>/bulk-export/<folder>/} until the job is deleted or expires.
 */
@Service
public class BulkExport implements SmartInitializingSingleton, DisposableBean {
    /** The resource types an export can hold, in the order their files are listed. */
    public static final List<String> TYPES = List.of("Patient", "Condition", "EpisodeOfCare", "Observation", "MedicationStatement",
            "Procedure", "Device", "AdverseEvent", "QuestionnaireResponse", "CarePlan", "Questionnaire");
    private static final Logger log = LoggerFactory.getLogger(BulkExport.class);
    private static final int PAGE = 100;
    private static final int THREADS = 3;

    private final FhirExport export;
    private final PatientService patients;
    private final FhirContext fhir;
    private final Path root;
    private final BulkExportRepository jobs;
    private final org.springframework.transaction.support.TransactionTemplate readOnly;
    private final AccountService accounts;
    private final tools.jackson.databind.ObjectMapper json;
    private final ApplicationContext context;
    private final Duration expiry;
    private final Duration sweepInterval;
    private volatile boolean stopping;
    private final Map<UUID, Running> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fhir-bulk-export-expiry");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "fhir-bulk-export");
        t.setDaemon(true);
        return t;
    });

    BulkExport(FhirExport export, PatientService patients, FhirContext fhir, @Value("${ilium.data-dir}") Path dataDir,
            BulkExportRepository jobs, org.springframework.transaction.PlatformTransactionManager transactions, AccountService accounts, tools.jackson.databind.ObjectMapper json, ApplicationContext context,
            @Value("${ilium.bulk-export.expiry:PT24H}") Duration expiry, @Value("${ilium.bulk-export.sweep-interval:PT10M}") Duration sweepInterval) {
        this.jobs = jobs;
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.accounts = accounts;
        this.json = json;
        this.context = context;
        this.expiry = expiry;
        this.sweepInterval = sweepInterval;
        this.export = export;
        this.patients = patients;
        this.fhir = fhir;
        this.root = dataDir.resolve("bulk-export");
    }

    /** Progress of a running export: patients done of the site's total. */
    public interface Progress {
        void patients(int done, long total, Map<String, Integer> counts);
    }

    /** The types asked for ({@code _type}, comma-separated; null or blank: all), checked against {@link #TYPES}. */
    public static Set<String> types(String types) {
        if (types == null || types.isBlank()) {
            return new java.util.LinkedHashSet<>(TYPES);
        }
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String t : types.split(",")) {
            String type = t.strip();
            if (!TYPES.contains(type)) {
                throw new InvalidInputException("_type", "unsupported resource type " + type + "; supported: " + String.join(",", TYPES));
            }
            out.add(type);
        }
        return out;
    }

    /**
     * Writes the NDJSON files of the site's patients into {@code dir} ({@code <Type>.ndjson}, only types with at least one
     * resource) and answers the count per type. With {@code since}, only resources changed after it (their
     * {@code meta.lastUpdated}, see {@link FhirExport#everything(UUID, Instant)}).
     */
    public Map<String, Integer> write(Path dir, Set<String> types, Instant since, Progress progress) throws IOException {
        Files.createDirectories(dir);
        Map<String, Writer> writers = new LinkedHashMap<>();
        Map<String, Integer> counts = new TreeMap<>(Comparator.comparingInt(TYPES::indexOf));
        Set<String> written = ConcurrentHashMap.newKeySet(); // type/id: a Questionnaire is written once, not per patient
        Actor actor = CurrentActor.require();
        long total = patients.search(new PatientSearch(null, null, null), 0, 1).totalItems();
        int pages = (int) ((total + PAGE - 1) / PAGE);
        java.util.concurrent.atomic.AtomicInteger nextPage = new java.util.concurrent.atomic.AtomicInteger();
        int[] done = {0};
        // pages of patients read by THREADS workers, each page in one read-only transaction (one connection, not one per
        // query); the files are written under a lock, so a page's resources stay together
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "fhir-bulk-export-page");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int w = 0; w < THREADS; w++) {
                workers.add(pool.submit(() -> CurrentActor.runAs(actor, () -> {
                    IParser parser = fhir.newJsonParser().setPrettyPrint(false); // a parser is not thread-safe: one per worker
                    // a page's lines per type, encoded straight into buffers kept from page to page (encoding each
                    // resource to its own String cost more in garbage collection than in encoding)
                    Map<String, StringBuilder> buffers = new LinkedHashMap<>();
                    Map<String, Integer> pageCounts = new LinkedHashMap<>();
                    char[] chunk = new char[1 << 13];
                    for (int page = nextPage.getAndIncrement(); page < pages; page = nextPage.getAndIncrement()) {
                        int pageNo = page;
                        // one query per kind of record for the whole page (FhirExport#everything(List, ...))
                        Map<UUID, List<Resource>> batch = readOnly.execute(status -> export.everything(
                                patients.search(new PatientSearch(null, null, null), pageNo, PAGE).items(), since, types));
                        // encoded here, in parallel; only the writing is under the lock, so a page's lines stay together
                        buffers.values().forEach(b -> b.setLength(0));
                        pageCounts.clear();
                        try {
                            for (List<Resource> resources : batch.values()) {
                                for (Resource r : resources) {
                                    String type = r.fhirType();
                                    if (types.contains(type) && written.add(type + "/" + r.getIdElement().getIdPart())) {
                                        StringBuilder b = buffers.computeIfAbsent(type, t -> new StringBuilder(1 << 16));
                                        parser.encodeResourceToWriter(r, new Appender(b));
                                        b.append('\n');
                                        pageCounts.merge(type, 1, Integer::sum);
                                    }
                                }
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        synchronized (writers) {
                            try {
                                for (Map.Entry<String, Integer> typeCount : pageCounts.entrySet()) {
                                    String type = typeCount.getKey();
                                    Writer wr = writers.get(type);
                                    if (wr == null) {
                                        wr = Files.newBufferedWriter(dir.resolve(type + ".ndjson"), StandardCharsets.UTF_8);
                                        writers.put(type, wr);
                                    }
                                    StringBuilder b = buffers.get(type);
                                    for (int from = 0; from < b.length(); from += chunk.length) {
                                        int to = Math.min(b.length(), from + chunk.length);
                                        b.getChars(from, to, chunk, 0);
                                        wr.write(chunk, 0, to - from);
                                    }
                                    counts.merge(type, typeCount.getValue(), Integer::sum);
                                }
                                done[0] += batch.size();
                                if (progress != null) {
                                    progress.patients(done[0], total, counts);
                                }
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }
                })));
            }
            for (Future<?> f : workers) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("export cancelled");
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof UncheckedIOException io) {
                        throw io.getCause();
                    }
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IOException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            synchronized (writers) {
                for (Writer w : writers.values()) {
                    w.close();
                }
            }
        }
        return counts;
    }

    /** A Writer appending to a StringBuilder (no copy, no lock, unlike StringWriter). */
    private static final class Appender extends Writer {
        private final StringBuilder to;

        Appender(StringBuilder to) {
            this.to = to;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            to.append(chars, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) {
            to.append(text, offset, offset + length);
        }

        @Override
        public void write(int c) {
            to.append((char) c);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** A {@code $export} job as the status endpoint sees it: stored state, plus live progress while it runs here. */
    public static final class Job {
        final UUID id;
        final String request;
        final Instant transactionTime;
        final Path dir;
        final int done;
        final long total;
        final Map<String, Integer> counts;
        final String error;
        final boolean finished;
        final Instant expires;

        Job(UUID id, String request, Instant transactionTime, Path dir, int done, long total, Map<String, Integer> counts, String error,
                boolean finished, Instant expires) {
            this.id = id;
            this.request = request;
            this.transactionTime = transactionTime;
            this.dir = dir;
            this.done = done;
            this.total = total;
            this.counts = counts;
            this.error = error;
            this.finished = finished;
            this.expires = expires;
        }

        public UUID id() {
            return id;
        }
    }

    /** A job running in this process: its worker and progress. */
    private static final class Running {
        volatile Future<?> future;
        volatile int done;
        volatile long total;
    }

    /** Starts an export of the current actor's site in the background; the worker acts as the same actor. */
    public Job start(String request, Set<String> types, Instant since) {
        Actor actor = CurrentActor.require();
        UUID id = UUID.randomUUID();
        UUID folder = UUID.randomUUID();
        Instant transactionTime = Instant.now();
        jobs.insert(id, actor.userId(), request, String.join(",", types), since, transactionTime, folder);
        Path dir = root.resolve(folder.toString());
        Running run = new Running();
        running.put(id, run);
        run.future = workers.submit(() -> CurrentActor.runAs(actor, () -> {
            try {
                Map<String, Integer> counts = write(dir, types, since, (done, total, c) -> {
                    run.done = done;
                    run.total = total;
                });
                if (!jobs.done(id, json.writeValueAsString(counts))) {
                    deleteDir(dir); // deleted while it ran
                }
            } catch (IOException | RuntimeException e) {
                if (stopping) {
                    return; // left 'running': the next start marks it failed with the reason
                }
                log.warn("bulk export {} failed", id, e);
                if (!jobs.failed(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())) {
                    deleteDir(dir);
                }
            } finally {
                running.remove(id);
            }
        }));
        return job(id);
    }

    /** The job, if it belongs to the current actor's site; else not found (another site's job is not told apart). */
    public Job job(UUID id) {
        CurrentActor.require();
        BulkExportRepository.Row row = jobs.find(id).orElseThrow(() -> new NotFoundException("Export job " + id));
        Running run = running.get(id);
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (row.output() != null) {
            Map<String, Object> stored = json.readValue(row.output(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
            TYPES.stream().filter(stored::containsKey).forEach(t -> counts.put(t, ((Number) stored.get(t)).intValue()));
        }
        boolean finished = !"running".equals(row.status());
        return new Job(row.id(), row.request(), row.transactionTime(), root.resolve(row.folder().toString()), run == null ? 0 : run.done,
                run == null ? 0 : run.total, counts, row.error(), finished, finished ? row.finishedAt().plus(expiry) : null);
    }

    /** The NDJSON file of one type of a finished job of the current site. */
    public Path file(UUID id, String type) {
        Job job = job(id);
        if (!job.finished || job.error != null || !job.counts.containsKey(type)) {
            throw new NotFoundException("Export file " + type);
        }
        return job.dir.resolve(type + ".ndjson");
    }

    /** Cancels a running job or deletes a finished one's files; the job is forgotten either way. */
    public void delete(UUID id) {
        Job job = job(id);
        jobs.delete(id);
        Running run = running.get(id);
        if (run != null && run.future != null) {
            run.future.cancel(true); // the worker deletes the files when it stops and finds the job gone
        } else {
            deleteDir(job.dir);
        }
    }

    /**
     * At the start of a server (not of a command such as {@code ilium import}, which may share an external database
     * with a running server), before it takes requests: jobs left running by the last stop are marked failed (their
     * partial files deleted), expired jobs are deleted, and folders no job owns are removed. Then the expiry sweep is
     * scheduled.
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (!(context instanceof org.springframework.web.context.WebApplicationContext)) {
            return;
        }
        Set<UUID> kept = sweep(true);
        if (kept != null && Files.isDirectory(root)) {
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path d : dirs.toList()) {
                    if (!kept.contains(folderId(d))) {
                        deleteDir(d);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                log.warn("bulk export folders not cleaned up: {}", e.getMessage());
            }
        }
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                sweep(false);
            } catch (RuntimeException e) {
                log.warn("bulk export expiry sweep failed", e);
            }
        }, sweepInterval.toMillis(), sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Expires finished jobs of every site (and, at start-up, fails the running ones); answers the folders kept, or null if unknown. */
    Set<UUID> sweep(boolean startup) {
        Set<UUID> kept = new HashSet<>();
        boolean complete = true;
        Instant before = Instant.now().minus(expiry);
        for (String code : jobs.siteCodes()) {
            Actor actor;
            try {
                actor = accounts.commandLineActor(code);
            } catch (NotFoundException e) {
                complete = false; // a site without administrator: its folders are not known, keep them
                continue;
            }
            CurrentActor.runAs(actor, () -> {
                if (startup) {
                    for (UUID folder : jobs.failRunning("the server stopped while the export was running; start a new export")) {
                        deleteDir(root.resolve(folder.toString()));
                    }
                }
                for (UUID folder : jobs.deleteFinishedBefore(before)) {
                    deleteDir(root.resolve(folder.toString()));
                }
                kept.addAll(jobs.folders());
            });
        }
        return complete ? kept : null;
    }

    private static UUID folderId(Path dir) {
        try {
            return UUID.fromString(dir.getFileName().toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void destroy() {
        stopping = true;
        sweeper.shutdownNow();
        workers.shutdownNow();
    }

    private static void deleteDir(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.toList());
            java.util.Collections.reverse(all);
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
