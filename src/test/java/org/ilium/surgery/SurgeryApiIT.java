package org.ilium.surgery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.surgery.Surgeries.bursitis;
import static org.ilium.surgery.Surgeries.byId;
import static org.ilium.surgery.Surgeries.episode;
import static org.ilium.surgery.Surgeries.misLateral;
import static org.ilium.surgery.Surgeries.set;
import static org.ilium.surgery.Surgeries.today;
import static org.ilium.testing.IliumInstance.toJson;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import tools.jackson.databind.JsonNode;

/** The surgery API on a real Ilium: procedures, the episode's move to operated, the event, complications, revisions, costs. */
class SurgeryApiIT {
    @TempDir
    static Path dataDir;
    static IliumInstance ilium;
    static Client admin;
    static Client north;
    static final List<ProcedureRecorded> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        ilium = IliumInstance.start(dataDir);
        ilium.context().addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) e -> {
            if (e.getPayload() instanceof ProcedureRecorded r) {
                EVENTS.add(r);
            }
        });
        admin = ilium.admin();
        Response site = admin.post("/api/v1/sites",
                "{\"code\":\"north\",\"name\":\"North Spine Clinic\",\"admin\":{\"username\":\"north-admin\",\"password\":\"north-password-1\"}}");
        assertThat(site.status()).as(site.body()).isEqualTo(201);
        north = ilium.as("north-admin", "north-password-1");
    }

    @AfterAll
    static void stop() {
        ilium.close();
    }

    @Test
    void theIndexProcedureIsStoredMovesTheEpisodeToOperatedAndIsAnnounced() {
        String episodeUrl = episode(admin, "S-1", "in_workup", "decided:true");
        String episode = byId(episodeUrl);
        Response created = admin.post(episode + "/procedures", toJson(misLateral()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        JsonNode body = created.json();
        assertThat(body.path("cpt").stringValue()).isEqualTo("27279");
        assertThat(body.path("implants").get(0).path("transfixing").booleanValue()).isTrue();
        assertThat(body.path("recordedBy").stringValue()).isEqualTo("admin");
        assertThat(admin.get(created.header("Location")).json().path("steps").size()).isEqualTo(9);

        JsonNode now = admin.get(episodeUrl).json();
        assertThat(now.path("status").stringValue()).isEqualTo("operated");
        JsonNode transitions = admin.get(episodeUrl + "/transitions").json();
        assertThat(transitions.get(transitions.size() - 1).path("reason").stringValue()).isEqualTo("procedure recorded");
        assertThat(transitions.get(transitions.size() - 2).path("to").stringValue()).isEqualTo("scheduled");

        UUID id = UUID.fromString(body.path("id").stringValue());
        assertThat(EVENTS).anySatisfy(e -> {
            assertThat(e.procedureId()).isEqualTo(id);
            assertThat(e.date()).isEqualTo(LocalDate.parse(today()));
            assertThat(e.revision()).isFalse();
        });
        UUID episodeId = UUID.fromString(episode.substring(episode.lastIndexOf('/') + 1));
        UUID site = UUID.fromString(admin.get("/api/v1/me").json().path("site").path("id").stringValue());
        SurgeryService service = ilium.context().getBean(SurgeryService.class);
        assertThat(CurrentActor.callAs(new Actor(UUID.randomUUID(), "admin", site), () -> service.indexSurgeryDate(episodeId)))
                .contains(LocalDate.parse(today()));

        Response second = admin.post(episode + "/procedures", toJson(misLateral()));
        assertThat(second.status()).as("a second index procedure").isEqualTo(409);
    }

    @Test
    void correctionsNeedTheCurrentVersion() {
        String episode = byId(episode(admin, "S-2", "in_workup", "decided:true", "scheduled"));
        String location = admin.post(episode + "/procedures", toJson(misLateral())).header("Location");
        Response without = admin.send("PUT", location, toJson(set(misLateral(), "operativeMinutes", 70)));
        assertThat(without.status()).isEqualTo(428);
        Response corrected = admin.put(location, toJson(set(misLateral(), "operativeMinutes", 70)), "\"1\"");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.header("ETag")).isEqualTo("\"2\"");
        assertThat(admin.put(location, toJson(misLateral()), "\"1\"").status()).isEqualTo(412);
        assertThat(admin.get(episode + "/procedures").json().get(0).path("operativeMinutes").asInt()).isEqualTo(70);
    }

    @Test
    void noProcedureBeforeAPositiveDecision() {
        for (String[] steps : List.of(new String[] {}, new String[] {"in_workup"}, new String[] {"in_workup", "decided:false"})) {
            String episode = byId(episode(admin, "S-3-" + steps.length, steps));
            Response refused = admin.post(episode + "/procedures", toJson(misLateral()));
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().path("detail").stringValue()).contains("candidacy decision");
            assertThat(admin.get(episode + "/procedures").json().size()).isZero();
        }
        String decided = byId(episode(admin, "S-3-x", "in_workup", "decided:true"));
        Response early = admin.post(decided + "/procedures", toJson(set(misLateral(), "date", LocalDate.parse(today()).minusDays(3).toString())));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("detail").stringValue()).contains("before the episode's candidacy decision");
    }

    @Test
    void complicationsAndARevisionLinkedToOne() {
        String episode = byId(episode(admin, "S-4", "in_workup", "decided:true"));
        assertThat(admin.post(episode + "/procedures", toJson(misLateral())).status()).isEqualTo(201);
        Response complication = admin.post(episode + "/complications", toJson(set(set(bursitis(), "code", "implant_malposition"),
                "grade", "IIIb")));
        assertThat(complication.status()).as(complication.body()).isEqualTo(201);
        String complicationId = complication.json().path("id").stringValue();
        Response resolved = admin.put(complication.header("Location"), toJson(set(set(set(set(bursitis(), "code", "implant_malposition"),
                "grade", "IIIb"), "resolution", "resolved"), "resolutionDate", today())), "\"1\"");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);

        Response revision = admin.post(episode + "/procedures", toJson(set(set(set(misLateral(), "revision", true),
                "revisionReason", "malposition"), "complicationId", complicationId)));
        assertThat(revision.status()).as(revision.body()).isEqualTo(201);
        assertThat(revision.json().path("complicationId").stringValue()).isEqualTo(complicationId);
        assertThat(EVENTS).anyMatch(e -> e.revision() && e.procedureId().toString().equals(revision.json().path("id").stringValue()));
        assertThat(admin.get(episode + "/procedures").json().size()).isEqualTo(2);
        assertThat(admin.get(episode + "/complications").json().get(0).path("resolution").stringValue()).isEqualTo("resolved");
    }

    @Test
    void costEstimateFromTheSeedFeeTable() {
        String episode = byId(episode(admin, "S-5", "in_workup", "decided:true"));
        Response noCode = admin.get(episode + "/cost-estimate?siteOfService=ambulatory_surgery_center&payer=medicare");
        assertThat(noCode.status()).isEqualTo(400);
        assertThat(noCode.errorFields()).containsExactly("cpt");
        Response byCode = admin.get(episode + "/cost-estimate?siteOfService=ambulatory_surgery_center&payer=medicare&cpt=27279");
        assertThat(byCode.status()).as(byCode.body()).isEqualTo(200);
        assertThat(byCode.json().path("typicalPatientCost").path("cents").asLong()).isEqualTo(276_900L);
        assertThat(byCode.json().path("allowed").path("cents").asLong()).isEqualTo(1_384_500L);
        assertThat(byCode.json().path("precertification").stringValue()).isEqualTo("may_be_required");
        assertThat(admin.post(episode + "/procedures", toJson(set(misLateral(), "siteOfService", "hospital_outpatient"))).status())
                .isEqualTo(201);
        Response fromProcedure = admin.get(episode + "/cost-estimate?siteOfService=hospital_outpatient");
        assertThat(fromProcedure.status()).as(fromProcedure.body()).isEqualTo(200);
        assertThat(fromProcedure.json().path("cpt").stringValue()).isEqualTo("27279");
        assertThat(fromProcedure.json().path("typicalPatientCost").path("amount").stringValue()).isEqualTo("1661.00");
        assertThat(admin.get(episode + "/cost-estimate?siteOfService=moon").errorFields()).containsExactly("siteOfService");
        assertThat(admin.get(episode + "/cost-estimate?siteOfService=inpatient").errorFields()).containsExactly("siteOfService");

        JsonNode tables = admin.get("/api/v1/fee-tables").json();
        assertThat(tables.get(0).path("id").stringValue()).isEqualTo("medicare-default");
        assertThat(tables.get(0).path("source").stringValue()).contains("Seed article 003");
        JsonNode catalogue = admin.get("/api/v1/complications/catalogue").json();
        assertThat(catalogue.size()).isEqualTo(11);
        assertThat(admin.get("/api/v1/procedures/checklists").json().has("open")).isTrue();
    }

    @Test
    void anotherSitesEpisodeIsNotFound() {
        String theirs = byId(episode(north, "N-1", "in_workup", "decided:true"));
        Response stored = north.post(theirs + "/procedures", toJson(misLateral()));
        assertThat(stored.status()).isEqualTo(201);
        Response complication = north.post(theirs + "/complications", toJson(bursitis()));
        assertThat(complication.status()).isEqualTo(201);
        assertThat(admin.get(theirs + "/procedures").status()).isEqualTo(404);
        assertThat(admin.get(stored.header("Location")).status()).isEqualTo(404);
        assertThat(admin.post(theirs + "/procedures", toJson(misLateral())).status()).isEqualTo(404);
        assertThat(admin.put(stored.header("Location"), toJson(misLateral()), "\"1\"").status()).isEqualTo(404);
        assertThat(admin.get(theirs + "/complications").status()).isEqualTo(404);
        assertThat(admin.get(complication.header("Location")).status()).isEqualTo(404);
        assertThat(admin.post(theirs + "/complications", toJson(bursitis())).status()).isEqualTo(404);
        assertThat(admin.get(theirs + "/cost-estimate?siteOfService=ambulatory_surgery_center").status()).isEqualTo(404);
        assertThat(north.get(theirs + "/procedures").json().size()).isEqualTo(1);
    }
}
