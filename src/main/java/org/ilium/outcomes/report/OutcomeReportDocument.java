package org.ilium.outcomes.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.ilium.outcomes.domain.Benchmark;
import org.ilium.outcomes.domain.BenchmarkComparison;
import org.ilium.outcomes.domain.BenchmarkFigure;
import org.ilium.outcomes.domain.Citation;
import org.ilium.outcomes.domain.CohortFilter;
import org.ilium.outcomes.domain.ComplicationRate;
import org.ilium.outcomes.domain.ComplicationSummary;
import org.ilium.outcomes.domain.ConfidenceInterval;
import org.ilium.outcomes.domain.Headline;
import org.ilium.outcomes.domain.MeanDifference;
import org.ilium.outcomes.domain.MeanValue;
import org.ilium.outcomes.domain.OutcomeReport;
import org.ilium.outcomes.domain.OutcomeThresholds;
import org.ilium.outcomes.domain.ProportionDifference;
import org.ilium.outcomes.domain.ProportionEstimate;
import org.ilium.outcomes.domain.RevisionFreeSurvival;
import org.ilium.outcomes.domain.SubgroupComparison;
import org.ilium.outcomes.domain.SubgroupFactor;
import org.ilium.outcomes.domain.SubgroupGroup;
import org.ilium.outcomes.domain.SurvivalStep;
import org.ilium.outcomes.domain.TimepointOutcome;
import org.ilium.outcomes.report.OutcomeCharts.AtRisk;
import org.ilium.outcomes.report.OutcomeCharts.Comparison;
import org.ilium.outcomes.report.OutcomeCharts.Count;
import org.ilium.outcomes.report.OutcomeCharts.Point;
import org.ilium.outcomes.report.OutcomeCharts.Series;
import org.ilium.outcomes.report.OutcomeCharts.Source;
import org.ilium.shared.document.DocumentRenderer;

/**
 * The outcome report as a document for people (template {@code documents/outcome-report.html}): the answer in one
 * paragraph first, then charts, each with the same numbers as a table, the subgroups, complications, the published
 * benchmarks beside the cohort, and how every figure was made. HTML for the screen, PDF to send; aggregate figures
 * only, never a patient.
 */
public final class OutcomeReportDocument {
    /** Below this many answers a share or mean is shown but not read as an answer ("too few answers to say"). */
    public static final int FEW = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final Map<String, String> TIMEPOINT_NAMES = Map.of("baseline", "before surgery", "2w", "2 weeks", "6w", "6 weeks",
            "3m", "3 months", "6m", "6 months", "12m", "12 months", "24m", "24 months", "5y", "5 years");

    private final DocumentRenderer renderer;
    private final Clock clock;
    private final String version;

    public OutcomeReportDocument(DocumentRenderer renderer) {
        this(renderer, Clock.systemUTC());
    }

