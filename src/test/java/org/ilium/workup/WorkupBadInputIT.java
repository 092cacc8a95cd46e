package org.ilium.workup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.testing.IliumInstance.toJson;
import static org.ilium.testing.Patients.margaret;
import static org.ilium.testing.Workups.first;
import static org.ilium.testing.Workups.with;
import static org.ilium.testing.Workups.without;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;
import org.ilium.workup.domain.WorkupKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * A corpus of bad work-up requests: each is answered 400 with problem+json naming the bad fields,
 * never 500, and leaves the database as it was, both as a new record and as a correction (the
 * previous version stays current, and no version is added to the history).
 */
class WorkupBadInputIT {
    @TempDir
    static Path dataDir;
    static IliumInstance ilium;
    static Client admin;
    static Actor adminActor;
    static String episode;
    /** One stored record of each kind, at version 1, the target of the corrections. */
    static final Map<WorkupKind, String> RECORDS = new EnumMap<>(WorkupKind.class);

    @BeforeAll
    static void start() {
        ilium = IliumInstance.start(dataDir);
        admin = ilium.admin();
        String patient = admin.post("/api/v1/patients", toJson(margaret())).header("Location");
        String opened = admin.post(patient + "/episodes", "{\"side\":\"left\",\"reason\":\"referral\"}").json().path("id").stringValue();
        episode = "/api/v1/episodes/" + opened;
        for (WorkupKind kind : WorkupKind.values()) {
            Response created = admin.post(episode + "/workup/" + kind.path(), toJson(first(kind)));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            RECORDS.put(kind, created.header("Location"));
        }
        UUID site = UUID.fromString(admin.get("/api/v1/me").json().path("site").path("id").stringValue());
        adminActor = new Actor(UUID.randomUUID(), IliumInstance.ADMIN, site);
    }

    @AfterAll
    static void stop() {
        ilium.close();
    }

