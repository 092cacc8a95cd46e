package org.ilium.candidacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.testing.IliumInstance.toJson;
import static org.ilium.testing.Patients.margaret;
import static org.ilium.testing.Patients.with;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;
import org.ilium.testing.Workups;
import org.ilium.workup.domain.WorkupKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Policies, determinations of a stored episode, case evaluation and the prior-authorisation packet over HTTP. */
class CandidacyApiIT {
    @TempDir
    static Path dataDir;
    static IliumInstance ilium;
    static Client admin;
    static String episode;
    static List<String> recordIds = new ArrayList<>();

    /** Margaret's episode with the clear candidate's whole work-up recorded through the API. */
    @BeforeAll
    static void aWorkedUpEpisode() {
        ilium = IliumInstance.start(dataDir);
        admin = ilium.admin();
        String patient = admin.post("/api/v1/patients", toJson(with(margaret(), "mrn", "CAND-1"))).header("Location");
        String episodeLocation = admin.post(patient + "/episodes", "{\"side\":\"left\",\"reason\":\"referral\"}").header("Location");
        episode = episodeLocation.substring(episodeLocation.lastIndexOf('/') + 1);
        for (Map.Entry<WorkupKind, List<ObjectNode>> kind : Workups.clearCandidate().entrySet()) {
            for (ObjectNode record : kind.getValue()) {
                Response stored = admin.post("/api/v1/episodes/" + episode + "/workup/" + kind.getKey().path(), record.toString());
                assertThat(stored.status()).as(stored.body()).isEqualTo(201);
                recordIds.add(stored.json().path("id").stringValue());
            }
        }
    }

    @AfterAll
    static void stop() {
        ilium.close();
    }

    @Test
    void policiesAreListedWithVersionsDatesAndASourcePerCriterion() {
        JsonNode policies = admin.get("/api/v1/policies").json();
        List<String> ids = new ArrayList<>();
        policies.forEach(p -> ids.add(p.path("id").stringValue()));
        assertThat(ids).contains("nass-2015", "evicore-cmm-611", "bcbs-mp-555", "medicare-lcd-sij-fusion", "clinic-default");
        for (JsonNode p : policies) {
            assertThat(p.path("version").stringValue()).isNotBlank();
            assertThat(p.path("effectiveFrom").stringValue()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(p.path("criteria").size()).isPositive();
            p.path("criteria").forEach(c -> assertThat(c.path("citation").path("source").stringValue())
                    .as(p.path("id").stringValue() + "/" + c.path("id").stringValue()).isNotBlank());
        }
    }

    @Test
    void theStoredEpisodeIsDecidedUnderEveryPolicySideBySide() {
        JsonNode all = admin.get("/api/v1/episodes/" + episode + "/determinations?date=2026-03-02").json();
        assertThat(all.path("case").stringValue()).isEqualTo(episode);
        assertThat(all.path("determinations").size()).isEqualTo(5);
        assertThat(all.path("comparison").size()).isEqualTo(5);
        all.path("comparison").forEach(row -> assertThat(row.path("outcome").stringValue()).as(row.toString()).isEqualTo("ELIGIBLE"));

        JsonNode nass = admin.get("/api/v1/episodes/" + episode + "/determinations?policy=nass-2015&date=2026-03-02").json();
        assertThat(nass.path("determinations").size()).isEqualTo(1);
        JsonNode d = nass.path("determinations").get(0);
        assertThat(d.path("outcome").stringValue()).isEqualTo("ELIGIBLE");
        List<String> cited = new ArrayList<>();
        d.path("criteria").forEach(c -> c.path("evidence").forEach(e -> cited.add(e.path("recordId").stringValue())));
        assertThat(cited).isNotEmpty().allSatisfy(id -> assertThat(recordIds).contains(id));
    }

    @Test
    void theSameCaseAsAFileGetsTheSameAnswer() {
        JsonNode stored = admin.get("/api/v1/episodes/" + episode + "/determinations?date=2026-03-02").json();
        Response file = admin.post("/api/v1/evaluations", new String(Workups.clearCandidateFile(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(file.status()).as(file.body()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(file.json().path("comparison").get(i).path("outcome"))
                    .isEqualTo(stored.path("comparison").get(i).path("outcome"));
        }
        Response bad = admin.post("/api/v1/evaluations", "{\"episode\":{\"side\":\"left\"},\"injections\":[{\"date\":\"2026-01-01\","
                + "\"purpose\":\"diagnostic\",\"side\":\"left\",\"guidance\":\"ct\",\"contrast\":true,\"reliefPercent\":101}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("injections[0].reliefPercent");
    }

    @Test
    void unknownPoliciesAndOtherSitesAreRefused() {
        assertThat(admin.get("/api/v1/episodes/" + episode + "/determinations?policy=aetna-9").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/episodes/" + episode + "/determinations?policy=nass-2015&date=2010-01-01").status())
                .as("NASS 2015 was not in effect in 2010").isEqualTo(400);
        assertThat(admin.get("/api/v1/episodes/00000000-0000-0000-0000-000000000000/determinations").status()).isEqualTo(404);
        assertThat(ilium.anonymous().get("/api/v1/policies").status()).isEqualTo(401);
    }

    @Test
    void anEligibleEpisodeGetsItsPacketAsPdfAndHtml() throws Exception {
        String body = "{\"policy\":\"nass-2015\",\"physician\":{\"name\":\"Dr Ada Surgeon\",\"npi\":\"1234567893\"}}";
        Response pdf = admin.send("POST", "/api/v1/episodes/" + episode + "/prior-authorisation", body, "Accept", "application/pdf");
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        byte[] bytes = pdf.body().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Response html = admin.send("POST", "/api/v1/episodes/" + episode + "/prior-authorisation", body, "Accept", "text/html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("Margaret Hale", "CAND-1", "27279", "Dr Ada Surgeon, NPI 1234567893",
                "every coverage criterion is met").doesNotContain("DRAFT");
        assertThat(pdf.body()).startsWith("%PDF");
    }

    @Test
    void aPacketForAnIncompleteDeterminationIsRefusedUnlessDrafted() throws Exception {
        String body = "{\"policy\":\"evicore-cmm-611\",\"physician\":{\"name\":\"Dr Ada Surgeon\"}}";
        Response refused = admin.send("POST", "/api/v1/episodes/" + episode + "/prior-authorisation", body, "Accept", "application/pdf");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").stringValue()).contains("incomplete", "missing:");

        Response draft = admin.sendBytes("POST", "/api/v1/episodes/" + episode + "/prior-authorisation",
                "{\"policy\":\"evicore-cmm-611\",\"draft\":true,\"physician\":{\"name\":\"Dr Ada Surgeon\"}}".getBytes(),
                "application/json", "Accept", "application/pdf");
        assertThat(draft.status()).isEqualTo(200);
        Response bad = admin.send("POST", "/api/v1/episodes/" + episode + "/prior-authorisation",
                "{\"policy\":\"nass-2015\",\"cpt\":\"99213\",\"physician\":{\"npi\":\"12\"}}", "Accept", "application/pdf");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).contains("physician.name", "physician.npi");
    }
}
