package org.ilium.workup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.testing.IliumInstance.toJson;
import static org.ilium.testing.Patients.margaret;
import static org.ilium.testing.Patients.with;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.NotFoundException;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;
import org.ilium.testing.Workups;
import org.ilium.workup.domain.WorkupCase;
import org.ilium.workup.domain.WorkupItem;
import org.ilium.workup.domain.WorkupKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The work-up API as a clinic's script uses it, on the real embedded database. */
class WorkupApiIT {
    @TempDir
    static Path dataDir;
    static IliumInstance ilium;
    static Client admin;
    static Actor adminActor;
    static int patients;
    /** Episode path (/api/v1/episodes/{id}) -> the same episode under its patient, where it is moved. */
    static final Map<String, String> UNDER_PATIENT = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        ilium = IliumInstance.start(dataDir);
        admin = ilium.admin();
        UUID site = UUID.fromString(admin.get("/api/v1/me").json().path("site").path("id").stringValue());
        adminActor = new Actor(UUID.randomUUID(), IliumInstance.ADMIN, site);
    }

    @AfterAll
    static void stop() {
        ilium.close();
    }

    /** A new patient (born 1962-03-14, female, like the case file) with an episode for the left side. */
    static String newEpisode() {
        Response patient = admin.post("/api/v1/patients", toJson(with(margaret(), "mrn", "WU-" + (++patients))));
        assertThat(patient.status()).as(patient.body()).isEqualTo(201);
        Response episode = admin.post(patient.header("Location") + "/episodes", "{\"side\":\"left\",\"reason\":\"Referred by GP\"}");
        assertThat(episode.status()).as(episode.body()).isEqualTo(201);
        String path = "/api/v1/episodes/" + episode.json().path("id").stringValue();
        UNDER_PATIENT.put(path, episode.header("Location"));
        return path;
    }

    static String workup(String episode, WorkupKind kind) {
        return episode + "/workup/" + kind.path();
    }

    @Test
    void everyKindIsRecordedListedReadCorrectedWithItsHistoryKept() {
        String episode = newEpisode();
        for (Map.Entry<WorkupKind, List<ObjectNode>> entry : Workups.clearCandidate().entrySet()) {
            WorkupKind kind = entry.getKey();
            List<JsonNode> created = new ArrayList<>();
            for (ObjectNode body : entry.getValue()) {
                Response res = admin.post(workup(episode, kind), toJson(body));
                assertThat(res.status()).as(kind + ": " + res.body()).isEqualTo(201);
                assertThat(res.header("ETag")).isEqualTo("\"1\"");
                JsonNode record = res.json();
                assertThat(res.header("Location")).isEqualTo(workup(episode, kind) + "/" + record.path("id").stringValue());
                assertThat(record.path("version").asInt()).isEqualTo(1);
                assertThat(record.path("recordedBy").stringValue()).isEqualTo("admin");
                assertThat(record.path("source").stringValue()).isEqualTo("clinician");
                assertHolds(record, body, kind.path());
                created.add(record);
            }

            JsonNode list = admin.get(workup(episode, kind)).json();
            assertThat(list.size()).as(kind.path()).isEqualTo(created.size());
            for (int i = 0; i < created.size(); i++) {
                assertThat(list.get(i)).as("%s in date order", kind.path()).isEqualTo(created.get(i));
            }

            JsonNode first = created.get(0);
            String location = workup(episode, kind) + "/" + first.path("id").stringValue();
            Response read = admin.get(location);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.header("ETag")).isEqualTo("\"1\"");
            assertThat(read.json()).isEqualTo(first);

            ObjectNode corrected = entry.getValue().get(0).deepCopy();
            corrected.put("date", "2025-06-09");
            corrected.put("reason", "Date transcribed wrongly from the paper form");
            Response put = admin.put(location, toJson(corrected), "\"1\"");
            assertThat(put.status()).as(kind + ": " + put.body()).isEqualTo(200);
            assertThat(put.header("ETag")).isEqualTo("\"2\"");
            assertThat(put.json().path("date").stringValue()).isEqualTo("2025-06-09");
            assertThat(put.json().path("version").asInt()).isEqualTo(2);
            assertThat(put.json().has("reason")).as("the reason belongs to the history").isFalse();
            assertThat(admin.get(location).json()).isEqualTo(put.json());

            JsonNode history = admin.get(location + "/history").json();
            assertThat(history.size()).isEqualTo(2);
            assertThat(history.get(0).path("version").asInt()).isEqualTo(1);
            assertThat(history.get(0).path("recordedBy").stringValue()).isEqualTo("admin");
            assertThat(history.get(0).path("at").stringValue()).isNotBlank();
            assertThat(history.get(0).path("reason").isNull()).isTrue();
            assertThat(history.get(0).path("record").path("date").stringValue()).isEqualTo(first.path("date").stringValue());
            assertHolds(history.get(0).path("record"), entry.getValue().get(0), kind.path());
            assertThat(history.get(1).path("version").asInt()).isEqualTo(2);
            assertThat(history.get(1).path("reason").stringValue()).isEqualTo("Date transcribed wrongly from the paper form");
            assertThat(history.get(1).path("record").path("date").stringValue()).isEqualTo("2025-06-09");
            assertThat(Instant.parse(history.get(1).path("at").stringValue()))
                    .isAfterOrEqualTo(Instant.parse(history.get(0).path("at").stringValue()));
        }

        JsonNode all = admin.get(episode + "/workup").json();
        List<String> keys = new ArrayList<>();
        all.propertyNames().forEach(keys::add);
        assertThat(keys).containsExactly("painScores", "odi", "provocationTests", "fortin", "injections", "conservativeCare",
                "imaging", "riskFactors", "symptomHistory", "plannedProcedures");
        assertThat(all.path("provocationTests").size()).isEqualTo(6);
        assertThat(all.path("riskFactors").size()).isEqualTo(8);
        assertThat(all.path("painScores").get(0).path("version").asInt()).as("the corrected record").isEqualTo(2);
    }

    @Test
    void derivedValuesAreComputedAndStored() {
        String episode = newEpisode();
        JsonNode odi = admin.post(workup(episode, WorkupKind.ODI), toJson(Workups.first(WorkupKind.ODI))).json();
        assertThat(odi.path("score").asDouble()).isEqualTo(24 * 100.0 / 45);
        assertThat(odi.path("band").stringValue()).isEqualTo("severe");
        JsonNode block = admin.post(workup(episode, WorkupKind.INJECTIONS),
                toJson(Workups.clearCandidate().get(WorkupKind.INJECTIONS).get(1))).json();
        assertThat(block.path("computedReliefPercent").asDouble()).isEqualTo(87.5);
        assertThat(block.path("reliefPercent").isNull()).isTrue();
    }

    @Test
    void recordedByIsTheSignedInUserWhateverTheClientSends() {
        Response user = admin.post("/api/v1/users", "{\"username\":\"dr.hale\",\"password\":\"surgeon-password-1\",\"roles\":[\"surgeon\"]}");
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        Client surgeon = ilium.as("dr.hale", "surgeon-password-1");
        String episode = newEpisode();
        ObjectNode body = Workups.first(WorkupKind.PAIN_SCORES);
        body.put("recordedBy", "someone-else");
        Response created = admin.post(workup(episode, WorkupKind.PAIN_SCORES), toJson(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("recordedBy").stringValue()).isEqualTo("admin");

        body.put("nrs", 6);
        Response corrected = surgeon.put(created.header("Location"), toJson(body), "\"1\"");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().path("recordedBy").stringValue()).isEqualTo("dr.hale");
        assertThat(corrected.json().path("nrs").asInt()).isEqualTo(6);
        JsonNode history = admin.get(created.header("Location") + "/history").json();
        List<String> by = new ArrayList<>();
        history.forEach(v -> by.add(v.path("recordedBy").stringValue() + "/" + v.path("record").path("recordedBy").stringValue()));
        assertThat(by).containsExactly("admin/admin", "dr.hale/dr.hale");
        assertThat(history.get(1).path("reason").isNull()).as("a reason is optional").isTrue();
    }

    @Test
    void aCorrectionNeedsTheCurrentVersionAndNeverLosesAnother() throws Exception {
        String episode = newEpisode();
        ObjectNode body = Workups.first(WorkupKind.PAIN_SCORES);
        String location = admin.post(workup(episode, WorkupKind.PAIN_SCORES), toJson(body)).header("Location");
        body.put("nrs", 8);
        assertThat(admin.put(location, toJson(body), "\"1\"").status()).isEqualTo(200);

        body.put("nrs", 9);
        Response stale = admin.put(location, toJson(body), "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        Response missing = admin.put(location, toJson(body), null);
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        Response now = admin.get(location);
        assertThat(now.header("ETag")).isEqualTo("\"2\"");
        assertThat(now.json().path("nrs").asInt()).isEqualTo(8);
        assertThat(admin.get(location + "/history").json().size()).isEqualTo(2);

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> updates = new ArrayList<>();
        for (int nrs = 1; nrs <= 4; nrs++) {
            body.put("nrs", nrs);
            String json = toJson(body);
            updates.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return admin.put(location, json, "\"2\"").status();
            }));
        }
        go.countDown();
        List<Integer> statuses = updates.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(admin.get(location).header("ETag")).isEqualTo("\"3\"");
        assertThat(admin.get(location + "/history").json().size()).isEqualTo(3);
    }

    @Test
    void unknownKindsEpisodesAndRecordsAnswer404() {
        String episode = newEpisode();
        Response unknownKind = admin.get(episode + "/workup/x-rays");
        assertThat(unknownKind.status()).isEqualTo(404);
        assertThat(unknownKind.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknownKind.json().path("detail").stringValue()).contains("pain-scores", "odi", "planned-procedures");
        assertThat(unknownKind.json().path("kinds").size()).isEqualTo(WorkupKind.values().length);
        assertThat(admin.post(episode + "/workup/x-rays", "{}").status()).isEqualTo(404);

        String pain = admin.post(workup(episode, WorkupKind.PAIN_SCORES), toJson(Workups.first(WorkupKind.PAIN_SCORES)))
                .header("Location");
        String id = pain.substring(pain.lastIndexOf('/') + 1);
        assertThat(admin.get(pain).status()).isEqualTo(200);
        assertThat(admin.get(workup(episode, WorkupKind.ODI) + "/" + id).status()).as("another kind's record").isEqualTo(404);
        assertThat(admin.get(workup(episode, WorkupKind.ODI) + "/" + id + "/history").status()).isEqualTo(404);
        assertThat(admin.put(workup(episode, WorkupKind.ODI) + "/" + id, toJson(Workups.first(WorkupKind.ODI)), "\"1\"").status())
                .isEqualTo(404);
        String otherEpisode = newEpisode();
        assertThat(admin.get(workup(otherEpisode, WorkupKind.PAIN_SCORES) + "/" + id).status()).as("another episode's record")
                .isEqualTo(404);
        assertThat(admin.get(workup(episode, WorkupKind.PAIN_SCORES) + "/" + UUID.randomUUID()).status()).isEqualTo(404);

        String noEpisode = "/api/v1/episodes/" + UUID.randomUUID();
        assertThat(admin.get(noEpisode + "/workup").status()).isEqualTo(404);
        assertThat(admin.get(workup(noEpisode, WorkupKind.PAIN_SCORES)).status()).isEqualTo(404);
        Response post = admin.post(workup(noEpisode, WorkupKind.PAIN_SCORES), toJson(Workups.first(WorkupKind.PAIN_SCORES)));
        assertThat(post.status()).isEqualTo(404);
        assertThat(post.header("Content-Type")).startsWith("application/problem+json");
        assertThat(admin.get(workup(otherEpisode, WorkupKind.PAIN_SCORES)).json().size()).isZero();
    }

    @Test
    void aClosedEpisodeTakesNoNewRecordsButItsRecordsCanStillBeCorrected() {
        String episode = newEpisode();
        String pain = admin.post(workup(episode, WorkupKind.PAIN_SCORES), toJson(Workups.first(WorkupKind.PAIN_SCORES)))
                .header("Location");
        String patientEpisode = UNDER_PATIENT.get(episode);
        Response closed = admin.send("POST", patientEpisode + "/transitions", "{\"to\":\"closed\",\"reason\":\"Moved away\"}",
                "If-Match", "\"1\"");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);

        String before = admin.get(episode + "/workup").body();
        Response refused = admin.post(workup(episode, WorkupKind.ODI), toJson(Workups.first(WorkupKind.ODI)));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").stringValue()).contains("closed");
        assertThat(admin.get(episode + "/workup").body()).as("nothing stored").isEqualTo(before);

        ObjectNode body = Workups.first(WorkupKind.PAIN_SCORES);
        body.put("nrs", 5);
        body.put("reason", "Late entry error");
        assertThat(admin.put(pain, toJson(body), "\"1\"").status()).isEqualTo(200);
    }

    @Test
    void loadCaseGivesTheSameCaseAsTheCaseFile() {
        String episode = newEpisode();
        Map<String, String> ids = new LinkedHashMap<>();
        for (Map.Entry<WorkupKind, List<ObjectNode>> entry : Workups.clearCandidate().entrySet()) {
            for (int i = 0; i < entry.getValue().size(); i++) {
                Response res = admin.post(workup(episode, entry.getKey()), toJson(entry.getValue().get(i)));
                assertThat(res.status()).as(res.body()).isEqualTo(201);
                ids.put(entry.getKey().field() + "[" + i + "]", res.json().path("id").stringValue());
            }
        }
        UUID episodeId = UUID.fromString(episode.substring(episode.lastIndexOf('/') + 1));
        WorkupService service = ilium.context().getBean(WorkupService.class);
        WorkupCase stored = CurrentActor.callAs(adminActor, () -> service.loadCase(episodeId));
        WorkupCase file = CaseFile.read(Workups.clearCandidateFile(), JsonMapper.builder().build(),
                LocalDate.now(ZoneOffset.ofHours(14))).workupCase();

        assertThat(stored.reference()).isEqualTo(episodeId.toString());
        assertThat(stored.birthDate()).isEqualTo(file.birthDate());
        assertThat(stored.sex()).isEqualTo(file.sex());
        assertThat(stored.side()).isEqualTo(file.side());
        assertThat(stored.items()).hasSize(30);
        assertThat(withoutProvenance(stored)).isEqualTo(withoutProvenance(file));
        List<String> fileIds = file.items().stream().map(WorkupItem::id).toList();
        List<String> storedIds = stored.items().stream().map(WorkupItem::id).toList();
        assertThat(storedIds).containsExactlyElementsOf(fileIds.stream().map(ids::get).toList());
        assertThat(stored.items()).allSatisfy(item -> assertThat(item.recordedBy()).isEqualTo("admin"));

        List<WorkupCase> streamed = new ArrayList<>();
        long count = CurrentActor.callAs(adminActor, () -> service.forEachCase(streamed::add));
        assertThat(count).isEqualTo(streamed.size());
        assertThat(streamed).contains(stored);
        assertThat(streamed.stream().map(WorkupCase::reference).toList()).as("one case per episode, in episode order")
                .doesNotHaveDuplicates().isSorted();

        UUID unknown = UUID.randomUUID();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CurrentActor.callAs(adminActor, () -> service.loadCase(unknown)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anEpisodeWithoutWorkupLoadsAsAnEmptyCase() {
        String episode = newEpisode();
        UUID episodeId = UUID.fromString(episode.substring(episode.lastIndexOf('/') + 1));
        WorkupService service = ilium.context().getBean(WorkupService.class);
        WorkupCase empty = CurrentActor.callAs(adminActor, () -> service.loadCase(episodeId));
        assertThat(empty.items()).isEmpty();
        assertThat(empty.side().name()).isEqualTo("LEFT");
        assertThat(admin.get(episode + "/workup").json().path("odi").isArray()).isTrue();
    }

    @Test
    void theApiDescriptionListsTheWorkupEndpoints() {
        JsonNode paths = ilium.anonymous().get("/v3/api-docs").json().path("paths");
        assertThat(paths.has("/api/v1/episodes/{episodeId}/workup")).isTrue();
        assertThat(paths.has("/api/v1/episodes/{episodeId}/workup/{kind}/{recordId}/history")).isTrue();
    }

    /** Every field the client sent is in the record as sent (numbers compared by value). */
    static void assertHolds(JsonNode record, JsonNode sent, String what) {
        Iterator<String> names = sent.propertyNames().iterator();
        while (names.hasNext()) {
            String name = names.next();
            if (name.equals("recordedBy") || name.equals("reason")) {
                continue;
            }
            JsonNode expected = sent.path(name);
            JsonNode actual = record.path(name);
            if (expected.isNumber()) {
                assertThat(actual.asDouble()).as(what + "." + name).isEqualTo(expected.asDouble());
            } else if (expected.isObject()) {
                assertHolds(actual, expected, what + "." + name);
            } else {
                assertThat(actual).as(what + "." + name).isEqualTo(expected);
            }
        }
    }

    /** The records as the writer writes them, without id, recordedBy and source: what a decision reads. */
    static List<Map<String, Object>> withoutProvenance(WorkupCase c) {
        Function<WorkupItem, Map<String, Object>> strip = item -> {
            Map<String, Object> m = WorkupWriter.write(item);
            m.remove("id");
            m.remove("recordedBy");
            m.remove("source");
            m.put("kind", WorkupKind.of(item).path());
            return m;
        };
        return c.items().stream().map(strip).toList();
    }
}
