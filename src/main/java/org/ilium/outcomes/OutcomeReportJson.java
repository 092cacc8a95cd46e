package org.ilium.outcomes;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ilium.outcomes.domain.BenchmarkComparison;
import org.ilium.outcomes.domain.ComplicationRate;
import org.ilium.outcomes.domain.ComplicationSummary;
import org.ilium.outcomes.domain.ConfidenceInterval;
import org.ilium.outcomes.domain.Headline;
import org.ilium.outcomes.domain.MeanDifference;
import org.ilium.outcomes.domain.MeanValue;
import org.ilium.outcomes.domain.OutcomeReport;
import org.ilium.outcomes.domain.ProportionDifference;
import org.ilium.outcomes.domain.ProportionEstimate;
import org.ilium.outcomes.domain.RevisionFreeSurvival;
import org.ilium.outcomes.domain.SubgroupComparison;
import org.ilium.outcomes.domain.SubgroupFactor;
import org.ilium.outcomes.domain.SubgroupGroup;
import org.ilium.outcomes.domain.SurvivalStep;
import org.ilium.outcomes.domain.TimepointOutcome;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of an {@link OutcomeReport}, for the API and {@code ilium report --format json}; every field is
 * described in docs/outcomes-report.md. Numbers are written unrounded; a missing estimate is null.
 */
public final class OutcomeReportJson {
    /** Raised when the JSON form changes incompatibly. */
    public static final int FORMAT_VERSION = 1;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private OutcomeReportJson() {
    }

