package org.ilium.outcomes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ilium.candidacy.CandidacyContent;
import org.ilium.candidacy.domain.CandidacyEvaluator;
import org.ilium.candidacy.domain.Outcome;
import org.ilium.candidacy.domain.Policy;
import org.ilium.candidacy.domain.PrognosticRule;
import org.ilium.followup.FollowUpProtocols;
import org.ilium.followup.domain.Protocol;
import org.ilium.outcomes.domain.CohortFilter;
import org.ilium.outcomes.domain.EpisodeOutcome;
import org.ilium.outcomes.domain.EpisodeOutcome.Instrument;
import org.ilium.outcomes.domain.OutcomeAnalysis;
import org.ilium.outcomes.domain.OutcomeReport;
import org.ilium.outcomes.domain.OutcomeThresholds;
import org.ilium.outcomes.domain.SubgroupCutoffs;
import org.ilium.patient.SiteRepository;
import org.ilium.patient.domain.Site;
import org.ilium.prom.InstrumentCatalog;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.FieldError;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.LatestDate;
import org.ilium.surgery.SurgeryContent;
import org.ilium.workup.WorkupService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outcome report of the caller's site ("does it really work, here?"): reads the cohort through
 * {@link OutcomeRepository} and computes it with {@link OutcomeAnalysis}. Runs as the current actor.
 */
@Service
public class OutcomeReports {
    /** Told what the report is reading: a stage name and the rows read so far. */
    public interface Progress {
        void step(String stage, long rows);

        Progress NONE = (stage, rows) -> { };
    }

    private final OutcomeRepository repository;
    private final SiteRepository sites;
    private final FollowUpProtocols protocols;
    private final InstrumentCatalog instruments;
    private final OutcomeThresholds thresholds;
    private final BenchmarkLibrary benchmarks;
    private final SurgeryContent surgery;
    private final CandidacyContent candidacy;
    private final WorkupService workup;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    /** The subgroup factors and groups, fixed with the content at start-up. */
    private final SubgroupCutoffs cutoffs;
    private final Map<String, List<String>> factors;
    /** Reads the first half of the projection beside the caller's thread. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "outcome-report-reader");
        t.setDaemon(true);
        return t;
    });

    OutcomeReports(OutcomeRepository repository, SiteRepository sites, FollowUpProtocols protocols, InstrumentCatalog instruments,
            OutcomeThresholds thresholds, BenchmarkLibrary benchmarks, SurgeryContent surgery, CandidacyContent candidacy,
            WorkupService workup, Clock clock, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.sites = sites;
        this.protocols = protocols;
        this.instruments = instruments;
        this.thresholds = thresholds;
        this.benchmarks = benchmarks;
        this.surgery = surgery;
        this.candidacy = candidacy;
        this.workup = workup;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.cutoffs = subgroupCutoffs(candidacy);
        this.factors = OutcomeAnalysis.factors(cutoffs);
    }

    /** Today as the report date (the latest date anywhere on earth, as for every "not in the future" rule). */
    public LocalDate today() {
        return LatestDate.today(clock);
    }

    /** The subgroup factors and their group ids a filter may name (age and duration groups follow the cut-offs in content). */
    public Map<String, List<String>> subgroupFactors() {
        return factors;
    }

