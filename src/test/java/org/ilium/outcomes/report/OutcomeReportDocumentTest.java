package org.ilium.outcomes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ilium.outcomes.domain.OutcomeReport;
import org.ilium.shared.document.DocumentRenderer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class OutcomeReportDocumentTest {
    static final DocumentRenderer RENDERER = new DocumentRenderer();
    static final OutcomeReportDocument DOCUMENT = new OutcomeReportDocument(RENDERER,
            Clock.fixed(Instant.parse("2026-11-02T09:30:00Z"), ZoneOffset.UTC));

    @Test
    void headlineStatesTheAnswerWithItsNumbersAndThresholds() {
        String h = OutcomeReportDocument.headline(ReportFixtures.full());
        // 242/298 = 81.2 %, Wilson 76.4-85.2 %
        assertThat(h).startsWith("Of 412 patients operated since 3 March 2021 (430 joints), 380 have reached 12 months after surgery and "
                + "298 of them answered (82 did not: 22 % whose outcome is unknown). ");
        assertThat(h).contains("81 % (95 % CI 76-85 %) of the 298 with pain scores before surgery and at 12 months reported clinically "
                + "important pain relief (a fall of 2 points or more on the 0-10 scale)");
        assertThat(h).contains("mean pain went from 7.9 before surgery to 2.9 out of 10 (mean change \u22125.0, 95 % CI \u22125.3 to \u22124.7)");
        // 170/275 = 61.8 %
        assertThat(h).contains("62 % (95 % CI 56-67 %) of 275 improved their Oswestry Disability Index by 15 points or more.");
        // 270/296 = 91.2 %, against the seed article's claim of 100 %
        assertThat(h).contains("91 % of the 296 who were asked would have the procedure again, against the seed article's own claim that "
                + "100 % would have the procedure again (a claim, not a figure from the published study).");
        assertThat(h).contains("98 % (95 % CI 96-99 %) were free of revision surgery at 12 months.");
        assertThat(h).contains("27 of 430 operations (6 %) had a complication recorded.");
    }

    @Test
    void smallNumbersAreSaidToBeTooFew() {
        String h = OutcomeReportDocument.headline(ReportFixtures.small());
        assertThat(h).startsWith("Of 6 patients operated between 1 January 2026 and 31 December 2026, 6 have reached 6 weeks after surgery "
                + "and 5 of them answered (1 did not: 17 % whose outcome is unknown).");
        assertThat(h).contains("Only 5 have pain scores both before surgery and at 6 weeks: too few answers to say. For what it is worth, "
                + "4 of 5 reported clinically important pain relief");
        assertThat(h).contains("far too wide to conclude anything");
        assertThat(h).contains("Only 5 have disability (ODI) scores before and after: too few answers to say.");
        assertThat(h).doesNotContain("80 % (95 % CI");
    }

    @Test
    void emptyCohortSaysSo() {
        assertThat(OutcomeReportDocument.headline(ReportFixtures.empty()))
                .isEqualTo("No patients were operated between 1 January 2019 and 31 December 2019, so there are no outcomes to report yet.");
    }

    @Test
    void htmlHasEverySectionChartAndTable() throws Exception {
        String html = DOCUMENT.html(ReportFixtures.full());
        for (String section : new String[] {"answer", "follow-up", "pain-disability", "responders", "revision", "complications", "subgroups",
                "benchmarks", "methods"}) {
            assertThat(html).as("section %s", section).contains("id=\"" + section + "\"");
        }
        assertThat(html).contains(OutcomeReportDocument.headline(ReportFixtures.full()).replace("'", "&#39;"));
        // five model charts and one comparison chart per kind of figure (pain, pain change, ODI, ODI change, shares)
        assertThat(count(html, "<svg ")).isEqualTo(10);
        for (String id : new String[] {"chart-pain", "chart-odi", "chart-responders", "chart-survival", "chart-complications",
                "chart-benchmark-pain", "chart-benchmark-pain-change", "chart-benchmark-odi", "chart-benchmark-odi-change",
                "chart-benchmark-share"}) {
            assertThat(html).contains("<svg id='" + id + "'").contains("aria-labelledby='" + id + "-text'").contains("id=\"" + id + "-text\"");
        }
        assertThat(html).contains("Missing follow-up: Before surgery 2 % (9 of 430); 6 weeks 17 % (70 of 420)");
        assertThat(html).contains("The seed article&#39;s claim about the NIH 2013 study")
                .contains("(the seed article's own claim, not the study's figure)");
        assertThat(html).contains("Polly DW, Cher DJ, Wine KD").contains("https://doi.org/10.1155/2013/536128");
        assertThat(html).contains("Current smoker").contains("vs Never smoked: pain +1.2");
        assertThat(html).contains("Trochanteric bursitis").contains("<td>5 %</td>").contains("<td>0.15 %</td>");
        assertThat(html).contains("Generated 2026-11-02 09:30 UTC by Ilium development build");
        // no patient-level data: the fixture has none, and the document invents none
        assertThat(html).doesNotContainIgnoringCase("mrn").doesNotContain("date of birth");
        // well-formed XHTML, as openhtmltopdf needs
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("svg").getLength()).isEqualTo(10);
    }

    @Test
    void pdfOpensWithTheAnswerAndCarriesTheCharts() throws IOException {
        byte[] pdf = DOCUMENT.pdf(ReportFixtures.full());
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isBetween(4, 14);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String first = stripper.getText(doc).replaceAll("\\s+", " ");
            assertThat(first).contains("Of 412 patients operated since 3 March 2021 (430 joints)")
                    .contains("81 % (95 % CI 76-85 %) of the 298 with pain scores")
                    // numbers are never split across lines ("−5." / "3")
                    .contains("95 % CI −5.3 to −4.7");
            String all = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(all).contains("Methods and notes").contains("seed article's own claim");
            // every chart became one vector drawing (a form XObject), none a raster image
            assertThat(xObjects(doc, PDFormXObject.class)).isEqualTo(10);
            assertThat(xObjects(doc, PDImageXObject.class)).isZero();
            assertThat(all).contains("Mean pain over time (0-10, with 95 % CI):");
            assertThat(all).contains("Freedom from revision surgery (Kaplan-Meier, with 95 % CI):");
        }
    }

    @Test
    void emptyCohortRendersASensibleDocument() throws IOException {
        String html = DOCUMENT.html(ReportFixtures.empty());
        assertThat(html).contains("No patients operated in this period").contains("id=\"benchmarks\"").contains("id=\"methods\"");
        assertThat(count(html, "<svg ")).isZero();
        byte[] pdf = DOCUMENT.pdf(ReportFixtures.empty());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(xObjects(doc, PDFormXObject.class)).isZero();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(1);
            assertThat(stripper.getText(doc).replaceAll("\\s+", " ")).contains("No patients were operated between 1 January 2019");
        }
    }

    @Test
    void smallCohortStillDrawsItsCharts() {
        OutcomeReport small = ReportFixtures.small();
        String html = DOCUMENT.html(small);
        assertThat(html).contains("too few answers to say");
        // no complications: that chart is left out and the table says so; the flat revision curve is still drawn
        assertThat(html).doesNotContain("<svg id='chart-complications'").contains("<svg id='chart-survival'")
                .contains("<svg id='chart-pain'").contains("0 complications recorded in 6 operated joints");
    }

    static int xObjects(PDDocument doc, Class<? extends PDXObject> kind) throws IOException {
        int n = 0;
        for (PDPage page : doc.getPages()) {
            for (COSName name : page.getResources().getXObjectNames()) {
                if (kind.isInstance(page.getResources().getXObject(name))) {
                    n++;
                }
            }
        }
        return n;
    }

    static int count(String s, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
