package org.ilium.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.testing.IliumInstance.toJson;
import static org.ilium.testing.Patients.margaret;
import static org.ilium.testing.Patients.with;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The patient and episode API as a script or the web app uses it, on the real embedded database. */
class PatientApiIT {
    @TempDir
    static Path dataDir;
    static IliumInstance ilium;
    static Client admin;

    @BeforeAll
    static void start() {
        ilium = IliumInstance.start(dataDir);
        admin = ilium.admin();
    }

    @AfterAll
    static void stop() {
        ilium.close();
    }

    private static Response create(Map<String, Object> patient) {
        return admin.post("/api/v1/patients", toJson(patient));
    }

    @Test
    void registerReadAndReplaceAPatient() {
        Response created = create(with(margaret(), "mrn", "API-1"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        String location = created.header("Location");
        assertThat(location).matches("/api/v1/patients/[0-9a-f-]{36}");
        JsonNode body = created.json();
        assertThat(body.path("mrn").stringValue()).isEqualTo("API-1");
        assertThat(body.path("birthDate").stringValue()).isEqualTo("1962-03-14");
        assertThat(body.path("sex").stringValue()).isEqualTo("female");
        assertThat(location).endsWith(body.path("id").stringValue());

        Response read = admin.get(location);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.json()).isEqualTo(body);

        Map<String, Object> married = with(with(margaret(), "mrn", "API-1"), "familyName", "Thornton");
        married.remove("phone");
        Response replaced = admin.put(location, toJson(married), "\"1\"");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
        assertThat(replaced.json().path("familyName").stringValue()).isEqualTo("Thornton");
        assertThat(replaced.json().path("phone").isNull()).as("PUT replaces the whole patient").isTrue();
        assertThat(admin.get(location).json()).isEqualTo(replaced.json());
    }

    @Test
    void aStaleOrMissingIfMatchChangesNothing() {
        String location = create(with(margaret(), "mrn", "API-2")).header("Location");
        String renamed = toJson(with(with(margaret(), "mrn", "API-2"), "givenName", "Peggy"));
        assertThat(admin.put(location, renamed, "\"1\"").status()).isEqualTo(200);

        Response stale = admin.put(location, toJson(with(with(margaret(), "mrn", "API-2"), "givenName", "Meg")), "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        Response missing = admin.put(location, toJson(with(with(margaret(), "mrn", "API-2"), "givenName", "Meg")), null);
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.json().path("status").asInt()).isEqualTo(428);

        Response now = admin.get(location);
        assertThat(now.json().path("givenName").stringValue()).isEqualTo("Peggy");
        assertThat(now.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void twoConcurrentUpdatesOfTheSameVersionCannotBothWin() throws Exception {
        String location = create(with(margaret(), "mrn", "API-3")).header("Location");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> updates = new ArrayList<>();
        for (String name : List.of("Anne", "Beth", "Cora", "Dora")) {
            updates.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return admin.put(location, toJson(with(with(margaret(), "mrn", "API-3"), "givenName", name)), "\"1\"").status();
            }));
        }
        go.countDown();
        List<Integer> statuses = updates.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(admin.get(location).header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void anMrnIsUniqueWithinTheSite() {
        assertThat(create(with(margaret(), "mrn", "API-4")).status()).isEqualTo(201);
        Response again = create(with(with(margaret(), "mrn", "API-4"), "givenName", "Other"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorFields()).containsExactly("mrn");
    }

    @Test
    void searchByMrnNameAndBirthDateInPages() {
        for (int i = 0; i < 23; i++) {
            create(with(with(with(margaret(), "mrn", "SRCH-" + i), "familyName", "Searchwell-Jones"),
                    "birthDate", i % 2 == 0 ? "1950-01-01" : "1951-01-01"));
        }
        JsonNode byMrn = admin.get("/api/v1/patients?mrn=SRCH-7").json();
        assertThat(byMrn.path("totalItems").asLong()).isEqualTo(1);
        assertThat(byMrn.path("items").get(0).path("mrn").stringValue()).isEqualTo("SRCH-7");

        JsonNode page0 = admin.get("/api/v1/patients?name=searchwell&size=10").json();
        assertThat(page0.path("totalItems").asLong()).isEqualTo(23);
        assertThat(page0.path("totalPages").asLong()).isEqualTo(3);
        assertThat(page0.path("items").size()).isEqualTo(10);
        JsonNode page2 = admin.get("/api/v1/patients?name=searchwell&size=10&page=2").json();
        assertThat(page2.path("items").size()).isEqualTo(3);
        assertThat(admin.get("/api/v1/patients?name=jones%20marg&size=100").json().path("totalItems").asLong()).isEqualTo(23);
        assertThat(admin.get("/api/v1/patients?name=earchwell").json().path("totalItems").asLong())
                .as("names match from the start of a word").isZero();

        JsonNode born1951 = admin.get("/api/v1/patients?name=searchwell&birthDate=1951-01-01").json();
        assertThat(born1951.path("totalItems").asLong()).isEqualTo(11);

        JsonNode viaBody = admin.post("/api/v1/patients/_search",
                "{\"name\":\"Searchwell\",\"birthDate\":\"1950-01-01\",\"size\":5}").json();
        assertThat(viaBody.path("totalItems").asLong()).isEqualTo(12);
        assertThat(viaBody.path("items").size()).isEqualTo(5);
    }

    @Test
    void anEpisodeMovesAlongThePathwayAndRemembersWhoMovedItAndWhy() {
        String patient = create(with(margaret(), "mrn", "EPI-1")).header("Location");
        Response opened = admin.post(patient + "/episodes", "{\"side\":\"right\",\"reason\":\"Referred by GP\"}");
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.json().path("status").stringValue()).isEqualTo("referred");
        String episode = opened.header("Location");

        Response toOperated = admin.send("POST", episode + "/transitions", "{\"to\":\"operated\",\"reason\":\"skip\"}", "If-Match", "\"1\"");
        assertThat(toOperated.status()).isEqualTo(409);
        assertThat(toOperated.json().path("detail").stringValue()).contains("Allowed next: in_workup, closed");

        String etag = opened.header("ETag");
        for (String step : List.of("{\"to\":\"in_workup\",\"reason\":\"Start work-up\"}",
                "{\"to\":\"decided\",\"candidate\":true,\"reason\":\"Meets policy criteria\"}",
                "{\"to\":\"scheduled\",\"reason\":\"Surgery booked\"}")) {
            Response moved = admin.send("POST", episode + "/transitions", step, "If-Match", etag);
            assertThat(moved.status()).as(step).isEqualTo(200);
            etag = moved.header("ETag");
        }
        Response stale = admin.send("POST", episode + "/transitions", "{\"to\":\"operated\",\"reason\":\"Done\"}", "If-Match", "\"3\"");
        assertThat(stale.status()).isEqualTo(412);

        JsonNode now = admin.get(episode).json();
        assertThat(now.path("status").stringValue()).isEqualTo("scheduled");
        assertThat(now.path("candidate").booleanValue()).isTrue();

        JsonNode transitions = admin.get(episode + "/transitions").json();
        assertThat(transitions.size()).isEqualTo(4);
        assertThat(transitions.get(2).path("from").stringValue()).isEqualTo("in_workup");
        assertThat(transitions.get(2).path("to").stringValue()).isEqualTo("decided");
        assertThat(transitions.get(2).path("reason").stringValue()).isEqualTo("Meets policy criteria");
        assertThat(transitions.get(2).path("by").stringValue()).isEqualTo("admin");
        assertThat(transitions.get(2).path("at").stringValue()).isNotBlank();
        assertThat(admin.get(patient + "/episodes").json().size()).isEqualTo(1);
    }

    @Test
    void everyApiCallNeedsAUser() {
        Response anonymous = ilium.anonymous().get("/api/v1/patients");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(ilium.as("admin", "wrong-password").get("/api/v1/patients").status()).isEqualTo(401);
        assertThat(ilium.anonymous().post("/api/v1/patients", toJson(margaret())).status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/me").json().path("site").path("code").stringValue()).isEqualTo("main");
    }

    @Test
    void healthMetricsAndApiDescriptionArePublished() {
        Response health = ilium.anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").stringValue()).isEqualTo("UP");
        assertThat(health.json().path("components").path("db").path("status").stringValue()).isEqualTo("UP");

        Response metrics = ilium.anonymous().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections", "http_server_requests");

        Response openapi = ilium.anonymous().get("/v3/api-docs");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.json().path("paths").has("/api/v1/patients")).isTrue();
        assertThat(openapi.json().path("paths").has("/api/v1/patients/{patientId}/episodes/{episodeId}/transitions")).isTrue();
        assertThat(ilium.anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