    /** Checks the filter's names against content: 400 naming each unknown approach, policy or subgroup. */
    public void check(CohortFilter filter) {
        List<FieldError> errors = new ArrayList<>();
        if (filter.approach() != null && !factors.get("approach").contains(filter.approach())) {
            errors.add(new FieldError("approach", "must be one of " + String.join(", ", factors.get("approach"))));
        }
        if (filter.policy() != null && candidacy.policies().find(filter.policy()).isEmpty()) {
            errors.add(new FieldError("policy", "is not a known policy: one of " + String.join(", ", candidacy.policies().ids())));
        }
        filter.subgroups().forEach((factor, group) -> {
            List<String> groups = factors.get(factor);
            if (groups == null) {
                errors.add(new FieldError(factor, "is not a subgroup factor: one of " + String.join(", ", factors.keySet())));
            } else if (!groups.contains(group)) {
                errors.add(new FieldError(factor, "must be one of " + String.join(", ", groups)));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * The report of the caller's site on {@code asOf}. The two halves of the projection are read on two threads
     * (decoding rows is most of the reading time), each in its own read-only transaction as the caller.
     */
    public OutcomeReport report(CohortFilter filter, LocalDate asOf, Progress progress) {
        check(filter);
        Actor actor = CurrentActor.require();
        Site site = sites.findById(actor.siteId()).orElseThrow();
        Protocol protocol = protocols.defaultProtocol();
        OutcomeAnalysis analysis = analysis(protocol);
        Map<Instrument, Set<String>> flags = flags();
        List<String> timepointIds = protocol.timepoints().stream().map(org.ilium.followup.domain.Timepoint::id).toList();
        AtomicLong read = new AtomicLong();
        long[] seen = new long[2];
        Function<OutcomeRepository.Half, Map<UUID, EpisodeOutcome>> load = half -> CurrentActor.callAs(actor, () -> readOnly.execute(
                status -> repository.load(filter.from(), filter.to(), half, timepointIds, flags,
                        (table, rows) -> {
                            int i = half.ordinal() - 1;
                            long total;
                            synchronized (seen) {
                                total = read.addAndGet(rows - seen[i]);
                                seen[i] = rows;
                            }
                            synchronized (progress) {
                                progress.step(table, total);
                            }
                        })));
        CompletableFuture<Map<UUID, EpisodeOutcome>> first = CompletableFuture.supplyAsync(() -> load.apply(OutcomeRepository.Half.FIRST),
                READERS);
        Map<UUID, EpisodeOutcome> episodes = new HashMap<>(load.apply(OutcomeRepository.Half.SECOND));
        try {
            episodes.putAll(first.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        Iterable<EpisodeOutcome> cohort = episodes.values();
        if (filter.policy() != null) {
            cohort = meetingPolicy(filter.policy(), episodes, progress);
        }
        progress.step("analysis", episodes.size());
        return analysis.analyse(site.code(), site.name(), protocol.id(), filter, asOf, cohort);
    }

    /** The raw data the report is computed from, as CSV (docs/outcomes-report.md, "Raw data export"). */
    public void exportRaw(Appendable out) {
        readOnly.executeWithoutResult(status -> repository.exportRaw(out));
    }

    OutcomeAnalysis analysis(Protocol protocol) {
        List<OutcomeAnalysis.ComplicationType> catalogue = surgery.catalogue().stream()
                .map(c -> new OutcomeAnalysis.ComplicationType(c.code(), c.name(), c.ratePercent())).toList();
        return new OutcomeAnalysis(protocol.timepoints(), thresholds, catalogue, benchmarks.all(), cutoffs);
    }

    /** The age and duration cut-offs of the prognostic factors (content/prognosis.yaml), Ilium's own where a site's file has none. */
    private static SubgroupCutoffs subgroupCutoffs(CandidacyContent candidacy) {
        Integer age = null;
        Integer months = null;
        for (PrognosticRule r : candidacy.prognosis().rules()) {
            if (r.factor() == PrognosticRule.Factor.YOUNGER_AGE) {
                age = r.ageYears();
            } else if (r.factor() == PrognosticRule.Factor.SHORTER_DURATION) {
                months = r.months();
            }
        }
        return new SubgroupCutoffs(age != null ? age : SubgroupCutoffs.DEFAULT.ageYears(),
                months != null ? months : SubgroupCutoffs.DEFAULT.symptomMonths());
    }

    /** For each flag instrument, the answer codes of its flag (satisfied, would_repeat, improved) from content. */
    private Map<Instrument, Set<String>> flags() {
        Map<Instrument, Set<String>> out = new EnumMap<>(Instrument.class);
        put(out, Instrument.PGIC, "improved");
        put(out, Instrument.SATISFACTION, "satisfied");
        put(out, Instrument.WOULD_REPEAT, "would_repeat");
        return out;
    }

    private void put(Map<Instrument, Set<String>> out, Instrument instrument, String flag) {
        Set<String> codes = instruments.find(instrument.id()).map(i -> i.flags().get(flag)).orElse(null);
        if (codes == null) {
            throw new IllegalStateException("Instrument " + instrument.id() + " has no flag " + flag + " in its content");
        }
        out.put(instrument, Set.copyOf(codes));
    }

    /**
     * Policy filter: the episodes whose work-up met the policy (every criterion met, ELIGIBLE) on the day of their
     * index operation, under the policy's version in effect that day. Decisions do not store which policy they
     * followed, so the policy is applied again to the stored work-up (docs/outcomes-report.md).
     */
    private List<EpisodeOutcome> meetingPolicy(String policyId, Map<UUID, EpisodeOutcome> episodes, Progress progress) {
        CandidacyEvaluator evaluator = candidacy.evaluator();
        Set<UUID> meeting = new HashSet<>();
        long[] seen = new long[1];
        workup.forEachCase(c -> {
            UUID id = UUID.fromString(c.reference());
            EpisodeOutcome e = episodes.get(id);
            if (++seen[0] % 10_000 == 0) {
                progress.step("policy " + policyId, seen[0]);
            }
            if (e == null) {
                return;
            }
            Policy policy = candidacy.policies().find(policyId, e.surgeryDate()).orElse(null);
            if (policy != null && evaluator.evaluate(c, policy, e.surgeryDate()).outcome() == Outcome.ELIGIBLE) {
                meeting.add(id);
            }
        });
        List<EpisodeOutcome> out = new ArrayList<>();
        for (EpisodeOutcome e : episodes.values()) {
            if (meeting.contains(e.episodeId())) {
                out.add(e);
            }
        }
        return out;
    }
}
