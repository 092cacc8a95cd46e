package org.ilium.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.testing.IliumInstance.toJson;
import static org.ilium.testing.Patients.margaret;
import static org.ilium.testing.Patients.with;
import static org.ilium.testing.Patients.without;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A corpus of bad requests: each is answered 400 with problem+json naming the bad fields, never 500,
 * and leaves the database as it was (same patients, same versions, same episodes).
 */
class BadInputIT {
    @TempDir
    static Path dataDir;
    static IliumInstance ilium;
    static Client admin;
    static String patient;
    static String episode;

    @BeforeAll
    static void start() {
        ilium = IliumInstance.start(dataDir);
        admin = ilium.admin();
        patient = admin.post("/api/v1/patients", toJson(margaret())).header("Location");
        episode = admin.post(patient + "/episodes", "{\"side\":\"left\",\"reason\":\"referral\"}").header("Location");
    }

    @AfterAll
    static void stop() {
        ilium.close();
    }

    record Case(String name, String method, String path, byte[] body, List<String> fields) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case post(String name, String body, String... fields) {
        return new Case(name, "POST", "/api/v1/patients", body.getBytes(StandardCharsets.UTF_8), List.of(fields));
    }

    private static Case post(String name, Map<String, Object> body, String... fields) {
        return post(name, toJson(body), fields);
    }

    static Stream<Arguments> corpus() {
        String tomorrow = LocalDate.now(ZoneOffset.ofHours(14)).plusDays(1).toString();
        return Stream.of(
                post("malformed JSON", "{\"mrn\": \"A\", ", "body"),
                post("not JSON at all", "mrn=A&givenName=B", "body"),
                post("empty body", "", "body"),
                post("JSON array", "[" + toJson(margaret()) + "]", "body"),
                post("JSON null", "null", "body"),
                post("duplicate field", "{\"mrn\":\"A\",\"mrn\":\"B\"}", "body"),
                post("two documents", toJson(margaret()) + toJson(margaret()), "body"),
                post("empty object", "{}", "mrn", "givenName", "familyName", "birthDate", "sex"),
                post("unknown field", with(margaret(), "ssn", "123-45-6789"), "ssn"),
                post("id chosen by the client", with(margaret(), "id", "00000000-0000-0000-0000-000000000001"), "id"),
                post("birth date as a number", with(margaret(), "birthDate", 19620314), "birthDate"),
                post("birth date in another format", with(margaret(), "birthDate", "14/03/1962"), "birthDate"),
                post("no such calendar day", with(margaret(), "birthDate", "2023-02-30"), "birthDate"),
                post("birth date in the future", with(margaret(), "birthDate", tomorrow), "birthDate"),
                post("birth date before 1900", with(margaret(), "birthDate", "1850-01-01"), "birthDate"),
                post("sex not in the list", with(margaret(), "sex", "F"), "sex"),
                post("sex as a boolean", with(margaret(), "sex", true), "sex"),
                post("MRN as an object", with(margaret(), "mrn", Map.of("value", "A")), "mrn"),
                post("MRN too long", with(margaret(), "mrn", "M".repeat(65)), "mrn"),
                post("MRN with spaces", with(margaret(), "mrn", "MRN 1"), "mrn"),
                post("given name as a list", with(margaret(), "givenName", List.of("Ada")), "givenName"),
                post("blank family name", with(margaret(), "familyName", "   "), "familyName"),
                post("family name too long", with(margaret(), "familyName", "x".repeat(101)), "familyName"),
                post("name with a control character", with(margaret(), "givenName", "Ada\u0000"), "givenName"),
                post("e-mail not an address", with(margaret(), "email", "nobody"), "email"),
                post("e-mail as a number", with(margaret(), "email", 42), "email"),
                post("phone with letters", with(margaret(), "phone", "call me"), "phone"),
                post("missing sex and several wrong", with(without(margaret(), "sex"), "birthDate", "soon"), "sex", "birthDate"),
                post("oversized body", with(margaret(), "givenName", "x".repeat(200_000)), "body"),
                new Case("patient search with a bad filter", "POST", "/api/v1/patients/_search",
                        "{\"birthDate\":\"yesterday\",\"size\":0,\"sort\":\"name\"}".getBytes(StandardCharsets.UTF_8),
                        List.of("birthDate", "size", "sort")),
                new Case("page size too large", "GET", "/api/v1/patients?size=1000", null, List.of("size")),
                new Case("negative page", "GET", "/api/v1/patients?page=-1", null, List.of("page")),
                new Case("page not a number", "GET", "/api/v1/patients?page=two", null, List.of("page")),
                new Case("birth date filter not a date", "GET", "/api/v1/patients?birthDate=1962", null, List.of("birthDate")),
                new Case("patient id not an id", "GET", "/api/v1/patients/42", null, List.of("id")),
                new Case("episode side unknown", "POST", "{patient}/episodes",
                        "{\"side\":\"middle\",\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8), List.of("side")),
                new Case("episode without reason", "POST", "{patient}/episodes",
                        "{\"side\":\"left\"}".getBytes(StandardCharsets.UTF_8), List.of("reason")),
                new Case("transition to an unknown status", "POST", "{episode}/transitions",
                        "{\"to\":\"healed\",\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8), List.of("to")),
                new Case("candidate as a string", "POST", "{episode}/transitions",
                        "{\"to\":\"in_workup\",\"candidate\":\"yes\",\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                        List.of("candidate")))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithEveryBadFieldNamedAndNothingStored(Case c) {
        String before = snapshot();
        String path = c.path().replace("{patient}", patient).replace("{episode}", episode);
        Response res = admin.sendBytes(c.method(), path, c.body(), c.body() == null ? null : "application/json", "If-Match", "\"1\"");
        assertThat(res.status()).as(res.body()).isEqualTo(400);
        assertThat(res.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = res.json();
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title").stringValue()).isNotBlank();
        assertThat(res.errorFields()).containsExactlyInAnyOrderElementsOf(c.fields());
        assertThat(snapshot()).as("nothing stored").isEqualTo(before);
    }

    @ParameterizedTest(name = "PUT: {0}")
    @MethodSource("corpus")
    void isRefusedOnUpdateToo(Case c) {
        if (!c.path().equals("/api/v1/patients") || !c.method().equals("POST")) {
            return;
        }
        String before = snapshot();
        Response res = admin.sendBytes("PUT", patient, c.body(), "application/json", "If-Match", "\"1\"");
        assertThat(res.status()).as(res.body()).isEqualTo(400);
        assertThat(snapshot()).isEqualTo(before);
    }

    /** What a user can see of the site: every patient with its version, and the episode with its history. */
    private static String snapshot() {
        return admin.get("/api/v1/patients?size=100").body() + admin.get(episode).body() + admin.get(episode + "/transitions").body();
    }
}
