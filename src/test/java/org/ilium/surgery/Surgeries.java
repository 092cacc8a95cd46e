package org.ilium.surgery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.testing.IliumInstance.toJson;
import static org.ilium.testing.Patients.margaret;
import static org.ilium.testing.Patients.with;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;

/** Request bodies and episode set-ups for surgery tests that read like clinic cases. */
final class Surgeries {
    private Surgeries() {
    }

    static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    /** A left MIS lateral transiliac fusion with three triangular transfixing implants, coded 27279, today. */
    static Map<String, Object> misLateral() {
        return org.ilium.testing.Procedures.misLateral(today());
    }

    static Map<String, Object> bursitis() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", "trochanteric_bursitis");
        c.put("onsetDate", today());
        c.put("reportedBy", "patient");
        c.put("grade", "I");
        c.put("deviceRelation", "unlikely");
        c.put("procedureRelation", "possible");
        c.put("serious", false);
        c.put("resolution", "ongoing");
        return c;
    }

    static Map<String, Object> set(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    static Map<String, Object> unset(Map<String, Object> body, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove(field);
        return copy;
    }

    /** A new patient's episode moved along the given steps (e.g. in_workup, decided:true); returns the episode's URL under /patients. */
    static String episode(Client client, String mrn, String... steps) {
        Response patient = client.post("/api/v1/patients", toJson(with(margaret(), "mrn", mrn)));
        assertThat(patient.status()).as(patient.body()).isEqualTo(201);
        Response opened = client.post(patient.header("Location") + "/episodes", "{\"side\":\"left\",\"reason\":\"referral\"}");
        String episode = opened.header("Location");
        String etag = opened.header("ETag");
        for (String step : steps) {
            String body = step.startsWith("decided:") ? "{\"to\":\"decided\",\"candidate\":" + step.substring(8) + ",\"reason\":\"decision\"}"
                    : "{\"to\":\"" + step + "\",\"reason\":\"step\"}";
            Response moved = client.send("POST", episode + "/transitions", body, "If-Match", etag);
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            etag = moved.header("ETag");
        }
        return episode;
    }

    /** /api/v1/episodes/{id} of an episode URL under /patients. */
    static String byId(String episodeUrl) {
        return "/api/v1/episodes/" + episodeUrl.substring(episodeUrl.lastIndexOf('/') + 1);
    }
}