    public static byte[] bytes(OutcomeReport r) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree(r));
    }

    public static void write(OutcomeReport r, OutputStream out) {
        try {
            out.write(bytes(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as nested maps and lists, in field order. */
    public static Map<String, Object> tree(OutcomeReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formatVersion", FORMAT_VERSION);
        m.put("site", map("code", r.siteCode(), "name", r.siteName()));
        m.put("asOf", str(r.asOf()));
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("from", str(r.filter().from()));
        filter.put("to", str(r.filter().to()));
        filter.put("approach", r.filter().approach());
        filter.put("policy", r.filter().policy());
        filter.put("subgroups", new LinkedHashMap<>(r.filter().subgroups()));
        m.put("filter", filter);
        m.put("protocol", r.protocolId());
        m.put("patientsOperated", r.patientsOperated());
        m.put("episodesOperated", r.episodesOperated());
        m.put("period", map("firstSurgery", str(r.firstSurgery()), "lastSurgery", str(r.lastSurgery())));
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("painClinicallyImportantImprovementMm", r.thresholds().pain().importantImprovement());
        thresholds.put("painSubstantialImprovementMm", r.thresholds().pain().substantialImprovement());
        thresholds.put("painSubstantialFinalAtMostMm", r.thresholds().pain().substantialFinalAtMost());
        thresholds.put("odiClinicallyImportantImprovement", r.thresholds().odi().importantImprovement());
        thresholds.put("odiSubstantialImprovement", r.thresholds().odi().substantialImprovement());
        thresholds.put("citation", citation(r.thresholds().citation()));
        m.put("thresholds", thresholds);
        m.put("timepoints", r.timepoints().stream().map(OutcomeReportJson::timepoint).toList());
        m.put("complications", complications(r.complications()));
        m.put("revisionFreeSurvival", survival(r.revisionFreeSurvival()));
        Map<String, Object> subgroups = new LinkedHashMap<>();
        subgroups.put("timepoint", r.subgroups().timepoint());
        subgroups.put("factors", r.subgroups().factors().stream().map(OutcomeReportJson::factor).toList());
        m.put("subgroups", subgroups);
        m.put("benchmarks", r.benchmarks().stream().map(OutcomeReportJson::benchmark).toList());
        m.put("headline", headline(r.headline()));
        return m;
    }

    private static Map<String, Object> timepoint(TimepointOutcome t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("label", t.label());
        m.put("eligible", t.eligible());
        m.put("n", t.n());
        share(m, "responseRate", t.responseRate());
        m.put("pain", mean(t.pain()));
        m.put("legPain", mean(t.legPain()));
        m.put("odi", mean(t.odi()));
        m.put("painChange", mean(t.painChange()));
        m.put("odiChange", mean(t.odiChange()));
        share(m, "clinicallyImportantPain", t.clinicallyImportantPain());
        share(m, "substantialBenefitPain", t.substantialBenefitPain());
        share(m, "clinicallyImportantOdi", t.clinicallyImportantOdi());
        share(m, "substantialBenefitOdi", t.substantialBenefitOdi());
        share(m, "painFree", t.painFree());
        share(m, "satisfied", t.satisfied());
        share(m, "wouldRepeat", t.wouldRepeat());
        share(m, "improved", t.improved());
        return m;
    }

    /** A share as two fields: {@code name} the proportion 0-1, {@code nameDetail} its count, n and interval. */
    private static void share(Map<String, Object> m, String name, ProportionEstimate p) {
        m.put(name, p == null ? null : p.proportion());
        m.put(name + "Detail", proportion(p));
    }

    static Map<String, Object> proportion(ProportionEstimate p) {
        if (p == null) {
            return null;
        }
        return map("count", p.successes(), "n", p.n(), "proportion", p.proportion(), "ci95", ci(p.interval()));
    }

    static Map<String, Object> mean(MeanValue v) {
        if (v == null) {
            return null;
        }
        return map("n", v.n(), "mean", v.mean(), "sd", v.standardDeviation(), "ci95", ci(v.ci95()));
    }

    private static Map<String, Object> complications(ComplicationSummary c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("episodes", c.episodes());
        m.put("events", c.events());
        m.put("any", proportion(c.any()));
        m.put("serious", proportion(c.serious()));
        m.put("byType", c.byType().stream().map(OutcomeReportJson::rate).toList());
        m.put("byGrade", c.byGrade().stream().map(OutcomeReportJson::rate).toList());
        return m;
    }

    private static Map<String, Object> rate(ComplicationRate r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", r.code());
        m.put("name", r.name());
        m.put("events", r.events());
        m.put("rate", proportion(r.rate()));
        m.put("literatureRatePercent", r.literatureRatePercent());
        return m;
    }

    private static Map<String, Object> survival(RevisionFreeSurvival s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("episodes", s.episodes());
        m.put("revisions", s.revisions());
        m.put("censored", s.censored());
        m.put("timeUnit", "months");
        m.put("steps", s.steps().stream().map(OutcomeReportJson::step).toList());
        m.put("at", s.at().stream().map(OutcomeReportJson::step).toList());
        return m;
    }

    static Map<String, Object> step(SurvivalStep s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (s.timepoint() != null) {
            m.put("timepoint", s.timepoint());
        }
        m.put("months", s.months());
        m.put("atRisk", s.atRisk());
        if (s.timepoint() == null) {
            m.put("events", s.events());
        }
        m.put("survival", s.survival());
        m.put("ci95", ci(s.ci95()));
        return m;
    }

    private static Map<String, Object> factor(SubgroupFactor f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("label", f.label());
        m.put("groups", f.groups().stream().map(OutcomeReportJson::group).toList());
        m.put("comparisons", f.comparisons().stream().map(OutcomeReportJson::comparison).toList());
        return m;
    }

    private static Map<String, Object> group(SubgroupGroup g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id());
        m.put("label", g.label());
        m.put("episodes", g.episodes());
        m.put("painChange", mean(g.painChange()));
        m.put("odiChange", mean(g.odiChange()));
        m.put("clinicallyImportantPain", proportion(g.clinicallyImportantPain()));
        return m;
    }

    private static Map<String, Object> comparison(SubgroupComparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", c.group());
        m.put("reference", c.reference());
        m.put("painChange", difference(c.painChange()));
        m.put("odiChange", difference(c.odiChange()));
        ProportionDifference p = c.clinicallyImportantPain();
        m.put("clinicallyImportantPain", p == null ? null : map("difference", p.difference(), "ci95", ci(p.interval())));
        return m;
    }

    private static Map<String, Object> difference(MeanDifference d) {
        return d == null ? null : map("difference", d.difference(), "ci95", ci(d.interval()), "df", d.degreesOfFreedom());
    }

    private static Map<String, Object> benchmark(BenchmarkComparison b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("benchmarkId", b.benchmarkId());
        m.put("kind", b.kind().name().toLowerCase(Locale.ROOT));
        m.put("study", b.study());
        m.put("design", b.design());
        m.put("citation", citation(b.citation()));
        m.put("timepoint", b.timepoint());
        m.put("measure", b.measure().name().toLowerCase(Locale.ROOT));
        m.put("arm", b.arm());
        m.put("label", b.label());
        m.put("publishedValue", b.publishedValue());
        m.put("publishedOf", b.publishedOf());
        m.put("unit", b.unit());
        m.put("note", b.note());
        m.put("cohortTimepoint", b.cohortTimepoint());
        m.put("cohortField", b.cohortField());
        m.put("cohortValue", b.cohortValue());
        m.put("cohortCi95", ci(b.cohortCi95()));
        m.put("cohortN", b.cohortN());
        return m;
    }

    private static Map<String, Object> headline(Headline h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("primaryTimepoint", h.primaryTimepoint());
        m.put("episodesOperated", h.episodesOperated());
        m.put("eligible", h.eligible());
        m.put("responded", h.responded());
        m.put("baselinePain", mean(h.baselinePain()));
        m.put("pain", mean(h.pain()));
        m.put("painChange", mean(h.painChange()));
        m.put("clinicallyImportantPain", proportion(h.clinicallyImportantPain()));
        m.put("substantialBenefitPain", proportion(h.substantialBenefitPain()));
        m.put("odiChange", mean(h.odiChange()));
        m.put("clinicallyImportantOdi", proportion(h.clinicallyImportantOdi()));
        m.put("wouldRepeat", proportion(h.wouldRepeat()));
        m.put("revisionFree", step(h.revisionFree()));
        m.put("anyComplication", proportion(h.anyComplication()));
        m.put("seedClaim", h.seedClaim() == null ? null : benchmark(h.seedClaim()));
        return m;
    }

    private static Map<String, Object> citation(org.ilium.outcomes.domain.Citation c) {
        return c == null ? null : map("source", c.source(), "detail", c.detail(), "url", c.url());
    }

    private static List<Double> ci(ConfidenceInterval ci) {
        if (ci == null) {
            return null;
        }
        List<Double> out = new ArrayList<>(2);
        out.add(ci.lower());
        out.add(ci.upper());
        return out;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
