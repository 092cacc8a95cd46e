package org.ilium.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.ilium.patient.PatientSearch;
import org.ilium.patient.PatientService;
import org.ilium.patient.domain.Patient;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.NotFoundException;
import org.ilium.shared.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * FHIR Bulk Data export: every patient of the current actor's site through {@link FhirExport#everything}, written as
 * one NDJSON file per resource type. {@link #write} does it in the calling thread (the {@code ilium export} command);
 * {@link #start} runs it as a background job for {@code $export}. Jobs live in memory (a restart forgets them; their
 * files stay under {@code <data dir>/bulk-export/} until deleted) and belong to the site that started them.
 */
@Service
public class BulkExport {
    /** The resource types an export can hold, in the order their files are listed. */
    public static final List<String> TYPES = List.of("Patient", "Condition", "EpisodeOfCare", "Observation", "MedicationStatement",
            "Procedure", "Device", "AdverseEvent", "QuestionnaireResponse", "CarePlan", "Questionnaire");
    private static final Logger log = LoggerFactory.getLogger(BulkExport.class);
    private static final int PAGE = 100;

    private final FhirExport export;
    private final PatientService patients;
    private final FhirContext fhir;
    private final Path root;
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "fhir-bulk-export");
        t.setDaemon(true);
        return t;
    });

    BulkExport(FhirExport export, PatientService patients, FhirContext fhir, @Value("${ilium.data-dir}") Path dataDir) {
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
        Set<String> written = new HashSet<>();
        IParser parser = fhir.newJsonParser().setPrettyPrint(false);
        try {
            long total = patients.search(new PatientSearch(null, null, null), 0, 1).totalItems();
            int done = 0;
            for (int page = 0; ; page++) {
                Page<Patient> batch = patients.search(new PatientSearch(null, null, null), page, PAGE);
                for (Patient p : batch.items()) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IOException("export cancelled");
                    }
                    for (Resource r : export.everything(p.id(), since)) {
                        String type = r.fhirType();
                        if (!types.contains(type) || !written.add(type + "/" + r.getIdElement().getIdPart())) {
                            continue;
                        }
                        Writer w = writers.get(type);
                        if (w == null) {
                            w = Files.newBufferedWriter(dir.resolve(type + ".ndjson"), StandardCharsets.UTF_8);
                            writers.put(type, w);
                        }
                        w.write(parser.encodeResourceToString(r));
                        w.write('\n');
                        counts.merge(type, 1, Integer::sum);
                    }
                    done++;
                    if (progress != null) {
                        progress.patients(done, total, counts);
                    }
                }
                if (batch.items().size() < PAGE) {
                    break;
                }
            }
        } finally {
            for (Writer w : writers.values()) {
                w.close();
            }
        }
        return counts;
    }

    /** A running or finished {@code $export}. */
    public static final class Job {
        final UUID id = UUID.randomUUID();
        final UUID siteId;
        final String request;
        final Instant transactionTime = Instant.now();
        final Path dir;
        volatile int done;
        volatile long total;
        volatile Map<String, Integer> counts = Map.of();
        volatile String error;
        volatile boolean finished;
        Future<?> future;

        Job(UUID siteId, String request, Path dir) {
            this.siteId = siteId;
            this.request = request;
            this.dir = dir;
        }

        public UUID id() {
            return id;
        }
    }

    /** Starts an export of the current actor's site in the background; the worker acts as the same actor. */
    public Job start(String request, Set<String> types, Instant since) {
        Actor actor = CurrentActor.require();
        Job job = new Job(actor.siteId(), request, root.resolve(UUID.randomUUID().toString()));
        jobs.put(job.id, job);
        job.future = workers.submit(() -> CurrentActor.runAs(actor, () -> {
            try {
                job.counts = write(job.dir, types, since, (done, total, counts) -> {
                    job.done = done;
                    job.total = total;
                });
            } catch (IOException | RuntimeException e) {
                log.warn("bulk export {} failed", job.id, e);
                job.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            } finally {
                job.finished = true;
                if (!jobs.containsKey(job.id)) {
                    deleteDir(job.dir);
                }
            }
        }));
        return job;
    }

    /** The job, if it belongs to the current actor's site; else not found (another site's job is not told apart). */
    public Job job(UUID id) {
        Job job = jobs.get(id);
        if (job == null || !job.siteId.equals(CurrentActor.require().siteId())) {
            throw new NotFoundException("Export job " + id);
        }
        return job;
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
        jobs.remove(id);
        if (job.finished) {
            deleteDir(job.dir);
        } else if (job.future != null) {
            job.future.cancel(true); // the worker deletes the files when it stops
        }
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
