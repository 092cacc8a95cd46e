package org.ilium.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.testing.IliumInstance.toJson;
import static org.ilium.testing.Patients.margaret;
import static org.ilium.testing.Patients.with;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Resource;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;
import org.ilium.testing.Procedures;
import org.ilium.testing.Workups;
import org.ilium.workup.domain.WorkupKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * A realistic patient built through the REST API (work-up, decision, operation with implants, a complication,
 * questionnaires, follow-up), exported with Patient/$everything and validated resource by resource with HAPI's
 * instance validator: no errors allowed.
 */
class FhirExportIT {
    static final FhirContext FHIR = FhirContext.forR4Cached();
    @TempDir
    static Path dataDir;
    static IliumInstance ilium;
    static Client admin;
    static String patientId;
    static String episodeId;

    @BeforeAll
    static void start() {
        ilium = IliumInstance.start(dataDir, "--ilium.reminders.enabled=false");
        admin = ilium.admin();
        String[] ids = realisticPatient(admin, "FHIR-1");
        patientId = ids[0];
        episodeId = ids[1];
    }

    /** Builds the realistic patient through the API as {@code admin}; answers {patient id, episode id}. */
    static String[] realisticPatient(Client admin, String mrn) {
        String patient = admin.post("/api/v1/patients", toJson(with(margaret(), "mrn", mrn))).header("Location");
        String patientId = patient.substring(patient.lastIndexOf('/') + 1);
        Response opened = admin.post(patient + "/episodes", "{\"side\":\"left\",\"reason\":\"Referred by GP\"}");
        String episodeId = opened.json().path("id").stringValue();
        String etag = admin.send("POST", opened.header("Location") + "/transitions", "{\"to\":\"in_workup\",\"reason\":\"work-up\"}",
                "If-Match", opened.header("ETag")).header("ETag");
        for (Map.Entry<WorkupKind, List<ObjectNode>> entry : Workups.clearCandidate().entrySet()) {
            for (ObjectNode record : entry.getValue()) {
                Response r = admin.post("/api/v1/episodes/" + episodeId + "/workup/" + entry.getKey().path(), toJson(record));
                assertThat(r.status()).as(entry.getKey() + ": " + r.body()).isEqualTo(201);
            }
        }
        admin.send("POST", opened.header("Location") + "/transitions", "{\"to\":\"decided\",\"candidate\":true,\"reason\":\"meets NASS 2015\"}",
                "If-Match", etag);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Response procedure = admin.post("/api/v1/episodes/" + episodeId + "/procedures", toJson(Procedures.misLateral(today)));
        assertThat(procedure.status()).as(procedure.body()).isEqualTo(201);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", "trochanteric_bursitis");
        c.put("onsetDate", today);
        c.put("reportedBy", "patient");
        c.put("grade", "II");
        c.put("deviceRelation", "unlikely");
        c.put("procedureRelation", "possible");
        c.put("serious", false);
        c.put("resolution", "ongoing");
        Response complication = admin.post("/api/v1/episodes/" + episodeId + "/complications", toJson(c));
        assertThat(complication.status()).as(complication.body()).isEqualTo(201);
        for (String body : List.of(response("back_pain_nrs", "baseline", today, "{\"pain\":7}"),
                response("leg_pain_nrs", "baseline", today, "{\"pain\":2}"),
                response("odi", "baseline", today, "{\"s1\":3,\"s2\":3,\"s3\":2,\"s4\":3,\"s5\":2,\"s6\":3,\"s7\":2,\"s8\":3,\"s10\":3}"),
                response("pgic", null, today, "{\"change\":\"much_improved\"}"))) {
            Response r = admin.post("/api/v1/episodes/" + episodeId + "/responses", body);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        return new String[] {patientId, episodeId};
    }

    @AfterAll
    static void stop() {
        ilium.close();
    }

    @Test
    void everythingValidatesWithoutErrors() {
        Response res = admin.get("/fhir/Patient/" + patientId + "/$everything");
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        assertThat(res.header("Content-Type")).startsWith("application/fhir+json");
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, res.body());
        Map<String, Integer> byType = new TreeMap<>();
        List<Resource> resources = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            resources.add(e.getResource());
            byType.merge(e.getResource().fhirType(), 1, Integer::sum);
        }
        System.out.println("$everything: " + byType);
        assertThat(byType).containsKeys("Patient", "EpisodeOfCare", "Observation", "Procedure", "Device", "AdverseEvent",
                "QuestionnaireResponse", "Questionnaire", "CarePlan");
        assertThat(byType.get("QuestionnaireResponse")).isEqualTo(4);

