package org.ilium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.testing.IliumInstance.toJson;
import static org.ilium.testing.Patients.margaret;
import static org.ilium.testing.Patients.with;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ilium.notify.OutboxSender;
import org.ilium.notify.ReminderPlanner;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;
import org.ilium.testing.Procedures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * One patient from the decision to the first questionnaire: the operation is recorded, which starts the
 * follow-up schedule; the reminder e-mail brings a link; the patient answers on a page without a login
 * that shows nothing about them; bad answers are refused with nothing stored; the link works once.
 */
class PatientJourneyIT {
    @TempDir
    static Path dataDir;
    static GreenMail mail;
    static IliumInstance ilium;
    static Client admin;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        ilium = IliumInstance.start(dataDir, "--ilium.reminders.enabled=false", "--ilium.mail.host=127.0.0.1",
                "--ilium.mail.port=" + port, "--ilium.mail.from=followup@clinic.example", "--ilium.public-url=https://clinic.example");
        admin = ilium.admin();
    }

    @AfterAll
    static void stop() {
        ilium.close();
        mail.stop();
    }

    @Test
    void fromTheOperationToTheFirstQuestionnaire() throws Exception {
        String patient = admin.post("/api/v1/patients", toJson(with(with(margaret(), "mrn", "JOURNEY-1"), "email", "margaret@example.org")))
                .header("Location");
        Response opened = admin.post(patient + "/episodes", "{\"side\":\"left\",\"reason\":\"Referred by GP\"}");
        String episodeId = opened.json().path("id").stringValue();
        String etag = opened.header("ETag");
        for (String step : List.of("{\"to\":\"in_workup\",\"reason\":\"work-up\"}",
                "{\"to\":\"decided\",\"candidate\":true,\"reason\":\"meets NASS 2015\"}")) {
            etag = admin.send("POST", opened.header("Location") + "/transitions", step, "If-Match", etag).header("ETag");
        }

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Response procedure = admin.post("/api/v1/episodes/" + episodeId + "/procedures", toJson(Procedures.misLateral(today)));
        assertThat(procedure.status()).as(procedure.body()).isEqualTo(201);
        JsonNode schedule = admin.get("/api/v1/episodes/" + episodeId + "/follow-up").json();
        assertThat(schedule.toString()).as("the operation started the schedule").contains(today, "baseline", "5y");

        ilium.context().getBean(ReminderPlanner.class).plan(LocalDate.now(ZoneOffset.UTC));
        ilium.context().getBean(OutboxSender.class).sendDue(Instant.now());
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        String body = GreenMailUtil.getBody(received[0]);
        Matcher link = Pattern.compile("https://clinic\\.example/q/([A-Za-z0-9_-]{43})").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        String page = "/q/" + link.group(1);

        Client patientBrowser = ilium.anonymous();
        Response form = patientBrowser.get(page);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.header("Content-Type")).startsWith("text/html");
        assertThat(form.body()).contains("Before surgery", "Oswestry", "back_pain_nrs.pain", "odi.s10")
                .doesNotContain("Margaret", "Hale", "JOURNEY-1", "margaret@example.org", episodeId);
        assertThat(form.header("Referrer-Policy")).isEqualTo("no-referrer");

        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("back_pain_nrs.pain", "7");
        answers.put("leg_pain_nrs.pain", "11");
        for (int s = 1; s <= 10; s++) {
            answers.put("odi.s" + s, s == 9 ? "" : "3");
        }
        Response refused = submit(patientBrowser, page, answers);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Some answers need another look");
        assertThat(responses(episodeId).size()).as("nothing stored").isZero();

        answers.put("leg_pain_nrs.pain", "2");
        Response sent = submit(patientBrowser, page, answers);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("Thank you", "Walk with a cane or other support: until 3 weeks after the operation");
        JsonNode stored = responses(episodeId);
        assertThat(stored.size()).isEqualTo(3);
        for (JsonNode r : stored) {
            assertThat(r.path("timepoint").stringValue()).isEqualTo("baseline");
            assertThat(r.path("source").stringValue()).isEqualTo("patient_link");
            if (r.path("instrument").stringValue().equals("odi")) {
                assertThat(r.path("score").asDouble()).isEqualTo(60.0);
                assertThat(r.path("answered").asInt()).isEqualTo(9);
            }
        }
        assertThat(admin.get("/api/v1/episodes/" + episodeId + "/follow-up").body()).contains("completed");

        assertThat(submit(patientBrowser, page, answers).status()).as("the link works once").isEqualTo(410);
        assertThat(patientBrowser.get(page).status()).isEqualTo(410);
        assertThat(patientBrowser.get("/q/" + "A".repeat(43)).status()).isEqualTo(404);
        assertThat(responses(episodeId).size()).isEqualTo(3);
    }

    /** A patient operated before the registry existed: every move is recorded now with its real date. */
    @Test
    void thePastIsRecordedWithItsDatesAndCorrectingTheOperationMovesTheSchedule() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String patient = admin.post("/api/v1/patients", toJson(with(margaret(), "mrn", "JOURNEY-2"))).header("Location");
        Response opened = admin.post(patient + "/episodes", "{\"side\":\"left\",\"reason\":\"Referred by GP\",\"effectiveOn\":\""
                + today.minusMonths(6) + "\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String episodeId = opened.json().path("id").stringValue();
        String etag = opened.header("ETag");
        for (String step : List.of("{\"to\":\"in_workup\",\"reason\":\"work-up\",\"effectiveOn\":\"" + today.minusMonths(5) + "\"}",
                "{\"to\":\"decided\",\"candidate\":true,\"reason\":\"meets NASS 2015\",\"effectiveOn\":\"" + today.minusMonths(2) + "\"}")) {
            Response moved = admin.send("POST", opened.header("Location") + "/transitions", step, "If-Match", etag);
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            etag = moved.header("ETag");
        }
        Response tooEarly = admin.post("/api/v1/episodes/" + episodeId + "/procedures", toJson(Procedures.misLateral(today.minusMonths(3).toString())));
        assertThat(tooEarly.status()).as("not before the decision").isEqualTo(409);
        Response procedure = admin.post("/api/v1/episodes/" + episodeId + "/procedures", toJson(Procedures.misLateral(today.minusDays(20).toString())));
        assertThat(procedure.status()).as(procedure.body()).isEqualTo(201);
        JsonNode history = admin.get(opened.header("Location") + "/transitions").json();
        assertThat(history.get(0).path("effectiveOn").stringValue()).isEqualTo(today.minusMonths(6).toString());
        assertThat(history.get(history.size() - 1).path("to").stringValue()).isEqualTo("operated");
        assertThat(history.get(history.size() - 1).path("effectiveOn").stringValue()).isEqualTo(today.minusDays(20).toString());
        assertThat(admin.get("/api/v1/episodes/" + episodeId + "/follow-up").json().path("surgeryDate").stringValue())
                .isEqualTo(today.minusDays(20).toString());

        Response corrected = admin.put(procedure.header("Location"), toJson(Procedures.misLateral(today.minusDays(10).toString())), procedure.header("ETag"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(admin.get("/api/v1/episodes/" + episodeId + "/follow-up").json().path("surgeryDate").stringValue())
                .isEqualTo(today.minusDays(10).toString());

        Response future = admin.send("POST", opened.header("Location") + "/transitions",
                "{\"to\":\"in_follow_up\",\"reason\":\"x\",\"effectiveOn\":\"" + today.plusDays(3) + "\"}", "If-Match", "*");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.errorFields()).containsExactly("effectiveOn");
    }

    private static JsonNode responses(String episodeId) {
        JsonNode body = admin.get("/api/v1/episodes/" + episodeId + "/responses").json();
        return body.isArray() ? body : body.path("items");
    }

    private static Response submit(Client browser, String page, Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return browser.sendBytes("POST", page, form.toString().getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }
}
