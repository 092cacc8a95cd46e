package org.ilium.outcomes.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ilium.outcomes.report.OutcomeCharts.AtRisk;
import org.ilium.outcomes.report.OutcomeCharts.Comparison;
import org.ilium.outcomes.report.OutcomeCharts.Count;
import org.ilium.outcomes.report.OutcomeCharts.Point;
import org.ilium.outcomes.report.OutcomeCharts.Series;
import org.ilium.outcomes.report.OutcomeCharts.Source;
import org.ilium.outcomes.report.OutcomeCharts.SurvivalStep;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class OutcomeChartsTest {
    static final List<String> TIMES = List.of("Before", "6 weeks", "3 months", "12 months");

    static Chart pain() {
        return OutcomeCharts.overTime("pain", "Mean pain", "Pain (0-10)", 0, 10, TIMES, List.of(new Series("All patients", List.of(
                Point.of("Before", 40, 7.9, 7.5, 8.3), Point.of("6 weeks", 31, 3.2, 2.6, 3.8), Point.withoutInterval("12 months", 1, 2.0)))), 1);
    }

    static Chart shares() {
        return OutcomeCharts.shares("responders", "Responders", List.of("6 weeks", "12 months"), List.of(
                new Series("Pain, clinically important", List.of(Point.of("6 weeks", 31, 80.6, 63.7, 90.8))),
                new Series("ODI, clinically important", List.of(Point.of("6 weeks", 30, 60.0, 42.3, 75.4), Point.of("12 months", 5, 40, 11.8, 76.9)))));
    }

    static Chart survival() {
        return OutcomeCharts.survival("km", "Freedom from revision", "revision", "Months since surgery",
                List.of(new SurvivalStep(4, 0.97, 0.90, 0.99), new SurvivalStep(11, 0.93, 0.84, 0.97)),
                List.of(new AtRisk(0, 40), new AtRisk(6, 33), new AtRisk(12, 20), new AtRisk(24, 4)), 26);
    }

    static Chart complications() {
        return OutcomeCharts.complications("compl", "Complications", List.of("I", "II", "IIIa", "IIIb"), List.of(
                new Count("Wound infection", "II", 2), new Count("Trochanteric bursitis", "I", 3), new Count("Wound infection", "IIIb", 1),
                new Count("Implant malposition", "IIIb", 1)));
    }

    static Chart comparison() {
        return OutcomeCharts.comparison("bench-pain", "Pain at 12 months, 0-10", "Mean pain (0-10)", 0, 10, List.of(
                new Comparison("This clinic, 12 months", Source.COHORT, 2.4, 1.8, 3.0, 35),
                new Comparison("SIFI (Duhon 2016)", Source.PUBLISHED, 3.04, null, null, 172),
                new Comparison("Sachs & Capobianco 2013", Source.PUBLISHED, 0.9, null, null, 40),
                new Comparison("Seed article: 39 of 40 improved", Source.SEED_CLAIM, 9.75, null, null, 40)), 1);
    }

    static List<Chart> all() {
        return List.of(pain(), shares(), survival(), complications(), comparison());
    }

    @Test
    void everyChartIsWellFormedSvgWithItsOwnIds() throws Exception {
        Set<String> ids = new HashSet<>();
        for (Chart c : all()) {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(c.svg().getBytes(StandardCharsets.UTF_8)));
            Element root = doc.getDocumentElement();
            assertThat(root.getTagName()).isEqualTo("svg");
            assertThat(root.getAttribute("id")).isEqualTo(c.id());
            assertThat(root.getAttribute("viewBox")).startsWith("0 0 640 ");
            NodeList all = doc.getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                String id = ((Element) all.item(i)).getAttribute("id");
                if (!id.isEmpty()) {
                    assertThat(id).as("ids of chart %s", c.id()).startsWith(c.id());
                    assertThat(ids.add(id)).as("id %s is unique across charts", id).isTrue();
                }
            }
            // text as outlines: the picture does not depend on the viewer's fonts
            assertThat(doc.getElementsByTagName("text").getLength()).isZero();
            assertThat(doc.getElementsByTagName("path").getLength()).isGreaterThan(20);
        }
    }

    @Test
    void browserSvgKeepsTextAsTextAndIsMuchSmaller() throws Exception {
        long textSize = 0;
        long outlineSize = 0;
        for (Chart c : all()) {
            String text = c.svg(false);
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getElementsByTagName("text").getLength()).as(c.id()).isGreaterThan(5);
            assertThat(text).contains("font-family: DejaVu Sans, Verdana, sans-serif");
            textSize += text.length();
            outlineSize += c.svg(true).length();
        }
        assertThat(textSize).isLessThan(outlineSize / 2);
        assertThat(comparison().svg(false)).contains(">Seed article: 39 of 40 improved<");
    }

    @Test
    void meanChartTableHasEveryTimepointIncludingGaps() {
        Chart c = pain();
        assertThat(c.table().headers()).containsExactly("", "Before", "6 weeks", "3 months", "12 months");
        assertThat(c.table().rows()).containsExactly(
                List.of("All patients", "7.9 (7.5 to 8.3), n 40", "3.2 (2.6 to 3.8), n 31", "no answers", "2.0, n 1"));
        assertThat(c.description()).contains("Before 7.9 (n 40)", "6 weeks 3.2 (n 31)").doesNotContain("3 months");
    }

    @Test
    void shareTableInPercent() {
        Chart c = shares();
        assertThat(c.table().rows()).containsExactly(List.of("Pain, clinically important", "81 % (64 to 91 %), n 31", "no answers"),
                List.of("ODI, clinically important", "60 % (42 to 75 %), n 30", "40 % (12 to 77 %), n 5"));
    }

    @Test
    void survivalTableAndAtRiskInDescription() {
        Chart c = survival();
        assertThat(c.table().rows()).containsExactly(List.of("4.0", "97 %", "90 % to 99 %"), List.of("11.0", "93 %", "84 % to 97 %"));
        assertThat(c.description()).contains("93 % free of revision after 11.0", "40 at 0", "4 at 24");
        Chart none = OutcomeCharts.survival("km0", "Freedom from revision", "revision", "Months since surgery", List.of(), List.of(), 0);
        assertThat(none.description()).contains("no revision so far");
        assertThat(none.table().isEmpty()).isTrue();
    }

    @Test
    void complicationsCountedByKindAndGrade() {
        Chart c = complications();
        assertThat(c.table().rows()).containsExactly(List.of("Wound infection", "II", "2"), List.of("Wound infection", "IIIb", "1"),
                List.of("Trochanteric bursitis", "I", "3"), List.of("Implant malposition", "IIIb", "1"));
        assertThat(c.description()).contains("Complications: I 3, II 2, IIIb 2; Wound infection 3; Trochanteric bursitis 3; Implant malposition 1.");
        assertThat(OutcomeCharts.complications("c0", "Complications", List.of("I"), List.of()).description()).contains("none recorded");
    }

    @Test
    void comparisonLabelsTheSeedClaim() {
        Chart c = comparison();
        assertThat(c.table().rows().get(3)).containsExactly("Seed article: 39 of 40 improved", "Seed article's own claim (not the study's figure)",
                "40", "9.8", "not given");
        assertThat(c.table().rows().get(0)).containsExactly("This clinic, 12 months", "This clinic", "35", "2.4", "1.8 to 3.0");
    }

    @Test
    void labelsAreEscapedSoTheSvgStaysWellFormed() throws Exception {
        Chart c = OutcomeCharts.complications("esc", "Complications <by> type & grade", List.of("I"), List.of(new Count("Pain \"A\" < B & C", "I", 1)));
        for (boolean outline : new boolean[] {true, false}) {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(c.svg(outline).getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        }
        assertThat(c.svg(false)).contains("Pain &quot;A&quot; &lt; B &amp; C");
    }

    @Test
    void halfAnIntervalIsRefused() {
        assertThatThrownBy(() -> new Point("x", 1, 1.0, 0.5, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
