package org.ilium.workup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ilium.testing.IliumInstance.toJson;
import static org.ilium.testing.Patients.margaret;
import static org.ilium.testing.Workups.first;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.NotFoundException;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;
import org.ilium.workup.domain.WorkupCase;
import org.ilium.workup.domain.WorkupKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two sites on one Ilium: neither reads, adds to, corrects nor streams the other's work-up. */
class WorkupSiteIsolationIT {
    @TempDir
    static Path dataDir;
    static IliumInstance ilium;
    static Client main;
    static Client north;
    static String mainEpisode;
    static String northEpisode;
    static String northRecord;
    static Actor mainActor;
    static Actor northActor;

    @BeforeAll
    static void twoSites() {
        ilium = IliumInstance.start(dataDir);
        main = ilium.admin();
        north = ilium.secondSite("north", "North Spine Clinic");
        mainEpisode = episode(main);
        northEpisode = episode(north);
        Response record = north.post(northEpisode + "/workup/pain-scores", toJson(first(WorkupKind.PAIN_SCORES)));
        assertThat(record.status()).as(record.body()).isEqualTo(201);
        northRecord = record.header("Location");
        assertThat(main.post(mainEpisode + "/workup/odi", toJson(first(WorkupKind.ODI))).status()).isEqualTo(201);
        mainActor = actor(main, "admin");
        northActor = actor(north, "north-admin");
    }

    @AfterAll
    static void stop() {
        ilium.close();
    }

    private static String episode(Client client) {
        String patient = client.post("/api/v1/patients", toJson(margaret())).header("Location");
        Response episode = client.post(patient + "/episodes", "{\"side\":\"left\",\"reason\":\"referral\"}");
        assertThat(episode.status()).as(episode.body()).isEqualTo(201);
        return "/api/v1/episodes/" + episode.json().path("id").stringValue();
    }

    private static Actor actor(Client client, String username) {
        UUID site = UUID.fromString(client.get("/api/v1/me").json().path("site").path("id").stringValue());
        return new Actor(UUID.randomUUID(), username, site);
    }

    @Test
    void anotherSitesEpisodeAndRecordsAreNotFound() {
        String pain = toJson(first(WorkupKind.PAIN_SCORES));
        String before = north.get(northEpisode + "/workup").body() + north.get(northRecord + "/history").body();

        assertThat(main.get(northEpisode + "/workup").status()).isEqualTo(404);
        assertThat(main.get(northEpisode + "/workup/pain-scores").status()).isEqualTo(404);
        assertThat(main.get(northRecord).status()).isEqualTo(404);
        assertThat(main.get(northRecord + "/history").status()).isEqualTo(404);
        assertThat(main.post(northEpisode + "/workup/pain-scores", pain).status()).isEqualTo(404);
        assertThat(main.put(northRecord, pain, "\"1\"").status()).isEqualTo(404);
        assertThat(main.put(northRecord, pain, "*").status()).isEqualTo(404);
        String recordId = northRecord.substring(northRecord.lastIndexOf('/') + 1);
        assertThat(main.get(mainEpisode + "/workup/pain-scores/" + recordId).status())
                .as("another site's record under an own episode").isEqualTo(404);
        assertThat(main.put(mainEpisode + "/workup/pain-scores/" + recordId, pain, "\"1\"").status()).isEqualTo(404);

        assertThat(north.get(mainEpisode + "/workup").status()).isEqualTo(404);
        assertThat(north.get(northEpisode + "/workup").body() + north.get(northRecord + "/history").body())
                .as("the other site changed nothing").isEqualTo(before);
        assertThat(north.get(northRecord).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void casesAreLoadedAndStreamedOnlyForTheOwnSite() {
        WorkupService service = ilium.context().getBean(WorkupService.class);
        UUID northId = UUID.fromString(northEpisode.substring(northEpisode.lastIndexOf('/') + 1));
        UUID mainId = UUID.fromString(mainEpisode.substring(mainEpisode.lastIndexOf('/') + 1));
        assertThatThrownBy(() -> CurrentActor.callAs(mainActor, () -> service.loadCase(northId))).isInstanceOf(NotFoundException.class);
        assertThat(CurrentActor.callAs(northActor, () -> service.loadCase(northId)).painScores()).hasSize(1);

        List<WorkupCase> mainCases = new ArrayList<>();
        CurrentActor.callAs(mainActor, () -> service.forEachCase(mainCases::add));
        assertThat(mainCases).extracting(WorkupCase::reference).containsExactly(mainId.toString());
        assertThat(mainCases.get(0).odi()).hasSize(1);
        assertThat(mainCases.get(0).painScores()).isEmpty();

        List<WorkupCase> northCases = new ArrayList<>();
        CurrentActor.callAs(northActor, () -> service.forEachCase(northCases::add));
        assertThat(northCases).extracting(WorkupCase::reference).containsExactly(northId.toString());
    }
}
