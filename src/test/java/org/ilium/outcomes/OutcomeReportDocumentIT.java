package org.ilium.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.testing.IliumInstance.toJson;
import static org.ilium.testing.Patients.margaret;
import static org.ilium.testing.Patients.with;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;
import org.ilium.testing.Procedures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outcome report document through {@code GET /api/v1/outcomes/report} on a real Ilium: PDF, HTML and JSON of one cohort. */
class OutcomeReportDocumentIT {
    @TempDir
    static Path dataDir;
    static IliumInstance ilium;
    static Client admin;
    static String today;

    /** Two patients operated today (MIS lateral, 27279), recorded through the API. */
    @BeforeAll
    static void twoOperatedPatients() {
        ilium = IliumInstance.start(dataDir);
        admin = ilium.admin();
        today = LocalDate.now(ZoneOffset.UTC).toString();
        for (String mrn : new String[] {"DOC-1", "DOC-2"}) {
            Response patient = admin.post("/api/v1/patients", toJson(with(margaret(), "mrn", mrn)));
            assertThat(patient.status()).as(patient.body()).isEqualTo(201);
            Response opened = admin.post(patient.header("Location") + "/episodes", "{\"side\":\"left\",\"reason\":\"referral\"}");
            String episode = opened.header("Location");
            String etag = opened.header("ETag");
            for (String body : new String[] {"{\"to\":\"in_workup\",\"reason\":\"step\"}",
                    "{\"to\":\"decided\",\"candidate\":true,\"reason\":\"decision\"}"}) {
                Response moved = admin.send("POST", episode + "/transitions", body, "If-Match", etag);
                assertThat(moved.status()).as(moved.body()).isEqualTo(200);
                etag = moved.header("ETag");
            }
            String id = episode.substring(episode.lastIndexOf('/') + 1);
            Response procedure = admin.post("/api/v1/episodes/" + id + "/procedures", toJson(Procedures.misLateral(today)));
            assertThat(procedure.status()).as(procedure.body()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        ilium.close();
    }

    /** The body as bytes: the harness's client reads text, which would spoil a PDF. */
    static HttpResponse<byte[]> fetch(String path, String accept) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(ilium.base().resolve(path)).GET().header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((IliumInstance.ADMIN + ":" + IliumInstance.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (accept != null) {
            req.header("Accept", accept);
        }
        return HttpClient.newHttpClient().send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String day(String iso) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(LocalDate.parse(iso));
    }

    @Test
    void pdfByFormatParameterOpensWithTheAnswer() throws Exception {
        HttpResponse<byte[]> res = fetch("/api/v1/outcomes/report?format=pdf&asOf=" + today, null);
        assertThat(res.statusCode()).as(new String(res.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(res.headers().firstValue("Content-Disposition").orElse("")).contains("outcome-report-" + today + ".pdf");
        assertThat(new String(res.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument pdf = Loader.loadPDF(res.body())) {
            PDFTextStripper firstPage = new PDFTextStripper();
            firstPage.setEndPage(1);
            String text = firstPage.getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Outcomes of SI joint fusion")
                    .contains("Of 2 patients operated since " + day(today) + ", none has reached")
                    .contains("so it is too early to say whether the operation works here");
            String all = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(all).contains("Published results beside this clinic").contains("Methods and notes")
                    .doesNotContain("DOC-1").doesNotContain("Margaret");
        }
    }

    @Test
    void acceptHeaderChoosesPdfOrHtmlAndJsonStaysTheDefault() throws Exception {
        HttpResponse<byte[]> pdf = fetch("/api/v1/outcomes/report", "application/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        HttpResponse<byte[]> html = fetch("/api/v1/outcomes/report", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String page = new String(html.body(), StandardCharsets.UTF_8);
        assertThat(page).contains("<h2 id=\"answer\">").contains("Of 2 patients operated since " + day(today))
                .contains("<svg id='chart-pain'").doesNotContain("DOC-2");

        Response json = admin.get("/api/v1/outcomes/report");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.json().path("patientsOperated").asInt()).isEqualTo(2);
    }

    @Test
    void anEmptyPeriodIsADocumentNotAnError() throws Exception {
        HttpResponse<byte[]> res = fetch("/api/v1/outcomes/report?format=pdf&from=2019-01-01&to=2019-12-31", null);
        assertThat(res.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(res.body())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("No patients were operated between 1 January 2019 and 31 December 2019");
        }
    }

    @Test
    void anUnknownFormatIsRefusedByName() {
        Response bad = admin.get("/api/v1/outcomes/report?format=docx");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("format");
    }
}