        FhirValidator validator = validator(resources);
        List<String> errors = new ArrayList<>();
        int warnings = 0;
        for (Resource r : resources) {
            ValidationResult result = validator.validateWithResult(r);
            for (SingleValidationMessage m : result.getMessages()) {
                String line = r.fhirType() + "/" + r.getIdElement().getIdPart() + " " + m.getSeverity() + " " + m.getLocationString()
                        + ": " + m.getMessage();
                if (m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
                    errors.add(line);
                } else if (m.getSeverity() == ResultSeverityEnum.WARNING) {
                    warnings++;
                    System.out.println(line);
                }
            }
        }
        Bundle whole = bundle;
        ValidationResult bundleResult = validator.validateWithResult(whole);
        bundleResult.getMessages().stream().filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .forEach(m -> errors.add("Bundle " + m.getLocationString() + ": " + m.getMessage()));
        System.out.println("validated " + resources.size() + " resources (+ the Bundle): errors " + errors.size() + ", warnings " + warnings);
        errors.forEach(System.out::println);
        assertThat(errors).isEmpty();
    }

    @Test
    void readsSearchesAndRefusesAnotherSitesPatient() {
        Response read = admin.get("/fhir/Patient/" + patientId);
        assertThat(read.status()).isEqualTo(200);
        org.hl7.fhir.r4.model.Patient p = FHIR.newJsonParser().parseResource(org.hl7.fhir.r4.model.Patient.class, read.body());
        assertThat(p.getIdentifierFirstRep().getValue()).isEqualTo("FHIR-1");
        assertThat(p.getIdentifierFirstRep().getSystem()).startsWith("urn:ilium:site:").endsWith(":mrn");

        Bundle byMrn = search("/fhir/Patient?identifier=" + p.getIdentifierFirstRep().getSystem() + "%7CFHIR-1");
        assertThat(byMrn.getTotal()).isEqualTo(1);
        assertThat(byMrn.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo(patientId);
        assertThat(search("/fhir/Patient?identifier=urn:other%7CFHIR-1").getTotal()).isZero();
        assertThat(search("/fhir/Patient?name=marg&birthdate=1962-03-14").getTotal()).isEqualTo(1);
        Bundle count = search("/fhir/Patient?name=hale&_summary=count");
        assertThat(count.getTotal()).isEqualTo(1);
        assertThat(count.getEntry()).isEmpty();
        admin.post("/api/v1/patients", toJson(with(margaret(), "mrn", "FHIR-2")));
        Bundle page = search("/fhir/Patient?name=hale&_count=1");
        assertThat(page.getTotal()).isEqualTo(2);
        assertThat(page.getEntry()).hasSize(1);
        assertThat(page.getLink("next")).isNotNull();

        Response bad = admin.get("/fhir/Patient?birthdate=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(FHIR.newJsonParser().parseResource(OperationOutcome.class, bad.body()).getIssueFirstRep().getSeverity())
                .isEqualTo(OperationOutcome.IssueSeverity.ERROR);

        Client north = ilium.secondSite("north", "North Clinic");
        Response theirs = north.get("/fhir/Patient/" + patientId);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.header("Content-Type")).startsWith("application/fhir+json");
        assertThat(FHIR.newJsonParser().parseResource(OperationOutcome.class, theirs.body()).getIssueFirstRep().getCode())
                .isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        assertThat(north.get("/fhir/Patient/" + patientId + "/$everything").status()).isEqualTo(404);
        assertThat(search(north, "/fhir/Patient?name=hale").getTotal()).isZero();
        assertThat(ilium.anonymous().get("/fhir/Patient/" + patientId).status()).isEqualTo(401);
    }

    @Test
    void metadataIsAValidCapabilityStatement() {
        Response res = admin.get("/fhir/metadata");
        assertThat(res.status()).isEqualTo(200);
        org.hl7.fhir.r4.model.CapabilityStatement cs = FHIR.newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.CapabilityStatement.class, res.body());
        assertThat(cs.getRestFirstRep().getResource()).hasSize(1);
        assertThat(cs.getRestFirstRep().getResourceFirstRep().getOperationFirstRep().getName()).isEqualTo("everything");
        ValidationResult result = validator(List.of()).validateWithResult(cs);
        assertThat(result.getMessages().stream().filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(SingleValidationMessage::getMessage)).isEmpty();
    }

    private static Bundle search(String path) {
        return search(admin, path);
    }

    private static Bundle search(Client as, String path) {
        Response res = as.get(path);
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        return FHIR.newJsonParser().parseResource(Bundle.class, res.body());
    }

    /** The validator of the brief, plus the exported Questionnaires so that responses are checked against them. */
    /**
     * Validates every resource with {@link #validator} and fails listing each error; prints the count of resources and
     * the warnings grouped by message (quotes and addresses elided), which are the offline validator's known limits.
     */
    static void assertValid(String label, List<Resource> resources) {
        FhirValidator validator = validator(resources);
        List<String> errors = new ArrayList<>();
        java.util.Map<String, Integer> warnings = new java.util.TreeMap<>();
        long t0 = System.nanoTime();
        for (Resource r : resources) {
            for (ca.uhn.fhir.validation.SingleValidationMessage m : validator.validateWithResult(r).getMessages()) {
                if (m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
                    errors.add(r.fhirType() + "/" + r.getIdElement().getIdPart() + " " + m.getLocationString() + ": " + m.getMessage());
                } else if (m.getSeverity() == ResultSeverityEnum.WARNING) {
                    warnings.merge(m.getMessage().replaceAll("'[^']*'", "'.'").replaceAll("https?://[^ ]*", "<url>"), 1, Integer::sum);
                }
            }
        }
        System.out.printf("%s validated %d resources in %.1f s: errors %d, warnings %d%n", label, resources.size(),
                (System.nanoTime() - t0) / 1e9, errors.size(), warnings.values().stream().mapToInt(Integer::intValue).sum());
        warnings.forEach((k, n) -> System.out.println("  warning x" + n + ": " + k));
        errors.stream().limit(50).forEach(System.out::println);
        assertThat(errors).as(label + ": validation errors").isEmpty();
    }

    static FhirValidator validator(List<Resource> resources) {
        PrePopulatedValidationSupport exported = new PrePopulatedValidationSupport(FHIR);
        resources.stream().filter(r -> r instanceof Questionnaire).forEach(exported::addResource);
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR), new CommonCodeSystemsTerminologyService(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR), exported);
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        return FHIR.newValidator().registerValidatorModule(module);
    }

    private static String response(String instrument, String timepoint, String collectedOn, String answers) {
        return "{\"instrument\":\"" + instrument + "\"," + (timepoint == null ? "" : "\"timepoint\":\"" + timepoint + "\",")
                + "\"collectedOn\":\"" + collectedOn + "\",\"answers\":" + answers + "}";
    }
}
