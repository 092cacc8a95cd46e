package org.ilium.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.testing.IliumInstance.toJson;
import static org.ilium.testing.Patients.margaret;
import static org.ilium.testing.Patients.with;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.ilium.access.AccountService;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export, import into an empty site, export again: the same clinical content, type by type. The first site holds a
 * worked-up, operated, complicated patient with questionnaires and follow-up, a patient imported from an EHR (problem
 * list, opioid course, pain score) and a bare patient whose episode was closed. Resources are compared whole after
 * normalising what names a site or a database row (ids and references, meta, the MRN's site system and assigner).
 * Also {@code _since}: only what changed after the instant comes out.
 */
class FhirRoundTripIT {
    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    @TempDir
    static Path dataDir;
    @TempDir
    static Path work;
    static IliumInstance ilium;
    static Client admin;
    static String siteCode;
    static String[] realistic;

    @BeforeAll
    static void start() {
        ilium = IliumInstance.start(dataDir, "--ilium.reminders.enabled=false");
        admin = ilium.admin();
        siteCode = ilium.context().getEnvironment().getProperty("ilium.site.code");
        realistic = FhirExportIT.realisticPatient(admin, "RT-1");
        // a bare patient whose episode was closed at referral
        String bare = admin.post("/api/v1/patients", toJson(with(margaret(), "mrn", "RT-2"))).header("Location");
        Response opened = admin.post(bare + "/episodes", "{\"side\":\"right\",\"reason\":\"Referred by physio\"}");
        Response closed = admin.send("POST", opened.header("Location") + "/transitions", "{\"to\":\"closed\",\"reason\":\"patient declined\"}",
                "If-Match", opened.header("ETag"));
        assertThat(closed.status()).as(closed.body()).isIn(200, 201);
        // an EHR patient: problem list, an opioid course, a pain score
        Bundle ehr = FHIR.newJsonParser().parseResource(Bundle.class, """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"fullUrl":"urn:uuid:5f0c2a7e-1111-4a8e-9d59-000000000001","resource":{"resourceType":"Patient",
                  "id":"5f0c2a7e-1111-4a8e-9d59-000000000001","identifier":[{"system":"urn:ehr","value":"RT-3"}],
                  "name":[{"family":"Okafor","given":["Ada"]}],"gender":"female","birthDate":"1970-05-02"}},
                 {"fullUrl":"urn:uuid:5f0c2a7e-1111-4a8e-9d59-000000000002","resource":{"resourceType":"Condition",
                  "id":"5f0c2a7e-1111-4a8e-9d59-000000000002","subject":{"reference":"urn:uuid:5f0c2a7e-1111-4a8e-9d59-000000000001"},
                  "code":{"coding":[{"system":"http://snomed.info/sct","code":"278860009","display":"Chronic low back pain"}]},
                  "onsetDateTime":"2019-03-01"}},
                 {"fullUrl":"urn:uuid:5f0c2a7e-1111-4a8e-9d59-000000000003","resource":{"resourceType":"MedicationStatement",
                  "id":"5f0c2a7e-1111-4a8e-9d59-000000000003","status":"completed",
                  "subject":{"reference":"urn:uuid:5f0c2a7e-1111-4a8e-9d59-000000000001"},
                  "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"7804","display":"oxycodone"}]},
                  "effectivePeriod":{"start":"2020-01-10","end":"2020-04-10"}}},
                 {"fullUrl":"urn:uuid:5f0c2a7e-1111-4a8e-9d59-000000000004","resource":{"resourceType":"Procedure",
                  "id":"5f0c2a7e-1111-4a8e-9d59-000000000004","status":"completed",
                  "subject":{"reference":"urn:uuid:5f0c2a7e-1111-4a8e-9d59-000000000001"},
                  "code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"22612","display":"Lumbar arthrodesis"}]},
                  "performedDateTime":"2015-06-01"}},
                 {"fullUrl":"urn:uuid:5f0c2a7e-1111-4a8e-9d59-000000000005","resource":{"resourceType":"Observation",
                  "id":"5f0c2a7e-1111-4a8e-9d59-000000000005","status":"final",
                  "subject":{"reference":"urn:uuid:5f0c2a7e-1111-4a8e-9d59-000000000001"},
                  "code":{"coding":[{"system":"http://loinc.org","code":"72514-3"}]},"effectiveDateTime":"2021-02-03",
                  "valueQuantity":{"value":6}}}]}
                """);
        ImportSummary ehrSummary = CurrentActor.callAs(actor(siteCode), () -> ilium.context().getBean(FhirImport.class).importBundle(ehr, null));
        assertThat(ehrSummary.rejected()).isEmpty();
    }

    @AfterAll
    static void stop() {
        ilium.close();
    }

    @Test
    void exportImportExportGivesTheSameClinicalContent() throws Exception {
        Map<String, List<Resource>> before = export(siteCode, null);
        assertThat(before).containsKeys("Patient", "Condition", "EpisodeOfCare", "Observation", "MedicationStatement", "Procedure", "Device",
                "AdverseEvent", "QuestionnaireResponse", "CarePlan", "Questionnaire");
        Path files = work.resolve("first");
        write(before, files);

        ilium.secondSite("rt", "Round Trip Clinic");
        ImportSummary summary = importInto("rt", files);
        System.out.println("round trip import: " + summary.toMap());
        assertThat(summary.rejected()).isEmpty();
        assertThat(summary.toMap()).containsEntry("chronicLowBackPain", 1).containsEntry("opioidExposed", 1);
        assertThat(summary.toMap().get("skipped")).isEqualTo(Map.of("Device", 3L, "Questionnaire", 6L));

        Map<String, List<Resource>> after = export("rt", null);
        Map<String, Integer> counts = new TreeMap<>();
        before.forEach((t, l) -> counts.put(t, l.size()));
        System.out.println("round trip: exported " + counts);
        for (String type : before.keySet()) {
            assertThat(normalised(after, type)).as(type).isEqualTo(normalised(before, type));
        }
        assertThat(after.keySet()).isEqualTo(before.keySet());
        // the closed episode came back closed, the operated one operated with its decision before the operation
        assertThat(normalised(after, "EpisodeOfCare")).anyMatch(s -> s.contains("\"status\":\"finished\""))
                .anyMatch(s -> s.contains("operated"));

        // a second run stores nothing
        ImportSummary again = importInto("rt", files);
        assertThat(again.rejected()).isEmpty();
        assertThat(again.toMap().get("stored")).isEqualTo(Map.of());

        // and everything both exports hold passes the validator
        List<Resource> all = new ArrayList<>();
        before.values().forEach(all::addAll);
        after.values().forEach(all::addAll);
        FhirExportIT.assertValid("round trip", all);
    }

    @Test
    void sinceExportsOnlyWhatChanged() throws Exception {
        Instant mark = Instant.now();
        Thread.sleep(20);
        assertThat(export(siteCode, mark)).isEmpty();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Response pain = admin.post("/api/v1/episodes/" + realistic[1] + "/workup/pain-scores",
                "{\"date\":\"" + today + "\",\"nrs\":4,\"side\":\"left\"}");
        assertThat(pain.status()).as(pain.body()).isEqualTo(201);
        Map<String, List<Resource>> changed = export(siteCode, mark);
        assertThat(changed.keySet()).containsExactly("Observation");
        assertThat(changed.get("Observation")).hasSize(1);
        assertThat(changed.get("Observation").get(0).getIdElement().getIdPart()).isEqualTo(pain.json().path("id").asText());
        assertThat(changed.get("Observation").get(0).getMeta().getLastUpdated().toInstant()).isAfter(mark);

        Response patient = admin.get("/api/v1/patients/" + realistic[0]);
        Map<String, Object> details = with(margaret(), "mrn", "RT-1");
        details.put("phone", "+44 20 7946 0000");
        Response replaced = admin.put("/api/v1/patients/" + realistic[0], toJson(details), patient.header("ETag"));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(export(siteCode, mark).keySet()).containsExactly("Patient", "Observation");

        // the same through $export: the manifest lists only the changed types
        Response kickOff = admin.send("GET", "/fhir/$export?_since=" + mark, null, "Prefer", "respond-async");
        assertThat(kickOff.status()).as(kickOff.body()).isEqualTo(202);
        Response status = admin.get(kickOff.header("Content-Location"));
        for (int i = 0; i < 600 && status.status() == 202; i++) {
            Thread.sleep(100);
            status = admin.get(kickOff.header("Content-Location"));
        }
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        status.json().path("output").forEach(o -> types.add(o.path("type").asText() + "=" + o.path("count").asInt()));
        assertThat(types).containsExactly("Patient=1", "Observation=1");
    }

    @Test
    void aTamperedIliumRecordIsRefusedWholeWithTheFieldNamed() throws Exception {
        Map<String, List<Resource>> export = export(siteCode, null);
        Patient patient = (Patient) export.get("Patient").stream()
                .filter(r -> ((Patient) r).getIdentifierFirstRep().getValue().equals("RT-1")).findFirst().orElseThrow();
        Resource episode = export.get("EpisodeOfCare").stream()
                .filter(r -> ((org.hl7.fhir.r4.model.EpisodeOfCare) r).getPatient().getReference().endsWith(patient.getIdPart()))
                .findFirst().orElseThrow();
        org.hl7.fhir.r4.model.Observation pain = (org.hl7.fhir.r4.model.Observation) export.get("Observation").stream()
                .filter(r -> ((org.hl7.fhir.r4.model.Observation) r).getSubject().getReference().endsWith(patient.getIdPart()))
                .filter(r -> ((org.hl7.fhir.r4.model.Observation) r).getCode().getCodingFirstRep().getCode().equals("72514-3"))
                .findFirst().orElseThrow();
        org.hl7.fhir.r4.model.StringType record = (org.hl7.fhir.r4.model.StringType) pain.getExtensionByUrl(Fhir.RECORD_EXTENSION).getValue();
        record.setValue(record.getValue().replaceFirst("\"nrs\":\\d+", "\"nrs\":14"));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setResource(patient);
        bundle.addEntry().setResource(episode);
        bundle.addEntry().setResource(pain);
        ilium.secondSite("tamper", "Tamper Clinic");
        FhirImport importer = ilium.context().getBean(FhirImport.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> CurrentActor.callAs(actor("tamper"), () -> importer.importBundle(bundle, null))))
                .isInstanceOf(FhirImport.RejectedEntry.class).hasMessageContaining("nrs");
        // nothing was kept: the same Bundle, repaired, stores the patient, the episode and the score
        record.setValue(record.getValue().replaceFirst("\"nrs\":14", "\"nrs\":5"));
        ImportSummary repaired = CurrentActor.callAs(actor("tamper"), () -> importer.importBundle(bundle, null));
        assertThat(repaired.toMap().get("stored")).isEqualTo(Map.of("Patient", 1L, "EpisodeOfCare", 1L, "Observation", 1L));

        // an Ilium record naming an episode that was never imported is refused
        org.hl7.fhir.r4.model.Observation orphan = pain.copy();
        orphan.setId(java.util.UUID.randomUUID().toString());
        orphan.getExtensionByUrl(Fhir.EPISODE_EXTENSION).setValue(new org.hl7.fhir.r4.model.Reference("EpisodeOfCare/" + java.util.UUID.randomUUID()));
        Bundle lone = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        lone.addEntry().setResource(orphan);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> CurrentActor.callAs(actor("tamper"), () -> importer.importBundle(lone, null))))
                .isInstanceOf(FhirImport.RejectedEntry.class).hasMessageContaining("EpisodeOfCare/");
    }

    private static Actor actor(String site) {
        return ilium.context().getBean(AccountService.class).commandLineActor(site);
    }

    private static Map<String, List<Resource>> export(String site, Instant since) throws IOException {
        Path dir = Files.createTempDirectory(work, "export");
        BulkExport bulk = ilium.context().getBean(BulkExport.class);
        CurrentActor.callAs(actor(site), () -> {
            try {
                return bulk.write(dir, BulkExport.types(null), since, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Map<String, List<Resource>> out = new LinkedHashMap<>();
        for (String type : BulkExport.TYPES) {
            Path f = dir.resolve(type + ".ndjson");
            if (Files.exists(f)) {
                try (Stream<String> lines = Files.lines(f)) {
                    out.put(type, lines.map(l -> (Resource) FHIR.newJsonParser().parseResource(l)).toList());
                }
            }
        }
        return out;
    }

    private static void write(Map<String, List<Resource>> export, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, List<Resource>> e : export.entrySet()) {
            Files.write(dir.resolve(e.getKey() + ".ndjson"), e.getValue().stream().map(r -> FHIR.newJsonParser().encodeResourceToString(r)).toList());
        }
    }

    private static ImportSummary importInto(String site, Path files) {
        FhirImport importer = ilium.context().getBean(FhirImport.class);
        return CurrentActor.callAs(actor(site), () -> {
            try {
                return importer.importPaths(List.of(files), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Every resource of a type as JSON without meta and id, patients' ids replaced by their MRN, other ids (rows of
     * one site's database, and ids derived from them) by a placeholder, the MRN system and assigner (they name the
     * site) by a constant; sorted.
     */
    static List<String> normalised(Map<String, List<Resource>> export, String type) {
        Map<String, String> mrns = new HashMap<>();
        for (Resource r : export.getOrDefault("Patient", List.of())) {
            mrns.put(r.getIdElement().getIdPart(), ((Patient) r).getIdentifierFirstRep().getValue());
        }
        List<String> out = new ArrayList<>();
        for (Resource r : export.getOrDefault(type, List.of())) {
            Resource copy = r.copy();
            copy.setMeta(null);
            copy.setId((String) null);
            if (copy instanceof Patient p) {
                p.getIdentifierFirstRep().setSystem("site").getAssigner().setDisplay(null);
            }
            String json = FHIR.newJsonParser().encodeResourceToString(copy);
            Matcher m = UUID.matcher(json);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, mrns.containsKey(m.group()) ? "patient-" + mrns.get(m.group()) : "<id>");
            }
            m.appendTail(sb);
            out.add(sb.toString());
        }
        out.sort(null);
        return out;
    }
}
