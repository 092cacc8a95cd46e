package org.ilium.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.testing.IliumInstance.toJson;
import static org.ilium.testing.Patients.margaret;
import static org.ilium.testing.Patients.with;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.fhir.rest.gclient.DateClientParam;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Ilium's FHIR facade through HAPI's generic client (hapi-fhir-client) with HTTP Basic: read, search by identifier, name
 * and birthdate with {@code _count} and {@code _summary=count}, {@code $everything} as an operation, and the Bulk Data
 * kick-off as an operation with {@code Prefer: respond-async}. HAPI's generic client has no call for the Bulk Data status
 * endpoint (it answers a plain JSON manifest, not a resource), so status polling and the NDJSON download use plain HTTP;
 * the NDJSON lines are parsed with HAPI's parser.
 */
class FhirHapiClientIT {
    static final FhirContext FHIR = FhirContext.forR4Cached();
    @TempDir
    static Path dataDir;
    static IliumInstance ilium;
    static IGenericClient client;
    static String realisticId;

    @BeforeAll
    static void start() {
        ilium = IliumInstance.start(dataDir, "--ilium.reminders.enabled=false");
        Client admin = ilium.admin();
        realisticId = FhirExportIT.realisticPatient(admin, "HAPI-1")[0];
        for (int i = 2; i <= 7; i++) {
            Map<String, Object> p = with(with(margaret(), "mrn", "HAPI-" + i), "familyName", i % 2 == 0 ? "Okafor" : "Lindqvist");
            assertThat(admin.post("/api/v1/patients", toJson(with(p, "birthDate", i <= 4 ? "1958-09-30" : "1971-01-15"))).status())
                    .isEqualTo(201);
        }
        FhirContext ctx = FhirContext.forR4();
        ctx.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        client = ctx.newRestfulGenericClient(ilium.base() + "/fhir");
        client.registerInterceptor(new BasicAuthInterceptor(IliumInstance.ADMIN, IliumInstance.ADMIN_PASSWORD));
    }

    @AfterAll
    static void stop() {
        ilium.close();
    }

    @Test
    void readAndSearchByIdentifierNameAndBirthdateWithCountAndSummary() {
        Patient p = client.read().resource(Patient.class).withId(realisticId).execute();
        assertThat(p.getIdentifierFirstRep().getValue()).isEqualTo("HAPI-1");
        assertThat(p.getIdElement().getIdPart()).isEqualTo(realisticId);
        assertThat(p.getBirthDateElement().getValueAsString()).isEqualTo("1962-03-14");

        Bundle byIdentifier = client.search().forResource(Patient.class).where(Patient.IDENTIFIER.exactly().code("HAPI-3"))
                .returnBundle(Bundle.class).execute();
        assertThat(byIdentifier.getTotal()).isEqualTo(1);
        assertThat(((Patient) byIdentifier.getEntryFirstRep().getResource()).getNameFirstRep().getFamily()).isEqualTo("Lindqvist");

        Bundle byName = client.search().forResource(Patient.class).where(Patient.NAME.matches().value("Okafor")).count(2)
                .returnBundle(Bundle.class).execute();
        assertThat(byName.getTotal()).isEqualTo(3); // HAPI-2, -4, -6
        assertThat(byName.getEntry()).hasSize(2);
        assertThat(byName.getLink(Bundle.LINK_NEXT)).isNotNull();
        Bundle next = client.loadPage().next(byName).execute();
        assertThat(next.getEntry()).hasSize(1);
        List<String> mrns = new ArrayList<>();
        for (Bundle b : List.of(byName, next)) {
            b.getEntry().forEach(e -> mrns.add(((Patient) e.getResource()).getIdentifierFirstRep().getValue()));
        }
        assertThat(mrns).containsExactlyInAnyOrder("HAPI-2", "HAPI-4", "HAPI-6");

        Bundle byBirth = client.search().forResource(Patient.class).where(new DateClientParam("birthdate").exactly().day("1958-09-30"))
                .returnBundle(Bundle.class).execute();
        assertThat(byBirth.getTotal()).isEqualTo(3);

        Bundle counted = client.search().forResource(Patient.class).where(new DateClientParam("birthdate").exactly().day("1971-01-15"))
                .summaryMode(SummaryEnum.COUNT).returnBundle(Bundle.class).execute();
        assertThat(counted.getTotal()).isEqualTo(3);
        assertThat(counted.getEntry()).isEmpty();

        Bundle all = client.search().forResource(Patient.class).summaryMode(SummaryEnum.COUNT).returnBundle(Bundle.class).execute();
        assertThat(all.getTotal()).isEqualTo(7);
    }

