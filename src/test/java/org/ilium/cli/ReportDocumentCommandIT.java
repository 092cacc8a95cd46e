package org.ilium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ilium.testing.PackagedJar;
import org.ilium.testing.PackagedJar.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ilium report --format pdf|html} as a process on the packaged jar, for a period without operations: the document
 * says so rather than failing (ReportCommandIT covers JSON, CSV and the PDF of a cohort).
 */
class ReportDocumentCommandIT {
    @TempDir
    Path work;

    private Run ilium(String... args) throws Exception {
        return PackagedJar.run(work, PackagedJar.env(work.resolve("data"), "report-test-password"), Duration.ofSeconds(180), args);
    }

    @Test
    void writesThePdfAndTheHtmlOfAnEmptyPeriod() throws Exception {
        Path pdf = work.resolve("reports/outcomes.pdf");
        Run run = ilium("report", "--site", "main", "--from", "2024-01-01", "--to", "2024-12-31", "--format", "pdf", "--out", pdf.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("written to " + pdf);
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            PDFTextStripper first = new PDFTextStripper();
            first.setEndPage(1);
            assertThat(first.getText(doc).replaceAll("\\s+", " "))
                    .contains("No patients were operated between 1 January 2024 and 31 December 2024");
        }

        Path html = work.resolve("reports/outcomes.html");
        run = ilium("report", "--site", "main", "--format", "html", "--out", html.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(html, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>").contains("<h2 id=\"answer\">")
                .contains("No patients operated in this period");

        try (var files = Files.list(work.resolve("reports"))) {
            // written through a temporary file: nothing else is left beside the two
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("outcomes.html", "outcomes.pdf");
        }
    }
}
