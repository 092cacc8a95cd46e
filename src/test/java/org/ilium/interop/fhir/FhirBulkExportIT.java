package org.ilium.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.testing.IliumInstance.toJson;
import static org.ilium.testing.Patients.margaret;
import static org.ilium.testing.Patients.with;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The FHIR facade through HAPI's generic client, and Bulk Data {@code $export}: kick-off, status, NDJSON files, site
 * scoping, cancellation, every exported resource validated. The round trip is FhirRoundTripIT.
 */
class FhirBulkExportIT {
    static final FhirContext FHIR = FhirContext.forR4Cached();
    @TempDir
    static Path dataDir;
    @TempDir
    static Path work;
    static IliumInstance ilium;
    static Client admin;
    static String patientId;

    @BeforeAll
    static void start() {
        ilium = IliumInstance.start(dataDir, "--ilium.reminders.enabled=false");
        admin = ilium.admin();
        patientId = FhirExportIT.realisticPatient(admin, "BULK-1")[0];
        assertThat(admin.post("/api/v1/patients", toJson(with(margaret(), "mrn", "BULK-2"))).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        ilium.close();
    }

    @Test
    void hapiGenericClientReadsMetadataPatientAndSearch() {
        FhirContext ctx = FhirContext.forR4();
        ctx.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = ctx.newRestfulGenericClient(ilium.base() + "/fhir");
        client.registerInterceptor(new BasicAuthInterceptor(IliumInstance.ADMIN, IliumInstance.ADMIN_PASSWORD));

        CapabilityStatement cs = client.capabilities().ofType(CapabilityStatement.class).execute();
        assertThat(cs.getRestFirstRep().getOperation()).extracting(o -> o.getName()).contains("export");
        assertThat(cs.getRestFirstRep().getResourceFirstRep().getOperation()).extracting(o -> o.getName()).contains("everything", "export");

        Patient p = client.read().resource(Patient.class).withId(patientId).execute();
        assertThat(p.getIdentifierFirstRep().getValue()).isEqualTo("BULK-1");

        Bundle found = client.search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode(p.getIdentifierFirstRep().getSystem(), "BULK-1"))
                .returnBundle(Bundle.class).execute();
        assertThat(found.getTotal()).isEqualTo(1);
        assertThat(found.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo(patientId);
    }

    @Test
    void exportRunsToCompletionValidatesAndIsTheSitesOwn() {
        Response noPrefer = admin.get("/fhir/$export");
        assertThat(noPrefer.status()).isEqualTo(400);
        assertThat(admin.send("GET", "/fhir/$export?_type=Claim", null, "Prefer", "respond-async").status()).isEqualTo(400);
        assertThat(admin.send("GET", "/fhir/$export?_since=yesterday", null, "Prefer", "respond-async").status()).isEqualTo(400);

        Response kickOff = admin.send("GET", "/fhir/$export", null, "Prefer", "respond-async", "Accept", "application/fhir+json");
        assertThat(kickOff.status()).as(kickOff.body()).isEqualTo(202);
        String status = kickOff.header("Content-Location");
        assertThat(status).startsWith(ilium.base() + "/fhir/$export-status/").doesNotContain("BULK");
        JsonNode manifest = await(admin, status);
        assertThat(manifest.path("requiresAccessToken").asBoolean()).isTrue();
        assertThat(manifest.path("request").asText()).endsWith("/fhir/$export");
        assertThat(manifest.path("transactionTime").asText()).isNotBlank();
        assertThat(manifest.path("error")).isEmpty();

        Map<String, List<Resource>> byType = download(admin, manifest);
        Map<String, Integer> counts = new TreeMap<>();
        byType.forEach((t, l) -> counts.put(t, l.size()));
        System.out.println("$export: " + counts);
        assertThat(byType).containsKeys("Patient", "EpisodeOfCare", "Observation", "Procedure", "Device", "AdverseEvent",
                "QuestionnaireResponse", "CarePlan", "Questionnaire");
        assertThat(byType.get("Patient")).hasSize(2);
        assertThat(byType.get("QuestionnaireResponse")).hasSize(4);

        List<Resource> all = new ArrayList<>();
        byType.values().forEach(all::addAll);
        FhirExportIT.assertValid("$export", all);

        Client north = ilium.secondSite("north", "North Clinic");
        assertThat(north.get(status).status()).isEqualTo(404);
        String patientFile = manifest.path("output").valueStream().filter(o -> o.path("type").asText().equals("Patient")).findFirst()
                .orElseThrow().path("url").asText();
        assertThat(north.get(patientFile).status()).isEqualTo(404);
        assertThat(ilium.anonymous().get(patientFile).status()).isEqualTo(401);

        assertThat(admin.send("DELETE", status, null).status()).isEqualTo(202);
        assertThat(admin.get(status).status()).isEqualTo(404);
        assertThat(admin.get(patientFile).status()).isEqualTo(404);
    }

    @Test
    void typeFilterAndPatientLevel() {
        Response kickOff = admin.send("GET", "/fhir/Patient/$export?_type=Patient,Observation&_since=2000-01-01T00:00:00Z", null,
                "Prefer", "respond-async");
        assertThat(kickOff.status()).as(kickOff.body()).isEqualTo(202);
        JsonNode manifest = await(admin, kickOff.header("Content-Location"));
        Map<String, List<Resource>> byType = download(admin, manifest);
        assertThat(byType.keySet()).containsExactlyInAnyOrder("Patient", "Observation");
    }

    private static Map<String, List<Resource>> exportAll(Client as) {
        Response kickOff = as.send("GET", "/fhir/$export", null, "Prefer", "respond-async");
        assertThat(kickOff.status()).as(kickOff.body()).isEqualTo(202);
        return download(as, await(as, kickOff.header("Content-Location")));
    }

    private static JsonNode await(Client as, String status) {
        for (int i = 0; i < 600; i++) {
            Response r = as.get(status);
            if (r.status() == 200) {
                assertThat(r.header("Content-Type")).startsWith("application/json");
                return r.json();
            }
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            assertThat(r.header("X-Progress")).isNotNull();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("export did not finish");
    }

    private static Map<String, List<Resource>> download(Client as, JsonNode manifest) {
        Map<String, List<Resource>> byType = new LinkedHashMap<>();
        for (JsonNode output : manifest.path("output")) {
            String type = output.path("type").asText();
            Response file = as.get(output.path("url").asText());
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.header("Content-Type")).startsWith("application/fhir+ndjson");
            List<Resource> resources = new ArrayList<>();
            for (String line : file.body().split("\n")) {
                if (!line.isBlank()) {
                    Resource r = (Resource) FHIR.newJsonParser().parseResource(line);
                    assertThat(r.fhirType()).isEqualTo(type);
                    resources.add(r);
                }
            }
            assertThat(resources).hasSize(output.path("count").asInt());
            byType.put(type, resources);
        }
        return byType;
    }
}