    @Test
    void everythingAsAnOperation() {
        Bundle everything = client.operation().onInstance("Patient/" + realisticId).named("$everything").withNoParameters(Parameters.class)
                .useHttpGet().returnResourceType(Bundle.class).execute();
        Map<String, Integer> types = new TreeMap<>();
        everything.getEntry().forEach(e -> types.merge(e.getResource().fhirType(), 1, Integer::sum));
        System.out.println("$everything through the HAPI client: " + types);
        assertThat(types).containsKeys("Patient", "EpisodeOfCare", "Observation", "Procedure", "Device");
        assertThat(types.get("Patient")).isEqualTo(1);
        assertThat(everything.getTotal()).isEqualTo(everything.getEntry().size());
    }

    @Test
    void withoutCredentialsTheClientIsRefused() {
        FhirContext ctx = FhirContext.forR4();
        ctx.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient anonymous = ctx.newRestfulGenericClient(ilium.base() + "/fhir");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> anonymous.read().resource(Patient.class).withId(realisticId).execute())
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void bulkExportKickOffThroughTheClientThenStatusAndNdjsonOverHttp() throws Exception {
        MethodOutcome kickOff = client.operation().onType(Patient.class).named("$export").withNoParameters(Parameters.class).useHttpGet()
                .withAdditionalHeader("Prefer", "respond-async").returnMethodOutcome().execute();
        assertThat(kickOff.getResponseStatusCode()).isEqualTo(202);
        String status = kickOff.getResponseHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Location"))
                .findFirst().orElseThrow().getValue().get(0);
        assertThat(status).startsWith(ilium.base() + "/fhir/$export-status/");

        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString((IliumInstance.ADMIN + ":" + IliumInstance.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        JsonNode manifest = null;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (manifest == null && System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(status)).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                manifest = IliumInstance.json(r.body());
            } else {
                assertThat(r.statusCode()).isEqualTo(202);
                assertThat(r.headers().firstValue("X-Progress")).isPresent();
                Thread.sleep(Duration.ofSeconds(Long.parseLong(r.headers().firstValue("Retry-After").orElse("1"))).toMillis() / 5);
            }
        }
        assertThat(manifest).as("export finished").isNotNull();
        IParser parser = FHIR.newJsonParser();
        Map<String, Integer> parsed = new TreeMap<>();
        for (JsonNode out : manifest.get("output")) {
            HttpResponse<java.util.stream.Stream<String>> file = http.send(HttpRequest.newBuilder(URI.create(out.get("url").asText()))
                    .header("Authorization", auth).header("Accept", "application/fhir+ndjson").build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+ndjson");
            List<Resource> resources = file.body().filter(l -> !l.isBlank()).map(l -> (Resource) parser.parseResource(l)).toList();
            assertThat(resources).hasSize(out.get("count").asInt()).allMatch(r -> r.fhirType().equals(out.get("type").asText()));
            parsed.put(out.get("type").asText(), resources.size());
        }
        System.out.println("$export through the HAPI client, NDJSON parsed with HAPI: " + parsed);
        assertThat(parsed.get("Patient")).isEqualTo(7);
        assertThat(parsed).containsKeys("EpisodeOfCare", "Observation", "Procedure", "Device");
    }
}
