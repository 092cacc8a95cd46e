package org.ilium.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ilium.testing.IliumInstance.toJson;
import static org.ilium.testing.Patients.margaret;
import static org.ilium.testing.Patients.with;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.ilium.followup.PatientLinks.LinkTarget;
import org.ilium.notify.OutboxSender;
import org.ilium.notify.ReminderPlanner;
import org.ilium.notify.SiteActors;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.NotFoundException;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Follow-up schedule, patient links and reminder e-mail on a real Ilium with its embedded database and a GreenMail relay. */
class FollowUpIT {
    @TempDir
    static Path dataDir;
    static IliumInstance ilium;
    static Client admin;
    static Client north;
    static Actor adminActor;
    static int smtpPort;
    static int patients;
    static LocalDate today;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            smtpPort = s.getLocalPort();
        }
        // GreenMail is not started yet: the first delivery fails
        ilium = IliumInstance.start(dataDir, "--ilium.reminders.enabled=false", "--ilium.mail.host=127.0.0.1",
                "--ilium.mail.port=" + smtpPort, "--ilium.mail.from=followup@clinic.example", "--ilium.public-url=https://ilium.clinic.example/");
        admin = ilium.admin();
        Response site = admin.post("/api/v1/sites",
                "{\"code\":\"north\",\"name\":\"North\",\"admin\":{\"username\":\"north-admin\",\"password\":\"north-password-1\"}}");
        assertThat(site.status()).as(site.body()).isEqualTo(201);
        north = ilium.as("north-admin", "north-password-1");
        UUID siteId = UUID.fromString(admin.get("/api/v1/me").json().path("site").path("id").stringValue());
        adminActor = bean(SiteActors.class).forSite(siteId).orElseThrow();
        today = bean(FollowUpService.class).today();
    }

    @AfterAll
    static void stop() {
        ilium.close();
    }

    static <T> T bean(Class<T> type) {
        return ilium.context().getBean(type);
    }

    static String newEpisode(Client as, String email) {
        Map<String, Object> p = with(margaret(), "mrn", "FU-" + (++patients));
        p = with(p, "email", email);
        Response patient = as.post("/api/v1/patients", toJson(p));
        assertThat(patient.status()).as(patient.body()).isEqualTo(201);
        Response episode = as.post(patient.header("Location") + "/episodes", "{\"side\":\"left\",\"reason\":\"Referred by GP\"}");
        assertThat(episode.status()).as(episode.body()).isEqualTo(201);
        return episode.json().path("id").stringValue();
    }

    static Response enrol(Client as, String episodeId, LocalDate surgery, String ifMatch) {
        return as.put("/api/v1/episodes/" + episodeId + "/follow-up", "{\"surgeryDate\":\"" + surgery + "\"}", ifMatch);
    }

    static JsonNode timepoint(JsonNode followUp, String id) {
        for (JsonNode t : followUp.path("timepoints")) {
            if (t.path("id").stringValue().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no timepoint " + id);
    }

    @Test
    void enrolReadMoveAndComplete() {
        String ep = newEpisode(admin, null);
        String path = "/api/v1/episodes/" + ep + "/follow-up";
        assertThat(admin.get(path).status()).isEqualTo(404);
        LocalDate surgery = today.minusDays(50);
        Response created = enrol(admin, ep, surgery, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        JsonNode f = admin.get(path).json();
        assertThat(f.path("protocol").path("id").stringValue()).isEqualTo("standard");
        assertThat(f.path("timepoints")).hasSize(8);
        assertThat(timepoint(f, "baseline").path("status").stringValue()).isEqualTo("missed");
        assertThat(timepoint(f, "6w").path("status").stringValue()).isEqualTo("due");
        assertThat(timepoint(f, "6w").path("target").stringValue()).isEqualTo(surgery.plusWeeks(6).toString());
        assertThat(timepoint(f, "3m").path("status").stringValue()).isEqualTo("upcoming");
        assertThat(timepoint(f, "12m").path("instruments").toString()).contains("would_repeat");
        assertThat(f.path("recovery").get(0).path("until").stringValue()).isEqualTo(surgery.plusWeeks(3).toString());

        assertThat(enrol(admin, ep, surgery, null).status()).as("moving needs If-Match").isEqualTo(428);
        Response same = enrol(admin, ep, surgery, "\"1\"");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.header("ETag")).isEqualTo("\"1\"");
        Response moved = enrol(admin, ep, surgery.minusDays(1), "\"1\"");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.header("ETag")).isEqualTo("\"2\"");
        assertThat(enrol(admin, ep, surgery, "\"1\"").status()).isEqualTo(412);
        // the service call is idempotent and needs no version
        CurrentActor.runAs(adminActor, () -> {
            assertThat(bean(FollowUpService.class).enrol(UUID.fromString(ep), surgery.minusDays(1)).version()).isEqualTo(2);
        });

        Response done = admin.post(path + "/timepoints/6w/complete", "{\"source\":\"paper\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(timepoint(done.json(), "6w").path("status").stringValue()).isEqualTo("completed");
        assertThat(timepoint(done.json(), "6w").path("completionSource").stringValue()).isEqualTo("paper");
        assertThat(admin.post(path + "/timepoints/3m/complete", null).status()).as("not open yet").isEqualTo(409);
        assertThat(admin.post(path + "/timepoints/7w/complete", null).status()).isEqualTo(404);
        CurrentActor.runAs(adminActor, () -> {
            FollowUp again = bean(FollowUpService.class).complete(UUID.fromString(ep), "6w", "clinician");
            assertThat(again.schedule().timepoint("6w").completionSource()).as("the first completion counts").isEqualTo("paper");
        });
    }

    @Test
    void badInputNamesTheFieldsAndStoresNothing() {
        String ep = newEpisode(admin, null);
        String path = "/api/v1/episodes/" + ep + "/follow-up";
        Response bad = admin.put(path, "{\"surgeryDate\":\"2024-02-30\",\"protocol\":\"x\"}", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("surgeryDate", "protocol");
        assertThat(admin.put(path, "{}", null).errorFields()).containsExactly("surgeryDate");
        assertThat(admin.put(path, "{\"surgeryDate\":\"1999-12-31\"}", null).errorFields()).containsExactly("surgeryDate");
        assertThat(admin.put(path, "not json", null).status()).isEqualTo(400);
        assertThat(admin.get(path).status()).as("nothing stored").isEqualTo(404);
        assertThat(enrol(admin, ep, today.minusDays(50), null).status()).isEqualTo(201);
        Response badSource = admin.post(path + "/timepoints/6w/complete", "{\"source\":\"email\"}");
        assertThat(badSource.status()).isEqualTo(400);
        assertThat(badSource.errorFields()).containsExactly("source");
        assertThat(timepoint(admin.get(path).json(), "6w").path("status").stringValue()).isEqualTo("due");
    }

    @Test
    void anotherSitesEpisodeIsNotFound() {
        String ep = newEpisode(admin, null);
        String path = "/api/v1/episodes/" + ep + "/follow-up";
        assertThat(enrol(admin, ep, today.minusDays(50), null).status()).isEqualTo(201);
        assertThat(north.get(path).status()).isEqualTo(404);
        assertThat(enrol(north, ep, today, null).status()).isEqualTo(404);
        assertThat(north.post(path + "/timepoints/6w/complete", null).status()).isEqualTo(404);
        assertThat(timepoint(admin.get(path).json(), "6w").path("status").stringValue()).isEqualTo("due");
    }

    @Test
    void linksAreSingleUseExpireAndAreReplacedByANewerOne() {
        UUID ep = UUID.fromString(newEpisode(admin, null));
        assertThat(enrol(admin, ep.toString(), today.minusDays(40), null).status()).isEqualTo(201);
        PatientLinks links = bean(PatientLinks.class);
        TransactionTemplate tx = bean(TransactionTemplate.class);
        String first = CurrentActor.callAs(adminActor, () -> links.issue(ep, "6w"));
        assertThat(first).matches("[A-Za-z0-9_-]{43}");
        assertThat(CurrentActor.callAs(adminActor, () -> org.assertj.core.api.Assertions.catchThrowable(() -> links.issue(ep, "3m"))))
                .as("not due").isInstanceOf(org.ilium.shared.ConflictException.class);

        LinkTarget target = links.open(first);
        assertThat(target.episodeId()).isEqualTo(ep);
        assertThat(target.siteId()).isEqualTo(adminActor.siteId());
        assertThat(target.timepointId()).isEqualTo("6w");
        assertThat(target.instruments()).contains("odi", "pgic");
        LocalDate closes = today.minusDays(40).plusWeeks(8);
        assertThat(target.expiresAt()).isEqualTo(closes.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());

        String second = CurrentActor.callAs(adminActor, () -> links.issue(ep, "6w"));
        assertThatThrownBy(() -> links.open(first)).isInstanceOf(LinkGoneException.class).hasMessageContaining("replaced");
        assertThatThrownBy(() -> links.open("A".repeat(43))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> links.open("short")).isInstanceOf(NotFoundException.class);

        // another site's actor cannot redeem it
        Actor northActor = bean(SiteActors.class).forSite(northSite()).orElseThrow();
        assertThatThrownBy(() -> CurrentActor.runAs(northActor, () -> links.redeem(second))).isInstanceOf(NotFoundException.class);

        links.callAsSite(links.open(second), () -> tx.execute(s -> {
            links.redeem(second);
            return null;
        }));
        JsonNode f = admin.get("/api/v1/episodes/" + ep + "/follow-up").json();
        assertThat(timepoint(f, "6w").path("status").stringValue()).isEqualTo("completed");
        assertThat(timepoint(f, "6w").path("completionSource").stringValue()).isEqualTo("patient_link");
        assertThatThrownBy(() -> links.open(second)).isInstanceOf(LinkGoneException.class).hasMessageContaining("used");
        assertThatThrownBy(() -> links.callAsSite(target, () -> tx.execute(s -> {
            links.redeem(second);
            return null;
        }))).isInstanceOf(LinkGoneException.class);

        // expiry: a link past its window's end
        UUID ep2 = UUID.fromString(newEpisode(admin, null));
        assertThat(enrol(admin, ep2.toString(), today.minusDays(40), null).status()).isEqualTo(201);
        String third = CurrentActor.callAs(adminActor, () -> links.issue(ep2, "6w"));
        bean(JdbcClient.class).sql("update patient_link set expires_at = now() - interval '1 second' where episode_id = ?").param(ep2).update();
        assertThatThrownBy(() -> links.open(third)).isInstanceOf(LinkGoneException.class).hasMessageContaining("expired");
    }

    static UUID northSite() {
        return UUID.fromString(north.get("/api/v1/me").json().path("site").path("id").stringValue());
    }

    @Test
    void remindersAtDueDayThreeAndDaySevenAreQueuedOnce() {
        UUID ep = UUID.fromString(newEpisode(admin, "reminders@example.org"));
        // 6 weeks opens 35 days after surgery: today
        assertThat(enrol(admin, ep.toString(), today.minusDays(35), null).status()).isEqualTo(201);
        ReminderPlanner planner = bean(ReminderPlanner.class);
        planner.plan(today);
        planner.plan(today);
        planner.plan(today.plusDays(1));
        assertThat(reminders(ep)).containsExactly("due");
        planner.plan(today.plusDays(3));
        planner.plan(today.plusDays(4));
        assertThat(reminders(ep)).containsExactly("day3", "due");
        planner.plan(today.plusDays(7));
        planner.plan(today.plusDays(8));
        assertThat(reminders(ep)).containsExactly("day3", "day7", "due");

        // a patient without e-mail gets none
        UUID silent = UUID.fromString(newEpisode(admin, null));
        assertThat(enrol(admin, silent.toString(), today.minusDays(35), null).status()).isEqualTo(201);
        planner.plan(today);
        assertThat(reminders(silent)).isEmpty();
    }

    static java.util.List<String> reminders(UUID episodeId) {
        return CurrentActor.callAs(adminActor, () -> bean(JdbcClient.class)
                .sql("select reminder from outbox_message where episode_id = ? order by reminder").param(episodeId).query(String.class).list());
    }

    static Map<String, Object> message(UUID episodeId) {
        return CurrentActor.callAs(adminActor, () -> bean(JdbcClient.class)
                .sql("select attempts, last_error, sent_at, next_attempt_at from outbox_message where episode_id = ?").param(episodeId)
                .query().singleRow());
    }

    @Test
    void aFailedDeliveryIsRetriedAndSentExactlyOnce() throws Exception {
        String address = "outbox-" + UUID.randomUUID() + "@example.org";
        UUID ep = UUID.fromString(newEpisode(admin, address));
        assertThat(enrol(admin, ep.toString(), today.minusDays(36), null).status()).isEqualTo(201);
        bean(ReminderPlanner.class).plan(today);
        assertThat(reminders(ep)).containsExactly("due");
        OutboxSender sender = bean(OutboxSender.class);
        Instant now = Instant.now();
        sender.sendDue(now);
        Map<String, Object> failed = message(ep);
        assertThat(failed.get("attempts")).isEqualTo(1);
        assertThat((String) failed.get("last_error")).isNotBlank().doesNotContain(address);
        assertThat(failed.get("sent_at")).isNull();

        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            sender.sendDue(now);
            assertThat(message(ep).get("sent_at")).as("not before the backoff").isNull();
            sender.sendDue(now.plus(Duration.ofMinutes(2)));
            sender.sendDue(now.plus(Duration.ofHours(1)));
            MimeMessage[] received = Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals(address);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toArray(MimeMessage[]::new);
            assertThat(received).hasSize(1);
            Map<String, Object> sent = message(ep);
            assertThat(sent.get("sent_at")).isNotNull();
            assertThat(sent.get("attempts")).isEqualTo(2);
            String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(received[0]);
            assertThat(received[0].getFrom()[0].toString()).isEqualTo("followup@clinic.example");
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("https://ilium\\.clinic\\.example/q/([A-Za-z0-9_-]{43})").matcher(body);
            assertThat(link.find()).as(body).isTrue();
            assertThat(bean(PatientLinks.class).open(link.group(1)).episodeId()).isEqualTo(ep);
            assertThat(body).doesNotContainIgnoringCase("sacroiliac").doesNotContain("Margaret");
        } finally {
            mail.stop();
        }
    }

    @Test
    void responseRatesPerTimepointForTheCallersSite() {
        // on the north site, which no other test enrols in
        String open = newEpisode(north, null);
        String completed = newEpisode(north, null);
        String missed = newEpisode(north, null);
        assertThat(enrol(north, open, today.minusDays(50), null).status()).isEqualTo(201);
        assertThat(enrol(north, completed, today.minusDays(50), null).status()).isEqualTo(201);
        assertThat(enrol(north, missed, today.minusDays(70), null).status()).isEqualTo(201);
        assertThat(north.post("/api/v1/episodes/" + completed + "/follow-up/timepoints/6w/complete", null).status()).isEqualTo(200);
        Response rates = north.get("/api/v1/follow-up/response-rates");
        assertThat(rates.status()).isEqualTo(200);
        JsonNode sixWeeks = null;
        JsonNode fiveYears = null;
        for (JsonNode t : rates.json().path("timepoints")) {
            if (t.path("timepointId").stringValue().equals("6w")) {
                sixWeeks = t;
            }
            if (t.path("timepointId").stringValue().equals("5y")) {
                fiveYears = t;
            }
        }
        assertThat(sixWeeks.path("opened").asInt()).isEqualTo(3);
        assertThat(sixWeeks.path("completed").asInt()).isEqualTo(1);
        assertThat(sixWeeks.path("missed").asInt()).isEqualTo(1);
        assertThat(sixWeeks.path("open").asInt()).isEqualTo(1);
        assertThat(sixWeeks.path("rate").asDouble()).isEqualTo(0.5);
        assertThat(fiveYears.path("opened").asInt()).isZero();
        assertThat(fiveYears.path("rate").isNull()).isTrue();
    }
}
