package org.ilium.outcomes.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ilium.followup.domain.Timepoint;
import org.ilium.outcomes.domain.EpisodeOutcome.ComplicationEntry;
import org.ilium.outcomes.domain.EpisodeOutcome.Instrument;

/**
 * Computes the {@link OutcomeReport} of a cohort from its episodes (docs/outcomes-report.md says how each figure is
 * computed). Pain is the back pain NRS; a change is follow-up minus baseline of the same episode.
 */
public final class OutcomeAnalysis {
    /** The timepoint of the subgroup table and the headline. */
    public static final String PRIMARY_TIMEPOINT = "12m";
    /** Days per month for survival times (365.25 / 12). */
    public static final double DAYS_PER_MONTH = 30.4375;
    /** Pain-free: back pain NRS at most this. */
    public static final double PAIN_FREE_AT_MOST = 1;
    /** Complication grades in order (Clavien-Dindo). */
    public static final List<String> GRADES = List.of("I", "II", "IIIa", "IIIb", "IVa", "IVb", "V");

    /** One complication type of the catalogue: code, name and literature rate in per cent (null when unknown). */
    public record ComplicationType(String code, String name, Double ratePercent) {
    }

    private final List<Timepoint> timepoints;
    private final OutcomeThresholds thresholds;
    private final Map<String, ComplicationType> catalogue = new LinkedHashMap<>();
    private final List<Benchmark> benchmarks;
    private final SubgroupCutoffs cutoffs;
    private final Map<String, List<String>> factors;

    public OutcomeAnalysis(List<Timepoint> timepoints, OutcomeThresholds thresholds, List<ComplicationType> catalogue,
            List<Benchmark> benchmarks, SubgroupCutoffs cutoffs) {
        this.timepoints = List.copyOf(timepoints);
        this.cutoffs = Objects.requireNonNull(cutoffs);
        this.factors = factors(cutoffs);
        this.thresholds = Objects.requireNonNull(thresholds);
        catalogue.forEach(c -> this.catalogue.put(c.code(), c));
        this.benchmarks = List.copyOf(benchmarks);
        if (timepoints.isEmpty() || !timepoints.get(0).beforeSurgery()) {
            throw new IllegalArgumentException("The protocol's first timepoint must be the baseline (before surgery)");
        }
    }

    public List<Timepoint> timepoints() {
        return timepoints;
    }