    public OutcomeReportDocument(DocumentRenderer renderer, Clock clock) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = Objects.requireNonNull(clock, "clock");
        String v = OutcomeReportDocument.class.getPackage().getImplementationVersion();
        this.version = v == null ? "development build" : v;
    }

    /** The document for browsers: charts with SVG text, so the page stays small. */
    public String html(OutcomeReport report) {
        return renderer.html("outcome-report", model(report, false));
    }

    /** The PDF, from the same template; chart lettering as outlines so the PDF needs no font in its SVG renderer. */
    public byte[] pdf(OutcomeReport report) {
        return renderer.pdf(renderer.html("outcome-report", model(report, true)));
    }

    // ---- the answer in one paragraph ----

    /**
     * The headline paragraph: how many were operated since when, how many reached the primary timepoint and
     * answered, the share with clinically important pain relief (thresholds named from the report), and the rest of
     * the headline figures. Says "too few answers to say" below {@link #FEW} answers instead of a bare percentage.
     */
    public static String headline(OutcomeReport r) {
        StringBuilder s = new StringBuilder();
        if (r.patientsOperated() == 0) {
            return "No patients were operated " + period(r) + ", so there are no outcomes to report yet.";
        }
        Headline h = r.headline();
        TimepointOutcome tp = h == null || h.primaryTimepoint() == null ? null : r.timepoint(h.primaryTimepoint());
        String when = tp == null ? "the main follow-up" : timepointName(tp);
        s.append("Of ").append(count(r.patientsOperated(), "patient", "patients")).append(" operated ").append(period(r));
        if (r.episodesOperated() != r.patientsOperated()) {
            s.append(" (").append(count(r.episodesOperated(), "joint", "joints")).append(")");
        }
        if (tp == null || h.eligible() == 0) {
            s.append(", none has reached ").append(when).append(" after surgery by ").append(day(r.asOf()))
                    .append(", so it is too early to say whether the operation works here.");
            appendSafety(s, r, h);
            return s.toString();
        }
        s.append(", ").append(n(h.eligible())).append(h.eligible() == 1 ? " has" : " have").append(" reached ").append(when)
                .append(" after surgery and ").append(n(h.responded())).append(" of them answered");
        int missing = h.eligible() - h.responded();
        if (missing > 0) {
            s.append(" (").append(n(missing)).append(" did not: ").append(percentOf(missing, h.eligible()))
                    .append(" whose outcome is unknown)");
        }
        s.append(". ");
        String relief = "clinically important pain relief (a fall of " + points(r.thresholds().pain().importantImprovement() / 10)
                + " points or more on the 0-10 scale)";
        ProportionEstimate cip = h.clinicallyImportantPain();
        if (cip == null || cip.n() == 0) {
            s.append("None has pain scores both before surgery and at ").append(when)
                    .append(", so there are too few answers to say whether the pain got better.");
        } else if (cip.n() < FEW) {
            s.append("Only ").append(cip.n()).append(" have pain scores both before surgery and at ").append(when)
                    .append(": too few answers to say. For what it is worth, ").append(cip.successes()).append(" of ").append(cip.n())
                    .append(" reported ").append(relief).append(", 95 % CI ").append(range(cip)).append(", far too wide to conclude anything.");
        } else {
            s.append(pct(cip.proportion())).append(" (95 % CI ").append(range(cip)).append(") of the ").append(n(cip.n()))
                    .append(" with pain scores before surgery and at ").append(when).append(" reported ").append(relief);
            MeanValue change = h.painChange();
            if (h.baselinePain() != null && h.pain() != null) {
                s.append("; mean pain went from ").append(one(h.baselinePain().mean())).append(" before surgery to ")
                        .append(one(h.pain().mean())).append(" out of 10");
                if (change != null && change.ci95() != null) {
                    s.append(" (mean change ").append(signed(change.mean())).append(", 95 % CI ").append(signed(change.ci95().lower()))
                            .append(" to ").append(signed(change.ci95().upper())).append(")");
                }
            }
            s.append(".");
        }
        ProportionEstimate odi = h.clinicallyImportantOdi();
        if (odi != null && odi.n() >= FEW) {
            s.append(" ").append(pct(odi.proportion())).append(" (95 % CI ").append(range(odi)).append(") of ").append(n(odi.n()))
                    .append(" improved their Oswestry Disability Index by ").append(points(r.thresholds().odi().importantImprovement()))
                    .append(" points or more.");
        } else if (odi != null && odi.n() > 0) {
            s.append(" Only ").append(odi.n()).append(" have disability (ODI) scores before and after: too few answers to say.");
        }
        ProportionEstimate repeat = h.wouldRepeat();
        if (repeat != null && repeat.n() >= FEW) {
            s.append(" ").append(pct(repeat.proportion())).append(" of the ").append(n(repeat.n()))
                    .append(" who were asked would have the procedure again");
            if (h.seedClaim() != null) {
                s.append(", against the seed article's own claim that ").append(claim(h.seedClaim()))
                        .append(" (a claim, not a figure from the published study)");
            }
            s.append(".");
        } else if (repeat != null && repeat.n() > 0) {
            s.append(" Only ").append(repeat.n()).append(" said whether they would have the procedure again: too few answers to say.");
        }
        appendSafety(s, r, h);
        return s.toString();
    }

    private static void appendSafety(StringBuilder s, OutcomeReport r, Headline h) {
        if (h != null && h.revisionFree() != null) {
            SurvivalStep rf = h.revisionFree();
            s.append(" ").append(pct(rf.survival()));
            if (rf.ci95() != null) {
                s.append(" (95 % CI ").append(pct(rf.ci95().lower(), false)).append("-").append(pct(rf.ci95().upper())).append(")");
            }
            s.append(" were free of revision surgery at ").append(timepointName(rf.timepoint(), rf.timepoint())).append(".");
        }
        ComplicationSummary c = r.complications();
        if (c != null && c.any() != null) {
            s.append(" ").append(n(c.any().successes())).append(" of ").append(count(c.episodes(), "operation", "operations"))
                    .append(" (").append(pct(c.any().proportion())).append(") had a complication recorded.");
        }
    }

    private static String claim(BenchmarkComparison seed) {
        String what = seed.label() == null ? "patients" : seed.label();
        if (seed.measure() == BenchmarkFigure.Measure.COUNT && seed.publishedOf() != null) {
            return number(seed.publishedValue(), 0) + " of " + seed.publishedOf() + " " + what;
        }
        return number(seed.publishedValue(), 0) + " % " + what;
    }

    // ---- the template's model ----

    Map<String, Object> model(OutcomeReport r, boolean outlineText) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean empty = r.patientsOperated() == 0;
        m.put("title", "Outcomes of SI joint fusion" + (r.siteName() == null ? "" : " at " + r.siteName()));
        m.put("site", r.siteName() == null ? r.siteCode() : r.siteName() + (r.siteCode() == null ? "" : " (" + r.siteCode() + ")"));
        m.put("cohort", cohort(r.filter()));
        m.put("period", capitalise(period(r)));
        m.put("periodInSentence", period(r));
        m.put("operated", r.firstSurgery() == null ? "none" : day(r.firstSurgery()) + " to " + day(r.lastSurgery()));
        m.put("asOf", day(r.asOf()));
        m.put("patients", r.patientsOperated());
        m.put("episodes", r.episodesOperated());
        m.put("protocol", r.protocolId());
        m.put("headline", headline(r));
        m.put("empty", empty);
        m.put("generatedAt", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(clock.instant().atOffset(ZoneOffset.UTC)));
        m.put("version", version);
        m.put("few", FEW);
        m.put("thresholds", thresholds(r.thresholds()));
        m.put("followUp", followUp(r));
        List<Chart> charts = new ArrayList<>();
        Map<String, Chart> byName = new LinkedHashMap<>();
        if (!empty) {
            put(byName, charts, "pain", painChart(r));
            put(byName, charts, "odi", odiChart(r));
            put(byName, charts, "responders", respondersChart(r));
            put(byName, charts, "survival", survivalChart(r));
            put(byName, charts, "complications", complicationsChart(r));
        }
        Map<String, Object> views = new LinkedHashMap<>();
        byName.forEach((name, chart) -> views.put(name, view(chart, outlineText)));
        m.put("chart", views);
        m.put("verdict", verdict(r));
        m.put("survivalSummary", survivalSummary(r.revisionFreeSurvival()));
        m.put("complications", complications(r.complications()));
        m.put("subgroups", subgroups(r));
        m.put("subgroupTimepoint", r.subgroups() == null ? null : timepointName(r.subgroups().timepoint(), r.subgroups().timepoint()));
        List<Chart> benchmarkCharts = empty ? List.of() : benchmarkCharts(r);
        charts.addAll(benchmarkCharts);
        m.put("benchmarkCharts", benchmarkCharts.stream().map(c -> view(c, outlineText)).toList());
        m.put("benchmarks", benchmarkRows(r));
        m.put("studies", studies(r));
        m.put("chartCount", charts.size());
        m.put("missingNote", missingNote(r));
        return m;
    }

    private static Map<String, Object> view(Chart c, boolean outlineText) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", c.id());
        v.put("title", c.title());
        v.put("svg", c.svg(outlineText));
        v.put("description", c.description());
        v.put("table", c.table());
        return v;
    }

    private static void put(Map<String, Chart> byName, List<Chart> charts, String name, Chart chart) {
        if (chart != null) {
            byName.put(name, chart);
            charts.add(chart);
        }
    }

    private static List<Map<String, Object>> followUp(OutcomeReport r) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TimepointOutcome t : r.timepoints()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", t.label());
            row.put("eligible", t.eligible());
            row.put("answered", t.n());
            row.put("missing", Math.max(0, t.eligible() - t.n()));
            row.put("rate", t.responseRate() == null ? "-" : pct(t.responseRate().proportion()) + " (" + range(t.responseRate()) + ")");
            row.put("missingShare", t.eligible() == 0 ? "-" : percentOf(Math.max(0, t.eligible() - t.n()), t.eligible()));
            rows.add(row);
        }
        return rows;
    }

    private static String missingNote(OutcomeReport r) {
        List<String> parts = new ArrayList<>();
        for (TimepointOutcome t : r.timepoints()) {
            if (t.eligible() > 0) {
                parts.add(t.label() + " " + percentOf(Math.max(0, t.eligible() - t.n()), t.eligible()) + " (" + (t.eligible() - t.n())
                        + " of " + t.eligible() + ")");
            }
        }
        return parts.isEmpty() ? "No patient has reached a follow-up timepoint yet." : "Missing follow-up: " + String.join("; ", parts) + ".";
    }

    /** Short names for chart axes, where a protocol's own labels ("6 weeks after surgery") would not fit side by side. */
    private static final Map<String, String> AXIS_NAMES = Map.of("baseline", "Before", "2w", "2 weeks", "6w", "6 weeks", "3m", "3 months",
            "6m", "6 months", "12m", "12 months", "24m", "2 years", "5y", "5 years");

    private static String axisName(TimepointOutcome t) {
        return AXIS_NAMES.getOrDefault(t.id(), t.label());
    }

    private static List<String> categories(OutcomeReport r, boolean withBaseline) {
        return r.timepoints().stream().filter(t -> withBaseline || !"baseline".equals(t.id())).map(OutcomeReportDocument::axisName).toList();
    }

    private static Point mean(String label, MeanValue v) {
        if (v == null || v.n() == 0) {
            return null;
        }
        return v.ci95() == null ? Point.withoutInterval(label, v.n(), v.mean()) : Point.of(label, v.n(), v.mean(), v.ci95().lower(), v.ci95().upper());
    }

    private static Point share(String label, ProportionEstimate p) {
        if (p == null || p.n() == 0) {
            return null;
        }
        return Point.of(label, p.n(), 100 * p.proportion(), 100 * p.interval().lower(), 100 * p.interval().upper());
    }

    private static List<Point> points(OutcomeReport r, java.util.function.Function<TimepointOutcome, Point> f) {
        return r.timepoints().stream().map(f).filter(Objects::nonNull).toList();
    }

    private static Chart painChart(OutcomeReport r) {
        List<Series> series = new ArrayList<>();
        series.add(new Series("SI joint (back) pain", points(r, t -> mean(axisName(t), t.pain()))));
        List<Point> leg = points(r, t -> mean(axisName(t), t.legPain()));
        if (!leg.isEmpty()) {
            series.add(new Series("Leg pain", leg));
        }
        return OutcomeCharts.overTime("chart-pain", "Mean pain over time (0-10, with 95 % CI)", "Pain (0-10, lower is better)", 0, 10,
                categories(r, true), series, 1);
    }

    private static Chart odiChart(OutcomeReport r) {
        return OutcomeCharts.overTime("chart-odi", "Mean disability (Oswestry Disability Index) over time, with 95 % CI",
                "ODI (0-100, lower is better)", 0, 100, categories(r, true),
                List.of(new Series("Oswestry Disability Index", points(r, t -> mean(axisName(t), t.odi())))), 1);
    }

    private static Chart respondersChart(OutcomeReport r) {
        OutcomeThresholds th = r.thresholds();
        List<Series> series = List.of(
                new Series("Pain: fall \u2265 " + points(th.pain().importantImprovement() / 10), points(r, t -> share(axisName(t), t.clinicallyImportantPain()))),
                new Series("Pain: fall \u2265 " + points(th.pain().substantialImprovement() / 10) + " or final \u2264 "
                        + points(th.pain().substantialFinalAtMost() / 10), points(r, t -> share(axisName(t), t.substantialBenefitPain()))),
                new Series("ODI: fall \u2265 " + points(th.odi().importantImprovement()), points(r, t -> share(axisName(t), t.clinicallyImportantOdi()))),
                new Series("ODI: fall \u2265 " + points(th.odi().substantialImprovement()), points(r, t -> share(axisName(t), t.substantialBenefitOdi()))));
        return OutcomeCharts.shares("chart-responders", "Responders after surgery (share of those who answered, with 95 % CI)",
                categories(r, false), series);
    }

    private static Chart survivalChart(OutcomeReport r) {
        RevisionFreeSurvival s = r.revisionFreeSurvival();
        if (s == null || s.episodes() == 0) {
            return null;
        }
        List<OutcomeCharts.SurvivalStep> steps = s.steps().stream().map(x -> new OutcomeCharts.SurvivalStep(x.months(), x.survival(),
                x.ci95() == null ? null : x.ci95().lower(), x.ci95() == null ? null : x.ci95().upper())).toList();
        List<AtRisk> atRisk = new ArrayList<>();
        atRisk.add(new AtRisk(0, s.episodes()));
        double until = s.steps().stream().mapToDouble(SurvivalStep::months).max().orElse(0);
        for (SurvivalStep a : s.at()) {
            if (a.atRisk() > 0) {
                atRisk.add(new AtRisk(a.months(), a.atRisk()));
                until = Math.max(until, a.months());
            }
        }
        if (until == 0) {
            until = 12;
        }
        return OutcomeCharts.survival("chart-survival", "Freedom from revision surgery (Kaplan-Meier, with 95 % CI)", "revision",
                "Months since surgery", steps, atRisk, until);
    }

    private static Chart complicationsChart(OutcomeReport r) {
        ComplicationSummary c = r.complications();
        if (c == null || c.events() == 0) {
            return null;
        }
        // the report counts by type and by grade separately, so the chart shows both blocks, one colour each
        List<Count> counts = new ArrayList<>();
        for (ComplicationRate t : c.byType()) {
            counts.add(new Count(t.name(), "By type", t.events()));
        }
        for (ComplicationRate g : c.byGrade()) {
            if (g.events() > 0) {
                counts.add(new Count(g.name(), "By Clavien-Dindo grade", g.events()));
            }
        }
        return OutcomeCharts.complications("chart-complications", "Complications recorded, by type and by Clavien-Dindo grade",
                List.of("By type", "By Clavien-Dindo grade"), counts);
    }

    private static List<Map<String, Object>> verdict(OutcomeReport r) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TimepointOutcome t : r.timepoints()) {
            if ("baseline".equals(t.id())) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", t.label());
            row.put("painFree", cell(t.painFree()));
            row.put("improved", cell(t.improved()));
            row.put("satisfied", cell(t.satisfied()));
            row.put("wouldRepeat", cell(t.wouldRepeat()));
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> survivalSummary(RevisionFreeSurvival s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("episodes", s.episodes());
        m.put("revisions", s.revisions());
        m.put("censored", s.censored());
        List<List<String>> at = new ArrayList<>();
        for (SurvivalStep a : s.at()) {
            at.add(List.of(timepointName(a.timepoint(), a.timepoint()), String.valueOf(a.atRisk()), pct(a.survival()),
                    a.ci95() == null ? "-" : pct(a.ci95().lower(), false) + "-" + pct(a.ci95().upper())));
        }
        m.put("at", at);
        return m;
    }

    private static Map<String, Object> complications(ComplicationSummary c) {
        if (c == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("episodes", c.episodes());
        m.put("events", c.events());
        m.put("any", c.any() == null ? "-" : c.any().successes() + " (" + cell(c.any()) + ")");
        m.put("serious", c.serious() == null ? "-" : c.serious().successes() + " (" + cell(c.serious()) + ")");
        List<List<String>> byType = new ArrayList<>();
        for (ComplicationRate t : c.byType()) {
            byType.add(List.of(t.name(), String.valueOf(t.events()), cell(t.rate()),
                    t.literatureRatePercent() == null ? "not known" : asPublished(t.literatureRatePercent()) + " %"));
        }
        m.put("byType", byType);
        List<List<String>> byGrade = new ArrayList<>();
        for (ComplicationRate g : c.byGrade()) {
            byGrade.add(List.of(g.name(), String.valueOf(g.events()), cell(g.rate())));
        }
        m.put("byGrade", byGrade);
        return m;
    }

    private static List<Map<String, Object>> subgroups(OutcomeReport r) {
        List<Map<String, Object>> factors = new ArrayList<>();
        if (r.subgroups() == null) {
            return factors;
        }
        for (SubgroupFactor f : r.subgroups().factors()) {
            Map<String, Object> factor = new LinkedHashMap<>();
            factor.put("label", f.label());
            List<List<String>> rows = new ArrayList<>();
            for (SubgroupGroup g : f.groups()) {
                SubgroupComparison c = f.comparisons().stream().filter(x -> x.group().equals(g.id())).findFirst().orElse(null);
                String reference = c == null ? null : f.groups().stream().filter(x -> x.id().equals(c.reference())).map(SubgroupGroup::label)
                        .findFirst().orElse(c.reference());
                rows.add(List.of(g.label(), String.valueOf(g.episodes()), meanCell(g.painChange(), 1), meanCell(g.odiChange(), 1),
                        cell(g.clinicallyImportantPain()),
                        c == null ? (f.comparisons().stream().anyMatch(x -> x.reference().equals(g.id())) ? "reference" : "-")
                                : "vs " + reference + ": pain " + difference(c.painChange()) + "; responders "
                                        + difference(c.clinicallyImportantPain())));
            }
            factor.put("rows", rows);
            factors.add(factor);
        }
        return factors;
    }

    // ---- benchmarks ----

    private record Family(String id, String title, String axis, double min, double max, int digits) {
    }

    private static Family family(BenchmarkComparison c) {
        return switch (c.measure()) {
            case PAIN -> new Family("pain", "Mean pain (0-10): this clinic and published studies", "Mean pain (0-10)", 0, 10, 1);
            case PAIN_CHANGE -> new Family("pain-change", "Change in pain from before surgery (0-10 scale)",
                    "Mean change in pain (negative is better)", -10, 2, 1);
            case ODI -> new Family("odi", "Mean Oswestry Disability Index: this clinic and published studies", "Mean ODI (0-100)", 0, 100, 1);
            case ODI_CHANGE -> new Family("odi-change", "Change in ODI from before surgery", "Mean change in ODI (negative is better)", -60, 10, 1);
            case SHARE -> new Family("share", "Shares of patients: this clinic and published studies", "Patients (%)", 0, 100, 0);
            case COUNT -> c.publishedOf() == null ? null
                    : new Family("share", "Shares of patients: this clinic and published studies", "Patients (%)", 0, 100, 0);
            default -> null;
        };
    }

    private static double published(BenchmarkComparison c) {
        return c.measure() == BenchmarkFigure.Measure.COUNT && c.publishedOf() != null && c.publishedOf() > 0
                ? 100 * c.publishedValue() / c.publishedOf() : c.publishedValue();
    }

    /** One dot-and-interval chart per kind of figure; a cohort row above the published rows it is compared with. */
    private static List<Chart> benchmarkCharts(OutcomeReport r) {
        Map<String, Family> families = new LinkedHashMap<>();
        Map<String, List<Comparison>> rows = new LinkedHashMap<>();
        Map<String, Integer> cohortRows = new LinkedHashMap<>();
        List<BenchmarkComparison> sorted = new ArrayList<>(r.benchmarks());
        sorted.sort(java.util.Comparator.comparingInt((BenchmarkComparison c) -> timeOrder(c.cohortTimepoint()))
                .thenComparing(c -> c.cohortField() == null ? "" : c.cohortField()));
        for (BenchmarkComparison c : sorted) {
            Family f = family(c);
            if (f == null || c.cohortField() == null) {
                continue;
            }
            families.putIfAbsent(f.id(), f);
            List<Comparison> list = rows.computeIfAbsent(f.id(), k -> new ArrayList<>());
            String what = f.id().equals("share") ? ": " + shareName(c) : "";
            String key = f.id() + "|" + c.cohortTimepoint() + "|" + c.cohortField();
            boolean cohortShown = cohortRows.containsKey(key);
            if (c.cohortValue() != null && !cohortShown) {
                cohortRows.put(key, list.size());
                list.add(new Comparison("This clinic, " + timepointName(c.cohortTimepoint(), "any time") + what,
                        Source.COHORT, c.cohortValue(), c.cohortCi95() == null ? null : c.cohortCi95().lower(),
                        c.cohortCi95() == null ? null : c.cohortCi95().upper(), c.cohortN() == null ? 0 : c.cohortN()));
            }
            Source source = c.kind() == Benchmark.Kind.SEED_CLAIM ? Source.SEED_CLAIM : Source.PUBLISHED;
            String who = c.kind() == Benchmark.Kind.SEED_CLAIM ? "Seed article's claim" : shortName(c);
            String arm = arm(c);
            // a published row right under its cohort row needs no "what" again; the label stays short
            boolean underCohort = c.cohortValue() != null;
            list.add(new Comparison(who + ", " + (c.timepoint() == null ? "time not stated" : timepointName(c.timepoint(), c.timepoint()))
                    + (arm == null ? "" : " (" + arm + ")") + (underCohort ? "" : what), source, published(c), null, null,
                    c.publishedOf() != null ? c.publishedOf() : 0));
        }
        List<Chart> charts = new ArrayList<>();
        for (Map.Entry<String, Family> e : families.entrySet()) {
            Family f = e.getValue();
            List<Comparison> list = rows.get(e.getKey());
            double lo = Math.min(f.min(), list.stream().mapToDouble(x -> x.lower() == null ? x.value() : x.lower()).min().orElse(f.min()));
            double hi = Math.max(f.max(), list.stream().mapToDouble(x -> x.upper() == null ? x.value() : x.upper()).max().orElse(f.max()));
            charts.add(OutcomeCharts.comparison("chart-benchmark-" + f.id(), f.title(), f.axis(), lo, hi, list, f.digits()));
        }
        return charts;
    }

    private static final Map<String, String> SHARE_NAMES = Map.of("clinicallyImportantPain", "pain relief (important)",
            "substantialBenefitPain", "pain relief (substantial)", "clinicallyImportantOdi", "ODI better (important)",
            "substantialBenefitOdi", "ODI better (substantial)", "wouldRepeat", "would have it again", "improved", "improved",
            "satisfied", "satisfied");

    private static String shareName(BenchmarkComparison c) {
        String name = SHARE_NAMES.get(c.cohortField());
        if (name == null && c.cohortField() != null && c.cohortField().startsWith("revisionFreeSurvival")) {
            name = "revised";
        }
        return name != null ? name : shorten((c.label() == null ? c.cohortField() : c.label()).replace(" after surgery", ""), 28);
    }

    /** "INSITE (Polly 2015)", "Sachs 2013": the trial's acronym if it has one, then first author and year. */
    static String shortName(BenchmarkComparison c) {
        String source = c.citation() == null ? "" : c.citation().source();
        String author = source.isBlank() ? "" : source.split("[ ,]", 2)[0];
        java.util.regex.Matcher year = java.util.regex.Pattern.compile("\\b(19|20)\\d{2}\\b").matcher(source);
        String authorYear = (author + (year.find() ? " " + year.group() : "")).trim();
        String first = c.study() == null ? "" : c.study().split(" ", 2)[0];
        boolean acronym = first.chars().filter(Character::isUpperCase).count() >= 3;
        if (acronym) {
            return authorYear.isEmpty() ? first : first + " (" + authorYear + ")";
        }
        return authorYear.isEmpty() ? shorten(c.study(), 26) : authorYear;
    }

    /** The study arm a figure belongs to, from the arm code or a note such as "conservative arm (Dengler 2019)". */
    private static String arm(BenchmarkComparison c) {
        if (c.arm() != null) {
            return c.arm().replace('_', '-') + " arm";
        }
        if (c.note() != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\\w-]+) arm").matcher(c.note());
            if (m.find()) {
                return m.group();
            }
        }
        return null;
    }

    private static int timeOrder(String timepoint) {
        int i = timepoint == null ? -1 : BenchmarkFigure.TIMEPOINTS.indexOf(timepoint);
        return i < 0 ? 99 : i;
    }

    private static List<Map<String, Object>> benchmarkRows(OutcomeReport r) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String previous = null;
        for (BenchmarkComparison c : r.benchmarks()) {
            Map<String, Object> row = new LinkedHashMap<>();
            // the study's name on its first row only, so the table reads as one block per study
            row.put("study", c.benchmarkId().equals(previous) ? "" : c.study());
            row.put("first", !c.benchmarkId().equals(previous));
            previous = c.benchmarkId();
            row.put("seedClaim", c.kind() == Benchmark.Kind.SEED_CLAIM);
            row.put("timepoint", c.timepoint() == null ? "not stated" : timepointName(c.timepoint(), c.timepoint()));
            row.put("figure", figureName(c));
            row.put("published", publishedText(c));
            String cohort;
            if (c.cohortField() == null && c.timepoint() != null && r.timepoint(c.timepoint()) == null) {
                cohort = "no " + timepointName(c.timepoint(), c.timepoint()) + " follow-up in this report";
            } else if (c.cohortField() == null) {
                cohort = "not measured here";
            } else if (c.cohortValue() == null) {
                cohort = "no answers yet";
            } else {
                boolean share = family(c) != null && family(c).id().equals("share");
                int digits = share ? 0 : 1;
                cohort = minus(number(c.cohortValue(), digits)) + (share ? " %" : "")
                        + (c.cohortCi95() == null ? "" : " (" + minus(number(c.cohortCi95().lower(), digits)) + " to "
                                + minus(number(c.cohortCi95().upper(), digits)) + ")")
                        + (c.cohortN() == null ? "" : ", n " + c.cohortN())
                        + (c.timepoint() == null && c.cohortTimepoint() != null ? ", at " + timepointName(c.cohortTimepoint(), c.cohortTimepoint()) : "");
            }
            row.put("cohort", cohort);
            rows.add(row);
        }
        return rows;
    }

    private static String figureName(BenchmarkComparison c) {
        String base = switch (c.measure()) {
            case PAIN -> "mean pain (0-10)";
            case PAIN_CHANGE -> "mean change in pain (0-10)";
            case ODI -> "mean ODI";
            case ODI_CHANGE -> "mean change in ODI";
            case EQ5D_TTO_CHANGE -> "mean change in EQ-5D (time trade-off)";
            default -> c.label() == null ? c.measure().name().toLowerCase(Locale.ROOT) : c.label();
        };
        if (c.label() != null && (c.measure() == BenchmarkFigure.Measure.PAIN || c.measure() == BenchmarkFigure.Measure.ODI)) {
            base += ", " + c.label();
        }
        return base + (c.arm() == null ? "" : " (" + c.arm().replace('_', '-') + " arm)") + (c.note() == null ? "" : "; " + c.note());
    }

    private static String publishedText(BenchmarkComparison c) {
        return switch (c.measure()) {
            case SHARE -> asPublished(c.publishedValue()) + " %";
            case COUNT -> asPublished(c.publishedValue()) + (c.publishedOf() == null ? "" : " of " + c.publishedOf() + " ("
                    + asPublished(published(c)) + " %)");
            case OTHER -> asPublished(c.publishedValue()) + (c.unit() == null ? "" : " " + c.unit());
            default -> asPublished(c.publishedValue());
        };
    }

    private static List<Map<String, Object>> studies(OutcomeReport r) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (BenchmarkComparison c : r.benchmarks()) {
            byId.computeIfAbsent(c.benchmarkId(), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", c.study());
                m.put("design", c.design());
                m.put("seedClaim", c.kind() == Benchmark.Kind.SEED_CLAIM);
                m.put("citation", cite(c.citation()));
                return m;
            });
        }
        return new ArrayList<>(byId.values());
    }

    private static Map<String, Object> thresholds(OutcomeThresholds t) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (t == null) {
            return m;
        }
        m.put("painImportant", points(t.pain().importantImprovement() / 10) + " points on 0-10 (" + points(t.pain().importantImprovement())
                + " mm on a 100 mm VAS)");
        m.put("painSubstantial", points(t.pain().substantialImprovement() / 10) + " points, or a final score of "
                + points(t.pain().substantialFinalAtMost() / 10) + " or less");
        m.put("odiImportant", points(t.odi().importantImprovement()) + " points");
        m.put("odiSubstantial", points(t.odi().substantialImprovement()) + " points");
        m.put("citation", cite(t.citation()));
        return m;
    }

    // ---- wording and numbers ----

    private static String period(OutcomeReport r) {
        CohortFilter f = r.filter();
        if (f.from() != null && f.to() != null) {
            return "between " + day(f.from()) + " and " + day(f.to());
        }
        if (f.from() != null) {
            return "since " + day(f.from());
        }
        if (f.to() != null) {
            return "up to " + day(f.to());
        }
        return r.firstSurgery() == null ? "so far" : "since " + day(r.firstSurgery());
    }

    private static String cohort(CohortFilter f) {
        List<String> parts = new ArrayList<>();
        if (f.approach() != null) {
            parts.add("approach " + f.approach().replace('_', ' '));
        }
        if (f.policy() != null) {
            parts.add("work-up met policy " + f.policy());
        }
        f.subgroups().forEach((k, v) -> parts.add(k.replace('_', ' ') + ": " + v.replace('_', ' ')));
        return parts.isEmpty() ? "All operated patients" : "Operated patients with " + String.join(", ", parts);
    }

    private static String timepointName(TimepointOutcome t) {
        return timepointName(t.id(), t.label());
    }

    /** "12 months" for 12m; the fallback for an id it does not know or none (Map.of refuses null keys). */
    private static String timepointName(String id, String fallback) {
        return id == null ? fallback : TIMEPOINT_NAMES.getOrDefault(id, fallback);
    }

    private static String day(LocalDate d) {
        return d == null ? "-" : DAY.format(d);
    }

    private static String count(int n, String one, String many) {
        return n(n) + " " + (n == 1 ? one : many);
    }

    /** 1,115: counts with a thousands separator. */
    private static String n(int n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    private static String cell(ProportionEstimate p) {
        if (p == null || p.n() == 0) {
            return "no answers";
        }
        return pct(p.proportion()) + " (" + range(p) + "), " + p.successes() + " of " + p.n();
    }

    private static String meanCell(MeanValue v, int digits) {
        if (v == null) {
            return "no answers";
        }
        return signed(v.mean(), digits) + (v.ci95() == null ? "" : " (" + signed(v.ci95().lower(), digits) + " to "
                + signed(v.ci95().upper(), digits) + ")") + ", n " + v.n();
    }

    private static String difference(MeanDifference d) {
        if (d == null) {
            return "too few to compare";
        }
        return signed(d.difference()) + " (" + signed(d.interval().lower()) + " to " + signed(d.interval().upper()) + ")";
    }

    private static String difference(ProportionDifference d) {
        if (d == null) {
            return "too few to compare";
        }
        ConfidenceInterval ci = d.interval();
        return signed(100 * d.difference(), 0) + " points (" + signed(100 * ci.lower(), 0) + " to " + signed(100 * ci.upper(), 0) + ")";
    }

    static String pct(double proportion) {
        return pct(proportion, true);
    }

    private static String pct(double proportion, boolean unit) {
        // below 1 % whole percents would say "0 %" for 2 of 1,115
        int digits = proportion > 0 && proportion < 0.01 ? 1 : 0;
        return number(100 * proportion, digits) + (unit ? " %" : "");
    }

    private static String range(ProportionEstimate p) {
        ConfidenceInterval ci = p.interval();
        int digits = ci.upper() < 0.02 ? 1 : 0;
        return number(100 * ci.lower(), digits) + "-" + number(100 * ci.upper(), digits) + " %";
    }

    private static String percentOf(int part, int whole) {
        return whole == 0 ? "-" : number(100.0 * part / whole, 0) + " %";
    }

    private static String one(double v) {
        return number(v, 1);
    }

    private static String signed(double v) {
        return signed(v, 1);
    }

    private static String signed(double v, int digits) {
        String s = number(v, digits);
        return s.startsWith("-") || s.matches("0(\\.0+)?") ? s.replace('-', '\u2212') : "+" + s;
    }

    /** A true minus sign, as the published figures beside it have. */
    private static String minus(String number) {
        return number.replace('-', '\u2212');
    }

    /** A published figure with the decimals it was published with (at most two): 8.1, -26, 0.29. */
    private static String asPublished(double v) {
        return points(v).replace('-', '\u2212');
    }

    /** 2 for 2.0, 1.88 for 1.88: a threshold as people write it. */
    private static String points(double v) {
        return java.math.BigDecimal.valueOf(Math.round(v * 100), 2).stripTrailingZeros().toPlainString();
    }

    private static String number(double v, int digits) {
        return OutcomeCharts.number(v, digits);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1).stripTrailing() + "\u2026";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String cite(Citation c) {
        if (c == null) {
            return "";
        }
        return c.source() + (c.detail() == null ? "" : ". " + c.detail()) + (c.url() == null ? "" : " " + c.url());
    }
}
