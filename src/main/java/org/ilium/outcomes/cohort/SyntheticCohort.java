package org.ilium.outcomes.cohort;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.ilium.candidacy.CandidacyContent;
import org.ilium.followup.FollowUpBulkRepository;
import org.ilium.followup.FollowUpProtocols;
import org.ilium.followup.domain.Protocol;
import org.ilium.outcomes.cohort.domain.CohortCalibration;
import org.ilium.outcomes.cohort.domain.PathwayGenerator;
import org.ilium.outcomes.cohort.domain.SyntheticPathway;
import org.ilium.patient.PatientBulkRepository;
import org.ilium.patient.SiteRepository;
import org.ilium.patient.domain.Site;
import org.ilium.prom.InstrumentCatalog;
import org.ilium.prom.ResponseBulkRepository;
import org.ilium.shared.Actor;
import org.ilium.shared.ConflictException;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.LatestDate;
import org.ilium.shared.NotFoundException;
import org.ilium.surgery.SurgeryBulkRepository;
import org.ilium.surgery.SurgeryContent;
import org.ilium.workup.WorkupBulkRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a calibrated synthetic cohort into a site (docs/synthetic-cohort.md): complete pathways built
 * through the same domain rules as the API ({@link PathwayGenerator}), stored in bulk by the owning modules'
 * repositories. Same site, seed and date give the same cohort. Runs as the current actor, who must act for
 * the site named. Workers (ILIUM_SYNTH_WORKERS, default 2) draw and store batches of patients, each batch in one transaction.
 */
@Service
public class SyntheticCohort {
    public static final int MAX_PATIENTS = 1_000_000;
    static final int BATCH = 1_000;

    private final SiteRepository sites;
    private final PatientBulkRepository patients;
    private final WorkupBulkRepository workup;
    private final SurgeryBulkRepository surgery;
    private final FollowUpBulkRepository followUp;
    private final ResponseBulkRepository responses;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PathwayGenerator.Context baseContext;
    private final Protocol protocol;
    private final int workers;

    SyntheticCohort(SiteRepository sites, PatientBulkRepository patients, WorkupBulkRepository workup, SurgeryBulkRepository surgery,
            FollowUpBulkRepository followUp, ResponseBulkRepository responses, TransactionTemplate tx, Clock clock,
            CandidacyContent candidacy, SurgeryContent surgeryContent, FollowUpProtocols protocols, InstrumentCatalog instruments,
            @Value("${ilium.content-dir:}") String contentDir, @Value("${ilium.synth.workers:2}") int workers) {
        this.sites = sites;
        this.patients = patients;
        this.workup = workup;
        this.surgery = surgery;
        this.followUp = followUp;
        this.responses = responses;
        this.tx = tx;
        this.clock = clock;
        this.workers = Math.max(1, workers);
        CohortCalibration calibration = SyntheticCohortContent.load(contentDir.isBlank() ? null : Path.of(contentDir));
        this.protocol = protocols.defaultProtocol();
        this.baseContext = CohortContext.of(calibration, candidacy, surgeryContent, protocol, instruments);
    }