    /** The protocol index of a timepoint id, -1 when the protocol has none. */
    public int timepointIndex(String id) {
        for (int i = 0; i < timepoints.size(); i++) {
            if (timepoints.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the episode belongs to the cohort: operated on or before {@code asOf} and within every part of the filter. */
    public boolean included(EpisodeOutcome e, CohortFilter filter, LocalDate asOf) {
        if (e.surgeryDay > asOf.toEpochDay() || filter.from() != null && e.surgeryDay < filter.from().toEpochDay()
                || filter.to() != null && e.surgeryDay > filter.to().toEpochDay()) {
            return false;
        }
        if (filter.approach() != null && !filter.approach().equals(e.approach)) {
            return false;
        }
        for (Map.Entry<String, String> s : filter.subgroups().entrySet()) {
            if (!s.getValue().equals(group(e, s.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The subgroup factors and their group ids, reference group last. */
    public Map<String, List<String>> factors() {
        return factors;
    }

    /** The episode's group for a subgroup factor of {@link #factors()}, or null when the factor is not recorded. */
    public String group(EpisodeOutcome e, String factor) {
        return switch (factor) {
            case "age" -> e.birthDay == EpisodeOutcome.NONE ? null
                    : factors.get("age").get(before(e.surgeryDay, e.birthDay, cutoffs.ageYears() * 12) ? 0 : 1);
            case "symptom_duration" -> e.symptomOnsetDay == EpisodeOutcome.NONE ? null
                    : factors.get("symptom_duration").get(before(e.surgeryDay, e.symptomOnsetDay, cutoffs.symptomMonths()) ? 0 : 1);
            case "smoking" -> e.smoking == null ? null : e.smoking.equals("current") ? "current" : "not_current";
            case "opioids" -> e.opioids == null ? null : e.opioids ? "yes" : "no";
            case "prior_lumbar_fusion" -> e.priorLumbarFusion == null ? null : e.priorLumbarFusion ? "yes" : "no";
            case "approach" -> e.approach;
            default -> throw new IllegalArgumentException("Unknown subgroup factor " + factor);
        };
    }

    /** Whether {@code day} comes before {@code months} whole months after {@code start} (as an age: a birthday counts). */
    private static boolean before(int day, int start, int months) {
        return day < LocalDate.ofEpochDay(start).plusMonths(months).toEpochDay();
    }

    /** The report over the episodes that pass the filter ({@link #included}). */
    public OutcomeReport analyse(String siteCode, String siteName, String protocolId, CohortFilter filter, LocalDate asOf,
            Iterable<EpisodeOutcome> episodes) {
        List<EpisodeOutcome> cohort = new ArrayList<>();
        for (EpisodeOutcome e : episodes) {
            if (included(e, filter, asOf)) {
                cohort.add(e);
            }
        }
        Set<UUID> patients = new HashSet<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (EpisodeOutcome e : cohort) {
            patients.add(e.patientId);
            first = Math.min(first, e.surgeryDay);
            last = Math.max(last, e.surgeryDay);
        }
        // one pass over the episodes for all timepoints: each episode's answers are read while in cache
        TimepointValues[] accumulators = new TimepointValues[timepoints.size()];
        for (int t = 0; t < accumulators.length; t++) {
            accumulators[t] = new TimepointValues(t, lastEligibleSurgeryDay(timepoints.get(t), asOf));
        }
        for (EpisodeOutcome e : cohort) {
            for (TimepointValues a : accumulators) {
                a.add(e, thresholds);
            }
        }
        List<TimepointOutcome> tps = new ArrayList<>();
        for (TimepointValues a : accumulators) {
            tps.add(a.outcome(timepoints.get(a.t)));
        }
        ComplicationSummary complications = complications(cohort);
        RevisionFreeSurvival survival = survival(cohort, asOf);
        int primary = timepointIndex(PRIMARY_TIMEPOINT);
        SubgroupTable subgroups = new SubgroupTable(PRIMARY_TIMEPOINT, primary < 0 ? List.of() : subgroups(cohort, primary));
        List<BenchmarkComparison> comparisons = compare(tps, complications, survival);
        TimepointOutcome atPrimary = primary < 0 ? null : tps.get(primary);
        Headline headline = headline(atPrimary, tps.get(0), cohort.size(), survival, complications, comparisons);
        return new OutcomeReport(siteCode, siteName, filter, asOf, protocolId, patients.size(), cohort.size(),
                cohort.isEmpty() ? null : LocalDate.ofEpochDay(first), cohort.isEmpty() ? null : LocalDate.ofEpochDay(last), thresholds,
                tps, complications, survival, subgroups, comparisons, headline);
    }

    // ---- timepoints ----

    /** The figures of one timepoint, accumulated episode by episode. */
    private static final class TimepointValues {
        final int t;
        final int lastEligibleSurgery;
        int eligible;
        int n;
        int respondedEligible;
        final Values pain = new Values();
        final Values leg = new Values();
        final Values odi = new Values();
        final Values painChange = new Values();
        final Values odiChange = new Values();
        final Counter ciPain = new Counter();
        final Counter scbPain = new Counter();
        final Counter ciOdi = new Counter();
        final Counter scbOdi = new Counter();
        final Counter painFree = new Counter();
        final Counter satisfied = new Counter();
        final Counter wouldRepeat = new Counter();
        final Counter improved = new Counter();

        TimepointValues(int t, int lastEligibleSurgery) {
            this.t = t;
            this.lastEligibleSurgery = lastEligibleSurgery;
        }

        void add(EpisodeOutcome e, OutcomeThresholds thresholds) {
            boolean responded = e.answered(t);
            if (e.surgeryDay <= lastEligibleSurgery) {
                eligible++;
                if (responded) {
                    respondedEligible++;
                }
            }
            if (!responded) {
                return;
            }
            n++;
            double p = e.value(t, Instrument.BACK_PAIN);
            double o = e.value(t, Instrument.ODI);
            if (!Double.isNaN(p)) {
                pain.add(p);
                painFree.add(p <= PAIN_FREE_AT_MOST);
            }
            double l = e.value(t, Instrument.LEG_PAIN);
            if (!Double.isNaN(l)) {
                leg.add(l);
            }
            if (!Double.isNaN(o)) {
                odi.add(o);
            }
            if (t == 0) {
                return;
            }
            double p0 = e.value(0, Instrument.BACK_PAIN);
            if (!Double.isNaN(p) && !Double.isNaN(p0)) {
                painChange.add(p - p0);
                Improvement imp = thresholds.pain().classify(p0, p, PainScale.NRS_0_10);
                ciPain.add(imp.clinicallyImportant());
                scbPain.add(imp.substantialBenefit());
            }
            double o0 = e.value(0, Instrument.ODI);
            if (!Double.isNaN(o) && !Double.isNaN(o0)) {
                odiChange.add(o - o0);
                Improvement imp = thresholds.odi().classify(o0, o);
                ciOdi.add(imp.clinicallyImportant());
                scbOdi.add(imp.substantialBenefit());
            }
            flag(e.value(t, Instrument.SATISFACTION), satisfied);
            flag(e.value(t, Instrument.WOULD_REPEAT), wouldRepeat);
            flag(e.value(t, Instrument.PGIC), improved);
        }

        TimepointOutcome outcome(Timepoint tp) {
            boolean baseline = t == 0;
            return new TimepointOutcome(tp.id(), tp.label(), eligible, n, share(respondedEligible, eligible), pain.mean(), leg.mean(),
                    odi.mean(), baseline ? null : painChange.mean(), baseline ? null : odiChange.mean(), ciPain.share(), scbPain.share(),
                    ciOdi.share(), scbOdi.share(), painFree.share(), satisfied.share(), wouldRepeat.share(), improved.share());
        }
    }

    /**
     * The latest surgery day (epoch day) whose target date for the timepoint is on or before {@code asOf}. Targets
     * never move backwards as the surgery date moves forwards (calendar offsets clamp to the month's end), so a
     * search finds it once per timepoint instead of computing a target per episode.
     */
    static int lastEligibleSurgeryDay(Timepoint tp, LocalDate asOf) {
        long lo = asOf.toEpochDay() - 366L * 200;
        long hi = asOf.toEpochDay() + 366L * 200;
        // invariant: target(lo) <= asOf < target(hi)
        while (hi - lo > 1) {
            long mid = Math.floorDiv(lo + hi, 2);
            if (tp.target(LocalDate.ofEpochDay(mid)).isAfter(asOf)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return (int) lo;
    }

    private static void flag(double value, Counter counter) {
        if (!Double.isNaN(value)) {
            counter.add(value == 1);
        }
    }

    // ---- complications ----

    private ComplicationSummary complications(List<EpisodeOutcome> cohort) {
        Map<String, int[]> byType = new LinkedHashMap<>();
        Map<String, int[]> byGrade = new LinkedHashMap<>();
        GRADES.forEach(g -> byGrade.put(g, new int[2]));
        int events = 0;
        int any = 0;
        int serious = 0;
        for (EpisodeOutcome e : cohort) {
            if (e.complications.isEmpty()) {
                continue;
            }
            any++;
            events += e.complications.size();
            Set<String> types = new HashSet<>();
            Set<String> grades = new HashSet<>();
            boolean isSerious = false;
            for (ComplicationEntry c : e.complications) {
                byType.computeIfAbsent(c.code(), k -> new int[2])[0]++;
                types.add(c.code());
                if (c.grade() != null) {
                    byGrade.computeIfAbsent(c.grade(), k -> new int[2])[0]++;
                    grades.add(c.grade());
                }
                isSerious |= c.serious();
            }
            types.forEach(t -> byType.get(t)[1]++);
            grades.forEach(g -> byGrade.get(g)[1]++);
            if (isSerious) {
                serious++;
            }
        }
        int n = cohort.size();
        List<ComplicationRate> types = new ArrayList<>();
        byType.forEach((code, c) -> {
            ComplicationType known = catalogue.get(code);
            types.add(new ComplicationRate(code, known == null ? code : known.name(), c[0], share(c[1], n),
                    known == null ? null : known.ratePercent()));
        });
        types.sort((a, b) -> a.events() != b.events() ? Integer.compare(b.events(), a.events()) : a.code().compareTo(b.code()));
        List<ComplicationRate> grades = new ArrayList<>();
        byGrade.forEach((g, c) -> grades.add(new ComplicationRate(g, "Clavien-Dindo grade " + g, c[0], share(c[1], n), null)));
        return new ComplicationSummary(n, events, share(any, n), share(serious, n), types, grades);
    }

    // ---- survival ----

    private RevisionFreeSurvival survival(List<EpisodeOutcome> cohort, LocalDate asOf) {
        int asOfDay = (int) asOf.toEpochDay();
        List<SurvivalObservation> observations = new ArrayList<>(cohort.size());
        double[] times = new double[cohort.size()];
        int revisions = 0;
        int k = 0;
        for (EpisodeOutcome e : cohort) {
            SurvivalObservation o;
            if (e.revisionDay != EpisodeOutcome.NONE && e.revisionDay <= asOfDay) {
                o = SurvivalObservation.event(Math.max(0, e.revisionDay - e.surgeryDay) / DAYS_PER_MONTH);
                revisions++;
            } else {
                o = SurvivalObservation.censored(Math.max(0, Math.min(e.lastContactDay, asOfDay) - e.surgeryDay) / DAYS_PER_MONTH);
            }
            observations.add(o);
            times[k++] = o.time();
        }
        Arrays.sort(times);
        KaplanMeier km = KaplanMeier.estimate(observations);
        List<SurvivalStep> steps = new ArrayList<>();
        for (KaplanMeier.Step s : km.steps()) {
            steps.add(new SurvivalStep(s.time(), s.atRisk(), s.events(), s.survival(), s.interval().orElse(null), null));
        }
        List<SurvivalStep> at = new ArrayList<>();
        for (Object[] p : new Object[][] {{"12m", 12.0}, {"24m", 24.0}, {"5y", 60.0}}) {
            double month = (double) p[1];
            Optional<KaplanMeier.Step> step = km.stepAt(month);
            int atRisk = times.length - lowerBound(times, month);
            at.add(new SurvivalStep(month, atRisk, 0, step.map(KaplanMeier.Step::survival).orElse(1.0),
                    step.flatMap(KaplanMeier.Step::interval).orElse(null), (String) p[0]));
        }
        return new RevisionFreeSurvival(cohort.size(), revisions, cohort.size() - revisions, steps, at);
    }

    /** The first index whose value is >= x (sorted values). */
    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ---- subgroups ----

    private List<SubgroupFactor> subgroups(List<EpisodeOutcome> cohort, int t) {
        List<SubgroupFactor> out = new ArrayList<>();
        // one pass over the episodes for all factors
        List<String> factors = new ArrayList<>(this.factors.keySet());
        List<Map<String, GroupValues>> byFactor = new ArrayList<>();
        for (String factor : factors) {
            Map<String, GroupValues> groups = new LinkedHashMap<>();
            this.factors.get(factor).forEach(g -> groups.put(g, new GroupValues()));
            byFactor.add(groups);
        }
        for (EpisodeOutcome e : cohort) {
            for (int k = 0; k < factors.size(); k++) {
                String g = group(e, factors.get(k));
                if (g != null) {
                    byFactor.get(k).computeIfAbsent(g, x -> new GroupValues()).add(e, t, thresholds);
                }
            }
        }
        for (int k = 0; k < factors.size(); k++) {
            String factor = factors.get(k);
            Map.Entry<String, List<String>> f = Map.entry(factor, this.factors.get(factor));
            Map<String, GroupValues> groups = byFactor.get(k);
            List<SubgroupGroup> rows = new ArrayList<>();
            groups.forEach((id, v) -> rows.add(new SubgroupGroup(id, label(factor, id), v.episodes, v.painChange.mean(), v.odiChange.mean(),
                    v.responders.share())));
            List<SubgroupComparison> comparisons = new ArrayList<>();
            if (factor.equals("approach")) {
                // each approach against all other approaches together
                for (Map.Entry<String, GroupValues> g : groups.entrySet()) {
                    GroupValues rest = new GroupValues();
                    groups.forEach((id, v) -> {
                        if (!id.equals(g.getKey())) {
                            rest.merge(v);
                        }
                    });
                    if (g.getValue().episodes > 0) {
                        comparisons.add(compare(g.getKey(), "other_approaches", g.getValue(), rest));
                    }
                }
            } else {
                List<String> ids = f.getValue();
                comparisons.add(compare(ids.get(0), ids.get(1), groups.get(ids.get(0)), groups.get(ids.get(1))));
            }
            out.add(new SubgroupFactor(factor, factorLabel(factor), rows, comparisons));
        }
        return out;
    }

    private static SubgroupComparison compare(String group, String reference, GroupValues a, GroupValues b) {
        return new SubgroupComparison(group, reference, MeanDifference.welch(a.painChange.toArray(), b.painChange.toArray()).orElse(null),
                MeanDifference.welch(a.odiChange.toArray(), b.odiChange.toArray()).orElse(null),
                ProportionDifference.newcombe(a.responders.yes, a.responders.n, b.responders.yes, b.responders.n).orElse(null));
    }

    /** The subgroup factors and their group ids under these cut-offs, reference group last. */
    public static Map<String, List<String>> factors(SubgroupCutoffs cutoffs) {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("age", cutoffs.ageGroups());
        f.put("symptom_duration", cutoffs.durationGroups());
        f.put("smoking", List.of("current", "not_current"));
        f.put("opioids", List.of("yes", "no"));
        f.put("prior_lumbar_fusion", List.of("yes", "no"));
        f.put("approach", List.of("mis_lateral_transiliac", "mis_posterolateral_transiliac", "mis_posterior_intra_articular", "open"));
        return java.util.Collections.unmodifiableMap(f);
    }

    static String factorLabel(String factor) {
        return switch (factor) {
            case "age" -> "Age at surgery";
            case "symptom_duration" -> "Duration of symptoms before surgery";
            case "smoking" -> "Smoking (last status before surgery)";
            case "opioids" -> "Chronic opioid use before surgery";
            case "prior_lumbar_fusion" -> "Prior lumbar fusion";
            case "approach" -> "Surgical approach";
            default -> factor;
        };
    }

    String label(String factor, String group) {
        if (factor.equals("age") || factor.equals("symptom_duration")) {
            String label = cutoffs.label(group);
            if (label != null) {
                return label;
            }
        }
        return switch (group) {
            case "current" -> "Current smoker";
            case "not_current" -> "Never or former smoker";
            case "yes" -> "Yes";
            case "no" -> "No";
            case "mis_lateral_transiliac" -> "MIS lateral transiliac";
            case "mis_posterolateral_transiliac" -> "MIS posterolateral transiliac";
            case "mis_posterior_intra_articular" -> "MIS posterior intra-articular";
            case "open" -> "Open";
            default -> group;
        };
    }

    private static final class GroupValues {
        int episodes;
        final Values painChange = new Values();
        final Values odiChange = new Values();
        final Counter responders = new Counter();

        void add(EpisodeOutcome e, int t, OutcomeThresholds thresholds) {
            episodes++;
            double p0 = e.value(0, Instrument.BACK_PAIN);
            double p = e.value(t, Instrument.BACK_PAIN);
            if (!Double.isNaN(p0) && !Double.isNaN(p)) {
                painChange.add(p - p0);
                responders.add(thresholds.pain().classify(p0, p, PainScale.NRS_0_10).clinicallyImportant());
            }
            double o0 = e.value(0, Instrument.ODI);
            double o = e.value(t, Instrument.ODI);
            if (!Double.isNaN(o0) && !Double.isNaN(o)) {
                odiChange.add(o - o0);
            }
        }

        void merge(GroupValues other) {
            episodes += other.episodes;
            painChange.addAll(other.painChange);
            odiChange.addAll(other.odiChange);
            responders.yes += other.responders.yes;
            responders.n += other.responders.n;
        }
    }

    // ---- benchmarks ----

    private List<BenchmarkComparison> compare(List<TimepointOutcome> tps, ComplicationSummary complications, RevisionFreeSurvival survival) {
        List<BenchmarkComparison> out = new ArrayList<>();
        for (Benchmark b : benchmarks) {
            for (BenchmarkFigure f : b.figures()) {
                String cohortTp = f.timepoint() != null ? f.timepoint() : PRIMARY_TIMEPOINT;
                TimepointOutcome tp = tps.stream().filter(x -> x.id().equals(cohortTp)).findFirst().orElse(null);
                Match m = match(f, tp, complications, survival);
                out.add(new BenchmarkComparison(b.id(), b.kind(), b.name(), b.design(), b.citation(), f.timepoint(), f.measure(), f.arm(),
                        f.label(), f.value(), f.of(), f.unit(), f.note(), m == null ? null : m.timepoint, m == null ? null : m.field,
                        m == null ? null : m.value, m == null ? null : m.ci, m == null ? null : m.n));
            }
        }
        return out;
    }

    private record Match(String timepoint, String field, Double value, ConfidenceInterval ci, Integer n) {
    }

    private static Match match(BenchmarkFigure f, TimepointOutcome tp, ComplicationSummary complications, RevisionFreeSurvival survival) {
        String label = f.label() == null ? "" : f.label().toLowerCase(java.util.Locale.ROOT);
        switch (f.measure()) {
            case PAIN:
                return tp == null ? null : mean(tp.id(), "pain", tp.pain());
            case PAIN_CHANGE:
                return tp == null ? null : mean(tp.id(), "painChange", tp.painChange());
            case ODI:
                return tp == null ? null : mean(tp.id(), "odi", tp.odi());
            case ODI_CHANGE:
                return tp == null ? null : mean(tp.id(), "odiChange", tp.odiChange());
            case SHARE:
            case COUNT:
                if (label.startsWith("clinically important improvement, pain")) {
                    return tp == null ? null : percent(tp.id(), "clinicallyImportantPain", tp.clinicallyImportantPain());
                }
                if (label.startsWith("clinically important improvement, odi")) {
                    return tp == null ? null : percent(tp.id(), "clinicallyImportantOdi", tp.clinicallyImportantOdi());
                }
                if (label.startsWith("substantial clinical benefit, pain")) {
                    return tp == null ? null : percent(tp.id(), "substantialBenefitPain", tp.substantialBenefitPain());
                }
                if (label.startsWith("substantial clinical benefit, odi")) {
                    return tp == null ? null : percent(tp.id(), "substantialBenefitOdi", tp.substantialBenefitOdi());
                }
                if (label.equals("satisfied")) {
                    return tp == null ? null : percent(tp.id(), "satisfied", tp.satisfied());
                }
                if (label.startsWith("would have the procedure again")) {
                    return tp == null ? null : percent(tp.id(), "wouldRepeat", tp.wouldRepeat());
                }
                if (label.equals("improved")) {
                    return tp == null ? null : percent(tp.id(), "improved", tp.improved());
                }
                if (label.startsWith("revisions") || label.startsWith("reoperations")) {
                    return revised(f.timepoint(), survival);
                }
                for (String[] c : new String[][] {{"trochanteric bursitis", "trochanteric_bursitis"}, {"facet joint pain", "facet_joint_pain"},
                        {"new low back pain", "new_back_pain"}}) {
                    if (label.startsWith(c[0])) {
                        ComplicationRate r = complications.byType().stream().filter(x -> x.code().equals(c[1])).findFirst().orElse(null);
                        ProportionEstimate p = r != null ? r.rate() : ProportionEstimate.wilson(0, complications.episodes()).orElse(null);
                        return percent(null, "complications.byType[" + c[1] + "].rate", p);
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static Match mean(String tp, String field, MeanValue v) {
        return new Match(tp, field + ".mean", v == null ? null : v.mean(), v == null ? null : v.ci95(), v == null ? 0 : v.n());
    }

    private static Match percent(String tp, String field, ProportionEstimate p) {
        if (p == null) {
            return new Match(tp, field, null, null, 0);
        }
        return new Match(tp, field, 100 * p.proportion(),
                new ConfidenceInterval(100 * p.interval().lower(), 100 * p.interval().upper()), p.n());
    }

    /** Revised by the timepoint: 100 x (1 - revision-free survival), its interval mirrored. */
    private static Match revised(String timepoint, RevisionFreeSurvival survival) {
        if (timepoint == null) {
            return null;
        }
        SurvivalStep s = survival.at().stream().filter(x -> timepoint.equals(x.timepoint())).findFirst().orElse(null);
        if (s == null) {
            return null;
        }
        ConfidenceInterval ci = s.ci95() == null ? null : new ConfidenceInterval(100 * (1 - s.ci95().upper()), 100 * (1 - s.ci95().lower()));
        return new Match(timepoint, "revisionFreeSurvival.at[" + timepoint + "]", 100 * (1 - s.survival()), ci, survival.episodes());
    }

    // ---- headline ----

    private static Headline headline(TimepointOutcome tp, TimepointOutcome baseline, int episodes, RevisionFreeSurvival survival,
            ComplicationSummary complications, List<BenchmarkComparison> comparisons) {
        SurvivalStep revisionFree = tp == null ? null
                : survival.at().stream().filter(s -> tp.id().equals(s.timepoint())).findFirst().orElse(null);
        BenchmarkComparison seed = comparisons.stream().filter(c -> c.kind() == Benchmark.Kind.SEED_CLAIM && "wouldRepeat".equals(c.cohortField()))
                .findFirst().orElse(null);
        if (tp == null) {
            return new Headline(null, episodes, 0, 0, baseline.pain(), null, null, null, null, null, null, null, null, complications.any(),
                    seed);
        }
        return new Headline(tp.id(), episodes, tp.eligible(), tp.n(), baseline.pain(), tp.pain(), tp.painChange(),
                tp.clinicallyImportantPain(), tp.substantialBenefitPain(), tp.odiChange(), tp.clinicallyImportantOdi(), tp.wouldRepeat(),
                revisionFree, complications.any(), seed);
    }

    // ---- small helpers ----

    private static ProportionEstimate share(int yes, int n) {
        return ProportionEstimate.wilson(yes, n).orElse(null);
    }

    /** A growable list of doubles. */
    private static final class Values {
        double[] data = new double[16];
        int size;

        void add(double v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        void addAll(Values other) {
            for (int i = 0; i < other.size; i++) {
                add(other.data[i]);
            }
        }

        double[] toArray() {
            return Arrays.copyOf(data, size);
        }

        MeanValue mean() {
            return MeanValue.of(toArray());
        }
    }

    private static final class Counter {
        int yes;
        int n;

        void add(boolean value) {
            n++;
            if (value) {
                yes++;
            }
        }

        ProportionEstimate share() {
            return OutcomeAnalysis.share(yes, n);
        }
    }
}
