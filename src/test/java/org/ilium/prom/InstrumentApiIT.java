package org.ilium.prom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The three instrument endpoints: list, one instrument, scoring without storage. */
class InstrumentApiIT {
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

    @Test
    void listsEveryInstrument() {
        Response res = admin.get("/api/v1/instruments");
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        JsonNode list = res.json();
        assertThat(list.size()).isEqualTo(6);
        assertThat(list.get(2).path("id").stringValue()).isEqualTo("odi");
        assertThat(list.get(2).path("version").stringValue()).isEqualTo("2.1a");
        assertThat(list.get(2).path("itemCount").asInt()).isEqualTo(10);
        assertThat(list.get(2).path("name").stringValue()).isEqualTo("Oswestry Disability Index");
        assertThat(admin.get("/api/v1/instruments").body()).contains("\"back_pain_nrs\"", "\"leg_pain_nrs\"", "\"pgic\"",
                "\"satisfaction\"", "\"would_repeat\"");
    }

    @Test
    void showsAnInstrumentsItemsWithPlaceholdersForLicensedWording() {
        JsonNode odi = admin.get("/api/v1/instruments/odi").json();
        assertThat(odi.path("items").size()).isEqualTo(10);
        JsonNode s1 = odi.path("items").get(0);
        assertThat(s1.path("id").stringValue()).isEqualTo("s1");
        assertThat(s1.path("label").stringValue()).isEqualTo("Pain intensity");
        assertThat(s1.path("text").isNull()).isTrue();
        assertThat(s1.path("placeholder").stringValue()).contains("licensed");
        assertThat(s1.path("range").path("min").asInt()).isZero();
        assertThat(s1.path("range").path("max").asInt()).isEqualTo(5);
        assertThat(odi.path("licence").stringValue()).contains("Mapi");
        JsonNode pgic = admin.get("/api/v1/instruments/pgic").json();
        assertThat(pgic.path("items").get(0).path("choices").size()).isEqualTo(7);
        assertThat(pgic.path("items").get(0).path("choices").get(0).path("code").stringValue()).isEqualTo("very_much_improved");
        JsonNode nrs = admin.get("/api/v1/instruments/back_pain_nrs").json();
        assertThat(nrs.path("items").get(0).path("range").path("anchors").path("10").stringValue()).isEqualTo("Worst pain imaginable");
        Response missing = admin.get("/api/v1/instruments/sf36");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).contains("problem+json");
    }

    @Test
    void scoresWithoutStoring() {
        Response odi = admin.post("/api/v1/instruments/odi/score",
                "{\"answers\":{\"s1\":3,\"s2\":3,\"s3\":2,\"s4\":3,\"s5\":2,\"s6\":3,\"s7\":2,\"s8\":3,\"s9\":null,\"s10\":3}}");
        assertThat(odi.status()).as(odi.body()).isEqualTo(200);
        assertThat(odi.json().path("score").asDouble()).isEqualTo(53.33);
        assertThat(odi.json().path("answered").asInt()).isEqualTo(9);
        assertThat(odi.json().path("band").stringValue()).isEqualTo("severe");

        Response nrs = admin.post("/api/v1/instruments/leg_pain_nrs/score", "{\"answers\":{\"pain\":4}}");
        assertThat(nrs.json().path("score").asDouble()).isEqualTo(4.0);
        assertThat(nrs.json().path("answered").asInt()).isEqualTo(1);

        Response pgic = admin.post("/api/v1/instruments/pgic/score", "{\"answers\":{\"change\":\"much_improved\"}}");
        assertThat(pgic.json().path("answer").stringValue()).isEqualTo("much_improved");
        assertThat(pgic.json().path("flags").path("improved").asBoolean()).isTrue();
        Response again = admin.post("/api/v1/instruments/would_repeat/score", "{\"answers\":{\"again\":\"no\"}}");
        assertThat(again.json().path("flags").path("would_repeat").asBoolean()).isFalse();
        Response satisfied = admin.post("/api/v1/instruments/satisfaction/score", "{\"answers\":{\"satisfaction\":\"satisfied\"}}");
        assertThat(satisfied.json().path("flags").path("satisfied").asBoolean()).isTrue();
    }

    @Test
    void badAnswersNameTheItem() {
        Response range = admin.post("/api/v1/instruments/odi/score", "{\"answers\":{\"s1\":3,\"s3\":7}}");
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.errorFields()).containsExactly("answers.s3");
        assertThat(range.body()).contains("must be a whole number 0 to 5");
        assertThat(admin.post("/api/v1/instruments/odi/score", "{\"answers\":{\"s3\":2.5}}").errorFields()).containsExactly("answers.s3");
        assertThat(admin.post("/api/v1/instruments/odi/score", "{\"answers\":{\"s3\":\"2\"}}").errorFields()).containsExactly("answers.s3");
        assertThat(admin.post("/api/v1/instruments/odi/score", "{\"answers\":{\"s1\":1,\"pain\":2}}").errorFields())
                .containsExactly("answers.pain");
        assertThat(admin.post("/api/v1/instruments/odi/score", "{\"answers\":{}}").errorFields()).containsExactly("answers");
        assertThat(admin.post("/api/v1/instruments/back_pain_nrs/score", "{\"answers\":{}}").errorFields()).containsExactly("answers.pain");
        assertThat(admin.post("/api/v1/instruments/back_pain_nrs/score", "{\"answers\":{\"pain\":11}}").errorFields())
                .containsExactly("answers.pain");
        assertThat(admin.post("/api/v1/instruments/pgic/score", "{\"answers\":{\"change\":\"better\"}}").errorFields())
                .containsExactly("answers.change");
        assertThat(admin.post("/api/v1/instruments/pgic/score", "{\"answers\":[1]}").errorFields()).containsExactly("answers");
        assertThat(admin.post("/api/v1/instruments/pgic/score", "{\"answer\":{}}").errorFields()).containsExactlyInAnyOrder("answers", "answer");
        assertThat(admin.post("/api/v1/instruments/sf36/score", "{\"answers\":{}}").status()).isEqualTo(404);
    }

    @Test
    void needsASignedInUser() {
        assertThat(ilium.anonymous().get("/api/v1/instruments").status()).isEqualTo(401);
    }
}