    /** {@code kind} null: not a record body (bad path or parameters). {@code onPut}: the same body is wrong as a correction. */
    record Case(String name, WorkupKind kind, String path, byte[] body, List<String> fields, boolean onPut) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code body}: JSON text as is, or an object to write as JSON. */
    private static Case post(String name, WorkupKind kind, Object body, String... fields) {
        return new Case(name, kind, "/workup/" + kind.path(), bytes(body), List.of(fields), true);
    }

    private static Case postOnly(String name, WorkupKind kind, Object body, String... fields) {
        return new Case(name, kind, "/workup/" + kind.path(), bytes(body), List.of(fields), false);
    }

    private static byte[] bytes(Object body) {
        return (body instanceof String text ? text : toJson(body)).getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> corpus() {
        String tomorrow = LocalDate.now(ZoneOffset.ofHours(14)).plusDays(1).toString();
        WorkupKind odi = WorkupKind.ODI;
        WorkupKind block = WorkupKind.INJECTIONS;
        WorkupKind test = WorkupKind.PROVOCATION_TESTS;
        WorkupKind pain = WorkupKind.PAIN_SCORES;
        return Stream.of(
                post("ODI section out of range", odi, with(first(odi), "sections", Arrays.asList(3, 3, 6, 3, 2, 3, 2, 3, null, 3)),
                        "sections[2]"),
                post("ODI section negative and another a string", odi,
                        with(first(odi), "sections", Arrays.asList(-1, 3, 2, "3", 2, 3, 2, 3, null, 3)), "sections[0]", "sections[3]"),
                post("ODI with nine sections", odi, with(first(odi), "sections", List.of(1, 2, 3, 4, 5, 0, 1, 2, 3)), "sections"),
                post("ODI with every section blank", odi, with(first(odi), "sections", Arrays.asList(new Integer[10])), "sections"),
                post("ODI sections as an object", odi, with(first(odi), "sections", Map.of("pain", 3)), "sections"),
                post("injection relief over 100 %", block, with(first(block), "reliefPercent", 120), "reliefPercent"),
                post("injection relief as text", block, with(first(block), "reliefPercent", "80%"), "reliefPercent"),
                post("injection pain after above 10", block, with(first(block), "painAfter", 11), "painAfter"),
                post("injection without side and guidance", block, without(without(first(block), "side"), "guidance"),
                        "side", "guidance"),
                post("date in the future", pain, with(first(pain), "date", tomorrow), "date"),
                post("date not a calendar day", pain, with(first(pain), "date", "2025-02-30"), "date"),
                post("date as a number", pain, with(first(pain), "date", 20250610), "date"),
                post("no date", pain, without(first(pain), "date"), "date"),
                post("provocation test without a side", test, without(first(test), "side"), "side"),
                post("provocation test of an unknown kind", test, with(first(test), "test", "slump"), "test"),
                post("provocation result as a string", test, with(first(test), "positive", "yes"), "positive"),
                post("pain score as text", pain, with(first(pain), "nrs", "seven"), "nrs"),
                post("pain score 11", pain, with(first(pain), "nrs", 11), "nrs"),
                post("pain score with neither scale", pain, without(first(pain), "nrs"), "nrs"),
                post("pain location unknown", pain, with(first(pain), "locations", List.of("knee")), "locations"),
                post("source unknown", pain, with(first(pain), "source", "hearsay"), "source"),
                post("unknown field", pain, with(first(pain), "ssn", "123-45-6789"), "ssn"),
                post("conservative care ending before it started", WorkupKind.CONSERVATIVE_CARE,
                        with(first(WorkupKind.CONSERVATIVE_CARE), "end", "2024-01-01"), "end"),
                post("risk factor value given as present", WorkupKind.RISK_FACTORS,
                        "{\"date\":\"2026-02-16\",\"type\":\"bmi\",\"present\":true}", "value", "present"),
                post("imaging finding unknown", WorkupKind.IMAGING,
                        with(first(WorkupKind.IMAGING), "findings", Map.of("fracture", true)), "findings.fracture"),
                post("CPT code malformed", WorkupKind.PLANNED_PROCEDURES, with(first(WorkupKind.PLANNED_PROCEDURES), "cpt", "2727"),
                        "cpt"),
                post("malformed JSON", pain, "{\"date\": \"2025-06-10\", ", "body"),
                post("empty body", pain, "", "body"),
                post("JSON array", pain, "[" + toJson(first(pain)) + "]", "body"),
                post("duplicate field", pain, "{\"date\":\"2025-06-10\",\"nrs\":7,\"nrs\":3}", "body"),
                post("oversized body", WorkupKind.IMAGING, with(first(WorkupKind.IMAGING), "report", "x".repeat(200_000)), "body"),
                post("report too long", WorkupKind.IMAGING, with(first(WorkupKind.IMAGING), "report", "x".repeat(2001)), "report"),
                postOnly("id chosen by the client", pain, with(first(pain), "id", UUID.randomUUID().toString()), "id"),
                postOnly("a reason on a new record", pain, with(first(pain), "reason", "why not"), "reason"),
                new Case("episode id not an id", null, "/api/v1/episodes/42/workup/pain-scores", null, List.of("episodeId"), false),
                new Case("record id not an id", null, "/workup/pain-scores/42", null, List.of("recordId"), false))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithEveryBadFieldNamedAndNothingStored(Case c) {
        String before = snapshot();
        String path = c.path().startsWith("/api") ? c.path() : episode + c.path();
        Response res = admin.sendBytes(c.body() == null ? "GET" : "POST", path, c.body(), "application/json");
        assertRefused(res, c.fields());
        assertThat(snapshot()).as("nothing stored").isEqualTo(before);
    }

    @ParameterizedTest(name = "PUT: {0}")
    @MethodSource("corpus")
    void isRefusedAsACorrectionAndThePreviousVersionStaysCurrent(Case c) {
        if (!c.onPut()) {
            return;
        }
        String before = snapshot();
        Response res = admin.sendBytes("PUT", RECORDS.get(c.kind()), c.body(), "application/json", "If-Match", "\"1\"");
        assertRefused(res, c.fields());
        assertThat(snapshot()).as("nothing stored").isEqualTo(before);
        assertThat(admin.get(RECORDS.get(c.kind())).header("ETag")).isEqualTo("\"1\"");
    }

    @ParameterizedTest(name = "PUT: {0}")
    @MethodSource("correctionsOnly")
    void correctionsHaveTheirOwnRules(String name, JsonNode body, String field) {
        String before = snapshot();
        String record = RECORDS.get(WorkupKind.PAIN_SCORES);
        String json = toJson(body).replace("{self}", record.substring(record.lastIndexOf('/') + 1));
        Response res = admin.sendBytes("PUT", record, json.getBytes(StandardCharsets.UTF_8), "application/json", "If-Match", "\"1\"");
        assertRefused(res, List.of(field));
        assertThat(snapshot()).isEqualTo(before);
    }

    static Stream<Arguments> correctionsOnly() {
        return Stream.of(
                Arguments.of("reason too long", with(first(WorkupKind.PAIN_SCORES), "reason", "r".repeat(1001)), "reason"),
                Arguments.of("reason as a number", with(first(WorkupKind.PAIN_SCORES), "reason", 42), "reason"),
                Arguments.of("id of another record", with(first(WorkupKind.PAIN_SCORES), "id", UUID.randomUUID().toString()), "id"),
                Arguments.of("id not a string", with(first(WorkupKind.PAIN_SCORES), "id", 7), "id"),
                Arguments.of("id of the record is fine but nrs is not",
                        with(with(first(WorkupKind.PAIN_SCORES), "id", "{self}"), "nrs", -1), "nrs"));
    }

    private static void assertRefused(Response res, List<String> fields) {
        assertThat(res.status()).as(res.body()).isEqualTo(400);
        assertThat(res.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = res.json();
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").stringValue()).endsWith("Nothing was stored.");
        assertThat(res.errorFields()).containsExactlyInAnyOrderElementsOf(fields);
    }

    /** The episode's whole work-up as a user sees it, every record's history, and the row counts underneath. */
    private static String snapshot() {
        StringBuilder out = new StringBuilder(admin.get(episode + "/workup").body());
        RECORDS.values().forEach(r -> out.append(admin.get(r + "/history").body()));
        return out.append(CurrentActor.callAs(adminActor, WorkupBadInputIT::rowCounts)).toString();
    }

    private static String rowCounts() {
        DataSource dataSource = ilium.context().getBean(DataSource.class);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select (select count(*) from workup_record), (select count(*) from workup_record_version)")) {
            rs.next();
            return " records=" + rs.getLong(1) + " versions=" + rs.getLong(2);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
