package org.ilium.outcomes.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ilium.outcomes.BenchmarkLibrary;
import org.ilium.outcomes.OutcomeThresholdsContent;
import org.ilium.outcomes.domain.Benchmark;
import org.ilium.outcomes.domain.BenchmarkComparison;
import org.ilium.outcomes.domain.BenchmarkFigure;
import org.ilium.outcomes.domain.CohortFilter;
import org.ilium.outcomes.domain.ComplicationRate;
import org.ilium.outcomes.domain.ComplicationSummary;
import org.ilium.outcomes.domain.ConfidenceInterval;
import org.ilium.outcomes.domain.Headline;
import org.ilium.outcomes.domain.MeanDifference;
import org.ilium.outcomes.domain.MeanEstimate;
import org.ilium.outcomes.domain.MeanValue;
import org.ilium.outcomes.domain.OutcomeReport;
import org.ilium.outcomes.domain.OutcomeThresholds;
import org.ilium.outcomes.domain.ProportionDifference;
import org.ilium.outcomes.domain.ProportionEstimate;
import org.ilium.outcomes.domain.RevisionFreeSurvival;
import org.ilium.outcomes.domain.SubgroupComparison;
import org.ilium.outcomes.domain.SubgroupFactor;
import org.ilium.outcomes.domain.SubgroupGroup;
import org.ilium.outcomes.domain.SubgroupTable;
import org.ilium.outcomes.domain.SurvivalStep;
import org.ilium.outcomes.domain.TimepointOutcome;

/**
 * Hand-built outcome reports (the numbers are made up but consistent), with the real thresholds and the real
 * benchmark content, so the document is tested without a database.
 */
final class ReportFixtures {
    static final OutcomeThresholds THRESHOLDS = OutcomeThresholdsContent.load(null);
    static final List<Benchmark> BENCHMARKS = BenchmarkLibrary.load(null).all();

    private ReportFixtures() {
    }

    static MeanValue mean(int n, double mean, double sd) {
        return MeanValue.of(MeanEstimate.fromSummary(n, mean, sd));
    }

    static ProportionEstimate share(int yes, int n) {
        return ProportionEstimate.wilson(yes, n).orElse(null);
    }