    /**
     * Stores {@code patients} synthetic patients (MRNs {@code SYN-<seed>-<index>}) with their pathways up
     * to {@code today}; refuses (ConflictException) when the site already holds the cohort of this seed.
     *
     * @throws InvalidInputException for a count outside 1..{@value #MAX_PATIENTS} or a date in the future
     * @throws NotFoundException for an unknown site
     */
    public CohortSummary generate(String siteCode, int patients, long seed, LocalDate today, ProgressListener progress) {
        Actor actor = CurrentActor.require();
        Site site = sites.findByCode(siteCode).orElseThrow(() -> new NotFoundException("Site " + siteCode));
        if (!site.id().equals(actor.siteId())) {
            throw new IllegalStateException("the current actor does not act for site " + siteCode);
        }
        if (patients < 1 || patients > MAX_PATIENTS) {
            throw new InvalidInputException("patients", "must be from 1 to " + MAX_PATIENTS);
        }
        Instant at = clock.instant();
        if (today == null || today.isAfter(LatestDate.at(at))) {
            throw new InvalidInputException("today", "must be given and not in the future");
        }
        String first = PathwayGenerator.mrn(seed, 0);
        if (this.patients.mrnExists(first)) {
            throw new ConflictException("Site " + siteCode + " already holds the synthetic cohort of seed " + seed + " (MRN " + first
                    + "); choose another seed");
        }
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        PathwayGenerator generator = new PathwayGenerator(baseContext, seed, site.id(), today, actor, at);
        long t0 = System.nanoTime();
        // Each worker claims the next batch, draws it and stores it in one transaction, so one draws while another
        // writes and the database gets a connection per core. Patient i depends only on (seed, i): order does not matter.
        AtomicInteger nextBatch = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger operated = new AtomicInteger();
        AtomicLong answers = new AtomicLong();
        int batches = (patients + BATCH - 1) / BATCH;
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "synth-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(pool.submit(() -> CurrentActor.runAs(actor, () -> {
                    for (int b = nextBatch.getAndIncrement(); b < batches; b = nextBatch.getAndIncrement()) {
                        int start = b * BATCH;
                        int end = Math.min(patients, start + BATCH);
                        List<SyntheticPathway> batch = new ArrayList<>(end - start);
                        for (int i = start; i < end; i++) {
                            batch.add(generator.generate(i));
                        }
                        Batch rows = Batch.of(batch, protocol, at);
                        tx.executeWithoutResult(status -> rows.store(this, actor, at));
                        operated.addAndGet(rows.operated);
                        answers.addAndGet(rows.responses.size());
                        int stored = done.addAndGet(batch.size());
                        synchronized (listener) {
                            listener.progress(stored, patients);
                        }
                    }
                })));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the cohort", e);
        } catch (java.util.concurrent.ExecutionException e) {
            nextBatch.set(Integer.MAX_VALUE / 2);
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new CohortSummary(patients, operated.get(), answers.get(), (System.nanoTime() - t0) / 1e9);
    }

    /** One batch as the owning modules' bulk rows. */
    private static final class Batch {
        final List<PatientBulkRepository.NewPathway> pathways = new ArrayList<>();
        final List<WorkupBulkRepository.NewRecord> records = new ArrayList<>();
        final List<SurgeryBulkRepository.NewProcedure> procedures = new ArrayList<>();
        final List<SurgeryBulkRepository.NewComplication> complications = new ArrayList<>();
        final List<FollowUpBulkRepository.NewEnrolment> enrolments = new ArrayList<>();
        final List<FollowUpBulkRepository.NewCompletion> completions = new ArrayList<>();
        final List<ResponseBulkRepository.NewResponse> responses = new ArrayList<>();
        int operated;

        static Batch of(List<SyntheticPathway> batch, Protocol protocol, Instant at) {
            Batch b = new Batch();
            List<SurgeryBulkRepository.NewProcedure> revisions = new ArrayList<>();
            for (SyntheticPathway p : batch) {
                java.util.UUID episodeId = p.episode().id();
                b.pathways.add(new PatientBulkRepository.NewPathway(p.patientId(), p.patient(), p.episode(), p.transitions()));
                p.workup().forEach(item -> b.records.add(new WorkupBulkRepository.NewRecord(java.util.UUID.fromString(item.id()), episodeId,
                        item)));
                if (!p.operated()) {
                    continue;
                }
                b.operated++;
                for (SyntheticPathway.StoredProcedure sp : p.procedures()) {
                    // index procedures first, so that each episode's index has the lower sequence
                    (sp.procedure().revision() ? revisions : b.procedures).add(new SurgeryBulkRepository.NewProcedure(sp.id(), episodeId,
                            sp.procedure()));
                }
                p.complications().forEach(c -> b.complications.add(new SurgeryBulkRepository.NewComplication(c.id(), episodeId,
                        c.complication())));
                b.enrolments.add(new FollowUpBulkRepository.NewEnrolment(episodeId, protocol.id(), protocol.version(), p.surgeryDate()));
                for (SyntheticPathway.Completion c : p.completions()) {
                    Instant completed = c.on().atTime(10, 0).toInstant(ZoneOffset.UTC);
                    b.completions.add(new FollowUpBulkRepository.NewCompletion(episodeId, c.timepointId(), completed.isAfter(at) ? at
                            : completed, c.source()));
                }
                p.responses().forEach(r -> b.responses.add(new ResponseBulkRepository.NewResponse(r.id(), episodeId, r.instrument(),
                        r.timepointId(), r.score(), r.collectedOn(), r.source())));
            }
            b.procedures.addAll(revisions);
            return b;
        }

        void store(SyntheticCohort s, Actor actor, Instant at) {
            s.patients.insertPathways(pathways, at);
            s.workup.insert(records, actor, at);
            s.surgery.insert(procedures, complications, actor, at);
            // the enrolment last: the outcome projection (V8) is computed when an episode is enrolled and again on
            // every later write to its sources, so enrolling after the responses computes it once per episode
            s.responses.insert(responses, actor, at);
            s.followUp.insert(enrolments, completions, actor, at);
        }
    }
}
