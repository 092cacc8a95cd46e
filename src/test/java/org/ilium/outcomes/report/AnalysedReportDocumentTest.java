package org.ilium.outcomes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ilium.followup.FollowUpProtocols;
import org.ilium.followup.domain.Protocol;
import org.ilium.followup.domain.Timepoint;
import org.ilium.outcomes.domain.CohortFilter;
import org.ilium.outcomes.domain.EpisodeOutcome;
import org.ilium.outcomes.domain.EpisodeOutcome.Instrument;
import org.ilium.outcomes.domain.OutcomeAnalysis;
import org.ilium.outcomes.domain.OutcomeReport;
import org.ilium.outcomes.domain.ProportionEstimate;
import org.ilium.shared.document.DocumentRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The document of a report made by the real analysis (OutcomeAnalysis with the standard protocol, the thresholds,
 * complication catalogue rates and every benchmark from content) over 240 simulated episodes: whatever shape the
 * analysis gives its report, the document renders it, and the headline's numbers are the report's.
 */
class AnalysedReportDocumentTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    static OutcomeReport report;
    static final OutcomeReportDocument DOCUMENT = new OutcomeReportDocument(new DocumentRenderer(),
            Clock.fixed(Instant.parse("2026-11-02T09:30:00Z"), ZoneOffset.UTC));

    @BeforeAll
    static void analyse() {
        Protocol protocol = FollowUpProtocols.load(null, "standard").defaultProtocol();
        List<OutcomeAnalysis.ComplicationType> catalogue = List.of(
                new OutcomeAnalysis.ComplicationType("trochanteric_bursitis", "Trochanteric bursitis", 5.0),
                new OutcomeAnalysis.ComplicationType("wound_infection", "Wound infection", 0.15),
                new OutcomeAnalysis.ComplicationType("nerve_pain", "Nerve pain (implant impingement)", null));
        OutcomeAnalysis analysis = new OutcomeAnalysis(protocol.timepoints(), ReportFixtures.THRESHOLDS, catalogue, ReportFixtures.BENCHMARKS,
                org.ilium.outcomes.domain.SubgroupCutoffs.DEFAULT);
        report = analysis.analyse("HIL", "Hillside Spine Clinic", protocol.id(), CohortFilter.all(), AS_OF, simulate(protocol, 240));
    }

    /** Surgery over the last four years; answers fall off with time, pain and ODI improve with scatter. */
    static List<EpisodeOutcome> simulate(Protocol protocol, int episodes) {
        Random random = new Random(20261101);
        List<EpisodeOutcome> out = new ArrayList<>();
        List<Timepoint> tps = protocol.timepoints();
        long seq = 0;
        for (int i = 0; i < episodes; i++) {
            LocalDate surgery = AS_OF.minusDays(random.nextInt(4 * 365));
            EpisodeOutcome e = new EpisodeOutcome(UUID.randomUUID(), UUID.randomUUID(), surgery, surgery.minusYears(35 + random.nextInt(40)),
                    tps.size());
            e.procedure(surgery, false, random.nextInt(5) == 0 ? "posterior" : "mis_lateral_transiliac", seq++);
            e.riskFactor("smoking_status", random.nextInt(4) == 0 ? "current" : "never", null, surgery.minusDays(30), seq++);
            double pain0 = Math.min(10, Math.max(4, 7.8 + random.nextGaussian()));
            double odi0 = Math.min(90, Math.max(20, 55 + 12 * random.nextGaussian()));
            for (int t = 0; t < tps.size(); t++) {
                Timepoint tp = tps.get(t);
                LocalDate due = tp.beforeSurgery() ? surgery.minusDays(7) : tp.offset().after(surgery);
                if (due.isAfter(AS_OF) || random.nextDouble() > (tp.beforeSurgery() ? 0.97 : 0.9 - 0.06 * t)) {
                    continue;
                }
                double relief = tp.beforeSurgery() ? 0 : Math.min(1, 0.5 + 0.1 * t) * (4.8 + 2 * random.nextGaussian());
                double pain = Math.round(Math.min(10, Math.max(0, pain0 - relief)));
                e.answer(t, Instrument.BACK_PAIN, pain, due, seq++);
                e.answer(t, Instrument.ODI, Math.min(100, Math.max(0, Math.round(odi0 - relief * 5 + 6 * random.nextGaussian()))), due, seq++);
                if (!tp.beforeSurgery()) {
                    e.answer(t, Instrument.WOULD_REPEAT, random.nextDouble() < 0.9 ? 1 : 0, due, seq++);
                    e.answer(t, Instrument.SATISFACTION, random.nextDouble() < 0.85 ? 1 : 0, due, seq++);
                    e.answer(t, Instrument.PGIC, pain <= 4 ? 1 : 0, due, seq++);
                }
            }
            if (random.nextInt(40) == 0) {
                LocalDate revised = surgery.plusDays(60 + random.nextInt(500));
                if (!revised.isAfter(AS_OF)) {
                    e.procedure(revised, true, "mis_lateral_transiliac", seq++);
                }
            }
            if (random.nextInt(12) == 0) {
                e.complication(random.nextBoolean() ? "trochanteric_bursitis" : "wound_infection", random.nextInt(4) == 0 ? "IIIb" : "I",
                        false, surgery.plusDays(20));
            }
            out.add(e);
        }
        return out;
    }

    @Test
    void theHeadlineQuotesTheReportsOwnNumbers() {
        String h = OutcomeReportDocument.headline(report);
        ProportionEstimate relief = report.headline().clinicallyImportantPain();
        assertThat(relief.n()).isGreaterThanOrEqualTo(OutcomeReportDocument.FEW);
        String share = Math.round(100 * relief.proportion()) + " % (95 % CI " + Math.round(100 * relief.interval().lower()) + "-"
                + Math.round(100 * relief.interval().upper()) + " %) of the " + relief.n() + " with pain scores before surgery and at 12 months";
        assertThat(h).startsWith("Of " + report.patientsOperated() + " patients operated since ")
                .contains(report.headline().eligible() + " have reached 12 months after surgery and " + report.headline().responded()
                        + " of them answered")
                .contains(share);
    }

    @Test
    void everyPartRendersAsHtmlAndPdf() throws IOException {
        String html = DOCUMENT.html(report);
        for (String id : new String[] {"chart-pain", "chart-odi", "chart-responders", "chart-survival", "chart-complications",
                "chart-benchmark-pain", "chart-benchmark-odi", "chart-benchmark-share"}) {
            assertThat(html).contains("<svg id='" + id + "'");
        }
        assertThat(html).contains("Seed article&#39;s own claim (not the study&#39;s figure)").contains("Smoking");
        byte[] pdf = DOCUMENT.pdf(report);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper first = new PDFTextStripper();
            first.setEndPage(1);
            assertThat(first.getText(doc).replaceAll("\\s+", " ")).contains("Of " + report.patientsOperated() + " patients operated since");
        }
    }
}