    /**
     * 412 patients (430 joints) operated from 3 March 2021; at 12 months 298 of 380 eligible answered and 242 of 298 had
     * clinically important pain relief.
     */
    static OutcomeReport full() {
        List<TimepointOutcome> tps = List.of(
                new TimepointOutcome("baseline", "Before surgery", 430, 421, share(421, 430), mean(421, 7.9, 1.4), mean(300, 4.1, 2.5),
                        mean(410, 54.3, 14), null, null, null, null, null, null, share(0, 421), null, null, null),
                new TimepointOutcome("6w", "6 weeks", 420, 350, share(350, 420), mean(350, 3.6, 2.2), mean(250, 2.8, 2.4), mean(330, 38.2, 16),
                        mean(345, -4.3, 2.6), mean(325, -16.0, 15), share(270, 345), share(250, 345), share(170, 325), share(150, 325),
                        share(60, 350), share(280, 340), share(300, 340), share(260, 340)),
                new TimepointOutcome("3m", "3 months", 410, 320, share(320, 410), mean(320, 3.2, 2.3), null, mean(300, 33.0, 16),
                        mean(315, -4.7, 2.7), mean(296, -21.0, 16), share(250, 315), share(235, 315), share(180, 296), share(160, 296),
                        share(70, 320), share(265, 318), share(280, 318), share(250, 318)),
                new TimepointOutcome("12m", "12 months", 380, 298, share(298, 380), mean(298, 2.9, 2.4), mean(210, 2.2, 2.3), mean(280, 30.1, 17),
                        mean(298, -5.0, 2.8), mean(275, -24.0, 17), share(242, 298), share(230, 298), share(170, 275), share(160, 275),
                        share(80, 298), share(250, 296), share(270, 296), share(240, 296)),
                new TimepointOutcome("24m", "24 months", 200, 6, share(6, 200), mean(6, 2.5, 1.5), null, mean(6, 28.0, 12),
                        mean(6, -5.2, 2.0), mean(6, -25.0, 10), share(5, 6), share(5, 6), share(4, 6), share(4, 6), share(2, 6),
                        share(5, 6), share(6, 6), share(5, 6)));
        ComplicationSummary complications = new ComplicationSummary(430, 31, share(27, 430), share(6, 430), List.of(
                new ComplicationRate("trochanteric_bursitis", "Trochanteric bursitis", 12, share(12, 430), 5.0),
                new ComplicationRate("facet_joint_pain", "Facet joint pain", 9, share(9, 430), 20.0),
                new ComplicationRate("wound_infection", "Wound infection", 4, share(4, 430), 0.15),
                new ComplicationRate("implant_malposition", "Implant malposition", 3, share(3, 430), 0.43),
                new ComplicationRate("nerve_pain", "Nerve pain (implant impingement)", 3, share(3, 430), null)),
                grades(new int[] {14, 11, 0, 6, 0, 0, 0}, 430));
        RevisionFreeSurvival survival = new RevisionFreeSurvival(430, 9, 421, List.of(
                new SurvivalStep(2, 425, 3, 0.9929, new ConfidenceInterval(0.9782, 0.9977), null),
                new SurvivalStep(7, 400, 2, 0.9880, new ConfidenceInterval(0.9710, 0.9950), null),
                new SurvivalStep(11, 380, 2, 0.9828, new ConfidenceInterval(0.9640, 0.9918), null),
                new SurvivalStep(19, 250, 2, 0.9749, new ConfidenceInterval(0.9520, 0.9870), null)),
                List.of(new SurvivalStep(12, 372, 0, 0.9828, new ConfidenceInterval(0.9640, 0.9918), "12m"),
                        new SurvivalStep(24, 190, 0, 0.9749, new ConfidenceInterval(0.9520, 0.9870), "24m")));
        SubgroupTable subgroups = new SubgroupTable("12m", List.of(
                new SubgroupFactor("smoking", "Smoking", List.of(
                        new SubgroupGroup("never", "Never smoked", 250, mean(180, -5.3, 2.7), mean(170, -25.0, 16), share(150, 180)),
                        new SubgroupGroup("current", "Current smoker", 60, mean(45, -4.1, 2.9), mean(40, -19.0, 17), share(32, 45))),
                        List.of(new SubgroupComparison("current", "never", MeanDifference.welch(MeanEstimate.fromSummary(45, -4.1, 2.9),
                                MeanEstimate.fromSummary(180, -5.3, 2.7)).orElse(null), null,
                                ProportionDifference.newcombe(32, 45, 150, 180).orElse(null))))));
        List<BenchmarkComparison> benchmarks = compare(tps, survival);
        TimepointOutcome t12 = tps.get(3);
        Headline headline = new Headline("12m", 430, 380, 298, tps.get(0).pain(), t12.pain(), t12.painChange(), t12.clinicallyImportantPain(),
                t12.substantialBenefitPain(), t12.odiChange(), t12.clinicallyImportantOdi(), t12.wouldRepeat(), survival.at().get(0),
                complications.any(), benchmarks.stream().filter(b -> b.kind() == Benchmark.Kind.SEED_CLAIM && "wouldRepeat".equals(b.cohortField()))
                        .findFirst().orElse(null));
        return new OutcomeReport("HIL", "Hillside Spine Clinic", CohortFilter.all(), LocalDate.of(2026, 11, 1), "default", 412, 430,
                LocalDate.of(2021, 3, 3), LocalDate.of(2026, 10, 20), THRESHOLDS, tps, complications, survival, subgroups, benchmarks, headline);
    }

