package org.ilium.prom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ilium.testing.IliumInstance.toJson;
import static org.ilium.testing.Patients.margaret;
import static org.ilium.testing.Patients.with;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.FieldError;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.NotFoundException;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Questionnaire responses of an episode on the real embedded database: recording, reading, site isolation, bad input. */
class PromResponseApiIT {
    @TempDir
    static Path dataDir;
    static IliumInstance ilium;
    static Client main;
    static Client north;
    static Actor mainActor;
    static Actor northActor;
    static final java.util.concurrent.atomic.AtomicInteger PATIENTS = new java.util.concurrent.atomic.AtomicInteger();
    static final String ODI = "{\"s1\":3,\"s2\":3,\"s3\":2,\"s4\":3,\"s5\":2,\"s6\":3,\"s7\":2,\"s8\":3,\"s10\":3}";

    @BeforeAll
    static void twoSites() {
        ilium = IliumInstance.start(dataDir);
        main = ilium.admin();
        Response site = main.post("/api/v1/sites",
                "{\"code\":\"north\",\"name\":\"North Spine Clinic\",\"admin\":{\"username\":\"north-admin\",\"password\":\"north-password-1\"}}");
        assertThat(site.status()).as(site.body()).isEqualTo(201);
        north = ilium.as("north-admin", "north-password-1");
        mainActor = actor(main, "admin");
        northActor = actor(north, "north-admin");
    }

    @AfterAll
    static void stop() {
        ilium.close();
    }

    private static String episode(Client client) {
        String patient = client.post("/api/v1/patients", toJson(with(margaret(), "mrn", "PROM-" + PATIENTS.incrementAndGet()))).header("Location");
        Response episode = client.post(patient + "/episodes", "{\"side\":\"left\",\"reason\":\"referral\"}");
        assertThat(episode.status()).as(episode.body()).isEqualTo(201);
        return "/api/v1/episodes/" + episode.json().path("id").stringValue();
    }