    /** Six patients operated in 2026, all eligible at 12 months? No: 6 eligible and 5 answered at 6 weeks only. */
    static OutcomeReport small() {
        List<TimepointOutcome> tps = List.of(
                new TimepointOutcome("baseline", "Before surgery", 6, 6, share(6, 6), mean(6, 8.0, 1.0), null, mean(6, 52.0, 10), null, null,
                        null, null, null, null, share(0, 6), null, null, null),
                new TimepointOutcome("6w", "6 weeks", 6, 5, share(5, 6), mean(5, 3.0, 1.5), null, mean(5, 35.0, 12), mean(5, -5.0, 1.8),
                        mean(5, -17.0, 9), share(4, 5), share(4, 5), share(3, 5), share(2, 5), share(1, 5), share(4, 5), share(5, 5), share(4, 5)),
                new TimepointOutcome("12m", "12 months", 0, 0, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        ComplicationSummary complications = new ComplicationSummary(6, 0, share(0, 6), share(0, 6), List.of(), grades(new int[7], 6));
        RevisionFreeSurvival survival = new RevisionFreeSurvival(6, 0, 6, List.of(), List.of());
        // the primary timepoint is 6 weeks here so the small-n wording is exercised
        TimepointOutcome t = tps.get(1);
        Headline headline = new Headline("6w", 6, 6, 5, tps.get(0).pain(), t.pain(), t.painChange(), t.clinicallyImportantPain(),
                t.substantialBenefitPain(), t.odiChange(), t.clinicallyImportantOdi(), t.wouldRepeat(), null, complications.any(), null);
        return new OutcomeReport("HIL", "Hillside Spine Clinic", new CohortFilter(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null,
                null, Map.of()), LocalDate.of(2026, 11, 1), "default", 6, 6, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 10), THRESHOLDS, tps,
                complications, survival, new SubgroupTable("12m", List.of()), compare(tps, survival), headline);
    }

    /** Nobody operated in the period. */
    static OutcomeReport empty() {
        List<TimepointOutcome> tps = List.of(
                new TimepointOutcome("baseline", "Before surgery", 0, 0, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null),
                new TimepointOutcome("12m", "12 months", 0, 0, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        ComplicationSummary complications = new ComplicationSummary(0, 0, null, null, List.of(), grades(new int[7], 0));
        RevisionFreeSurvival survival = new RevisionFreeSurvival(0, 0, 0, List.of(), List.of());
        Headline headline = new Headline(null, 0, 0, 0, null, null, null, null, null, null, null, null, null, null, null);
        return new OutcomeReport("HIL", "Hillside Spine Clinic", new CohortFilter(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), null,
                null, Map.of()), LocalDate.of(2026, 11, 1), "default", 0, 0, null, null, THRESHOLDS, tps, complications, survival,
                new SubgroupTable("12m", List.of()), compare(tps, survival), headline);
    }

    private static List<ComplicationRate> grades(int[] events, int episodes) {
        String[] names = {"I", "II", "IIIa", "IIIb", "IVa", "IVb", "V"};
        List<ComplicationRate> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            out.add(new ComplicationRate(names[i], "Clavien-Dindo grade " + names[i], events[i], share(events[i], episodes), null));
        }
        return out;
    }

    /** The cohort beside each published figure: a small version of the analysis' matching, enough for the document. */
    private static List<BenchmarkComparison> compare(List<TimepointOutcome> tps, RevisionFreeSurvival survival) {
        List<BenchmarkComparison> out = new ArrayList<>();
        for (Benchmark b : BENCHMARKS) {
            for (BenchmarkFigure f : b.figures()) {
                String tpId = f.timepoint() == null ? "12m" : f.timepoint();
                TimepointOutcome tp = tps.stream().filter(t -> t.id().equals(tpId)).findFirst().orElse(null);
                String label = f.label() == null ? "" : f.label().toLowerCase(Locale.ROOT);
                String field = null;
                Double value = null;
                ConfidenceInterval ci = null;
                Integer n = null;
                MeanValue m = null;
                ProportionEstimate p = null;
                switch (f.measure()) {
                    case PAIN -> { field = "pain.mean"; m = tp == null ? null : tp.pain(); }
                    case PAIN_CHANGE -> { field = "painChange.mean"; m = tp == null ? null : tp.painChange(); }
                    case ODI -> { field = "odi.mean"; m = tp == null ? null : tp.odi(); }
                    case ODI_CHANGE -> { field = "odiChange.mean"; m = tp == null ? null : tp.odiChange(); }
                    case SHARE, COUNT -> {
                        if (label.startsWith("clinically important improvement, pain")) {
                            field = "clinicallyImportantPain";
                            p = tp == null ? null : tp.clinicallyImportantPain();
                        } else if (label.startsWith("would have the procedure again")) {
                            field = "wouldRepeat";
                            p = tp == null ? null : tp.wouldRepeat();
                        } else if (label.equals("improved")) {
                            field = "improved";
                            p = tp == null ? null : tp.improved();
                        }
                    }
                    default -> { }
                }
                if (m != null) {
                    value = m.mean();
                    ci = m.ci95();
                    n = m.n();
                }
                if (p != null) {
                    value = 100 * p.proportion();
                    ci = new ConfidenceInterval(100 * p.interval().lower(), 100 * p.interval().upper());
                    n = p.n();
                }
                boolean matched = field != null && (tp != null || f.timepoint() == null);
                out.add(new BenchmarkComparison(b.id(), b.kind(), b.name(), b.design(), b.citation(), f.timepoint(), f.measure(), f.arm(),
                        f.label(), f.value(), f.of(), f.unit(), f.note(), matched ? tpId : null, matched ? field : null, matched ? value : null,
                        matched ? ci : null, matched ? n : null));
            }
        }
        return out;
    }
}