    private static Actor actor(Client client, String username) {
        UUID site = UUID.fromString(client.get("/api/v1/me").json().path("site").path("id").stringValue());
        DataSource dataSource = ilium.context().getBean(DataSource.class);
        UUID userId = CurrentActor.callAs(new Actor(UUID.randomUUID(), username, site), () -> {
            try (Connection c = dataSource.getConnection();
                    java.sql.PreparedStatement s = c.prepareStatement("select id from app_user where username = ?")) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getObject(1, UUID.class);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return new Actor(userId, username, site);
    }

    private static UUID id(String episodePath) {
        return UUID.fromString(episodePath.substring(episodePath.lastIndexOf('/') + 1));
    }

    static String body(String instrument, String timepoint, String collectedOn, String answers) {
        return "{\"instrument\":\"" + instrument + "\"," + (timepoint == null ? "" : "\"timepoint\":\"" + timepoint + "\",")
                + "\"collectedOn\":\"" + collectedOn + "\",\"answers\":" + answers + "}";
    }

    @Test
    void recordsScoresListsAndFilters() {
        String episode = episode(main);
        Response odi = main.post(episode + "/responses", body("odi", "6w", "2026-03-01", ODI));
        assertThat(odi.status()).as(odi.body()).isEqualTo(201);
        assertThat(odi.header("ETag")).isEqualTo("\"1\"");
        assertThat(odi.header("Location")).startsWith(episode + "/responses/");
        JsonNode r = odi.json();
        assertThat(r.path("instrument").stringValue()).isEqualTo("odi");
        assertThat(r.path("instrumentVersion").stringValue()).isEqualTo("2.1a");
        assertThat(r.path("timepoint").stringValue()).isEqualTo("6w");
        assertThat(r.path("score").asDouble()).isEqualTo(53.33);
        assertThat(r.path("answered").asInt()).isEqualTo(9);
        assertThat(r.path("band").stringValue()).isEqualTo("severe");
        assertThat(r.path("source").stringValue()).isEqualTo("clinician");
        assertThat(r.path("recordedBy").stringValue()).isEqualTo("admin");
        assertThat(r.path("answers").path("s3").asInt()).isEqualTo(2);
        assertThat(r.path("answers").has("s9")).isFalse();
        assertThat(main.get(odi.header("Location")).json()).isEqualTo(r);

        Response pgic = main.post(episode + "/responses", "{\"instrument\":\"pgic\",\"timepoint\":\"6w\",\"collectedOn\":\"2026-03-01\","
                + "\"source\":\"paper\",\"answers\":{\"change\":\"very_much_improved\"}}");
        assertThat(pgic.status()).as(pgic.body()).isEqualTo(201);
        assertThat(pgic.json().path("flags").path("improved").asBoolean()).isTrue();
        assertThat(pgic.json().path("score").asDouble()).isEqualTo(1.0);
        Response nrs = main.post(episode + "/responses", body("back_pain_nrs", null, "2026-01-10", "{\"pain\":8}"));
        assertThat(nrs.status()).as(nrs.body()).isEqualTo(201);
        assertThat(nrs.json().path("timepoint").isNull()).isTrue();

        JsonNode all = main.get(episode + "/responses").json();
        assertThat(all.size()).isEqualTo(3);
        assertThat(all.get(0).path("instrument").stringValue()).as("by date collected").isEqualTo("back_pain_nrs");
        assertThat(main.get(episode + "/responses?instrument=odi").json().size()).isEqualTo(1);
        assertThat(main.get(episode + "/responses?timepoint=6w").json().size()).isEqualTo(2);
        assertThat(main.get(episode + "/responses?instrument=pgic&timepoint=6w").json().get(0).path("answer").stringValue())
                .isEqualTo("very_much_improved");
        assertThat(main.get(episode + "/responses?timepoint=12m").json().size()).isZero();
        assertThat(main.get(episode + "/responses?instrument=sf36").errorFields()).containsExactly("instrument");
    }

    @Test
    void aMistakenResponseIsVoidedNotDeleted() {
        String episode = episode(main);
        Response r = main.post(episode + "/responses", body("back_pain_nrs", "6w", "2026-03-01", "{\"pain\":9}"));
        String at = r.header("Location");
        assertThat(main.send("POST", at + "/void", "{\"reason\":\"wrong patient\"}").status()).as("If-Match required").isEqualTo(428);
        assertThat(main.send("POST", at + "/void", "{\"reason\":\"wrong patient\"}", "If-Match", "\"2\"").status()).isEqualTo(412);
        assertThat(main.send("POST", at + "/void", "{}", "If-Match", "\"1\"").errorFields()).containsExactly("reason");
        Response voided = main.send("POST", at + "/void", "{\"reason\":\"wrong patient\"}", "If-Match", "\"1\"");
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(voided.header("ETag")).isEqualTo("\"2\"");
        assertThat(voided.json().path("voidedBy").stringValue()).isEqualTo("admin");
        assertThat(voided.json().path("voidReason").stringValue()).isEqualTo("wrong patient");
        assertThat(voided.json().path("score").asDouble()).as("kept as answered").isEqualTo(9.0);
        assertThat(main.get(episode + "/responses").json().size()).isZero();
        assertThat(main.get(episode + "/responses?includeVoided=true").json().size()).isEqualTo(1);
        assertThat(main.get(at).json().path("version").asInt()).isEqualTo(2);
        assertThat(main.send("POST", at + "/void", "{\"reason\":\"again\"}", "If-Match", "\"1\"").status()).isEqualTo(412);
        assertThat(main.send("POST", at + "/void", "{\"reason\":\"again\"}", "If-Match", "*").status()).isEqualTo(409);
        assertThat(main.get(at).json().path("voidReason").stringValue()).isEqualTo("wrong patient");
    }

    @Test
    void theServiceRecordsWithoutAnHttpRequest() {
        String episode = episode(main);
        ResponseService service = ilium.context().getBean(ResponseService.class);
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("again", "yes");
        org.ilium.prom.Response r = CurrentActor.callAs(mainActor,
                () -> service.record(id(episode), "12m", "would_repeat", answers, "patient_link", LocalDate.of(2026, 5, 1)));
        assertThat(r.flags()).containsEntry("would_repeat", true);
        assertThat(r.instrumentVersion()).isEqualTo("1");
        assertThat(r.recordedBy()).isEqualTo("admin");
        assertThat(CurrentActor.callAs(mainActor, () -> service.responses(id(episode), "would_repeat", "12m"))).containsExactly(r);
        assertThatThrownBy(() -> CurrentActor.callAs(mainActor,
                () -> service.record(id(episode), null, "odi", Map.of("s3", 9), null, LocalDate.of(2026, 5, 1))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("answers.s3"));
    }

    @Test
    void anotherSitesEpisodeIsNotFound() {
        String northEpisode = episode(north);
        Response own = north.post(northEpisode + "/responses", body("back_pain_nrs", null, "2026-02-01", "{\"pain\":5}"));
        assertThat(own.status()).isEqualTo(201);
        String before = north.get(northEpisode + "/responses").body();

        assertThat(main.get(northEpisode + "/responses").status()).isEqualTo(404);
        assertThat(main.get(own.header("Location")).status()).isEqualTo(404);
        assertThat(main.send("POST", own.header("Location") + "/void", "{\"reason\":\"x\"}", "If-Match", "\"1\"").status())
                .isEqualTo(404);
        assertThat(main.post(northEpisode + "/responses", body("back_pain_nrs", null, "2026-02-01", "{\"pain\":1}")).status())
                .isEqualTo(404);
        String mainEpisode = episode(main);
        String responseId = own.header("Location").substring(own.header("Location").lastIndexOf('/') + 1);
        assertThat(main.get(mainEpisode + "/responses/" + responseId).status()).as("another site's response under an own episode")
                .isEqualTo(404);
        ResponseService service = ilium.context().getBean(ResponseService.class);
        assertThatThrownBy(() -> CurrentActor.callAs(mainActor, () -> service.responses(id(northEpisode), null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(north.get(northEpisode + "/responses").body()).as("the other site changed nothing").isEqualTo(before);
        assertThat(CurrentActor.callAs(northActor, () -> service.responses(id(northEpisode), null, null))).hasSize(1);
    }

    @Test
    void badInputIsRefusedNamingEachFieldAndNothingIsStored() {
        String episode = episode(main);
        assertThat(main.post(episode + "/responses", body("odi", "6w", "2026-03-01", ODI)).status()).isEqualTo(201);
        String tomorrow = LocalDate.now(ZoneOffset.ofHours(14)).plusDays(1).toString();
        Map<String, List<String>> corpus = new LinkedHashMap<>();
        corpus.put(body("odi", "6w", "2026-03-01", "{\"s1\":3,\"s3\":6}"), List.of("answers.s3"));
        corpus.put(body("odi", "6w", "2026-03-01", "{\"s1\":3,\"s11\":2}"), List.of("answers.s11"));
        corpus.put(body("odi", "6w", "2026-03-01", "{\"s1\":-1,\"s2\":2.5,\"s4\":\"3\",\"s5\":true}"),
                List.of("answers.s1", "answers.s2", "answers.s4", "answers.s5"));
        corpus.put(body("odi", "6w", "2026-03-01", "{}"), List.of("answers"));
        corpus.put(body("back_pain_nrs", null, "2026-03-01", "{}"), List.of("answers.pain"));
        corpus.put(body("back_pain_nrs", null, "2026-03-01", "{\"pain\":11}"), List.of("answers.pain"));
        corpus.put(body("pgic", null, "2026-03-01", "{\"change\":\"better\"}"), List.of("answers.change"));
        corpus.put(body("sf36", null, "2026-03-01", "{\"q1\":1}"), List.of("instrument"));
        corpus.put(body("odi", null, tomorrow, ODI), List.of("collectedOn"));
        corpus.put(body("odi", null, "2026-02-30", ODI), List.of("collectedOn"));
        corpus.put(body("odi", "Six Weeks", "2026-03-01", ODI), List.of("timepoint"));
        corpus.put("{\"instrument\":\"odi\",\"collectedOn\":\"2026-03-01\",\"source\":\"fax\",\"answers\":" + ODI + "}", List.of("source"));
        corpus.put("{\"instrument\":\"odi\",\"answers\":" + ODI + "}", List.of("collectedOn"));
        corpus.put("{\"collectedOn\":\"2026-03-01\"}", List.of("instrument", "answers"));
        corpus.put("{\"instrument\":\"odi\",\"collectedOn\":\"2026-03-01\",\"answers\":" + ODI + ",\"score\":50}", List.of("score"));
        corpus.put("{\"instrument\":\"odi\",\"answers\":{\"s1\":9}}", List.of("collectedOn", "answers.s1"));
        corpus.put("{\"instrument\":\"odi\",\"collectedOn\":\"2026-03-01\",\"answers\":[3,3]}", List.of("answers"));
        corpus.put("[]", List.of("body"));
        corpus.put("{\"instrument\":", List.of("body"));
        String before = snapshot(episode);
        corpus.forEach((json, fields) -> {
            Response res = main.post(episode + "/responses", json);
            assertThat(res.status()).as(json + " -> " + res.body()).isEqualTo(400);
            assertThat(res.header("Content-Type")).contains("problem+json");
            assertThat(res.json().path("detail").stringValue()).endsWith("Nothing was stored.");
            assertThat(res.errorFields()).as(json).containsExactlyInAnyOrderElementsOf(fields);
        });
        assertThat(snapshot(episode)).as("nothing stored").isEqualTo(before);
        assertThat(main.post("/api/v1/episodes/" + UUID.randomUUID() + "/responses", body("odi", null, "2026-03-01", ODI)).status())
                .isEqualTo(404);
        assertThat(snapshot(episode)).isEqualTo(before);
    }

    private static String snapshot(String episode) {
        return main.get(episode + "/responses").body() + CurrentActor.callAs(mainActor, PromResponseApiIT::rowCount);
    }

    private static String rowCount() {
        DataSource dataSource = ilium.context().getBean(DataSource.class);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from prom_response")) {
            rs.next();
            return " responses=" + rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
