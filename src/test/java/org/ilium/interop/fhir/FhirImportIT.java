package org.ilium.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ilium.access.AccountService;
import org.ilium.patient.PatientSearch;
import org.ilium.patient.PatientService;
import org.ilium.patient.domain.EpisodeOfCare;
import org.ilium.patient.domain.Patient;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.workup.WorkupRecord;
import org.ilium.workup.WorkupService;
import org.ilium.workup.domain.ConservativeCare;
import org.ilium.workup.domain.PainScore;
import org.ilium.workup.domain.RiskFactor;
import org.ilium.workup.domain.WorkupKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The committed Synthea fixture, a hand-written chronic low back pain patient and a broken Bundle, imported twice. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FhirImportIT {
    @TempDir
    static Path dataDir;
    @TempDir
    static Path input;
    static IliumInstance ilium;
    static Actor actor;
    static FhirImport importer;

    @BeforeAll
    static void start() throws IOException {
        ilium = IliumInstance.start(dataDir, "--ilium.reminders.enabled=false");
        actor = ilium.context().getBean(AccountService.class).commandLineActor("main");
        importer = ilium.context().getBean(FhirImport.class);
        for (String f : List.of("synthea/Audie868_Lavada531_Schaefer657_4ebf4009-46d6-c69f-f3c9-36e4bfb05f40.json.gz",
                "synthea/Jessie665_Glover433_1e621f4c-db30-c273-49e9-2dcad508a9cb.json.gz",
                "synthea/Lavern240_Treutel973_7353e17f-0cd5-5b0a-c736-92b9ca5f8366.json.gz",
                "synthea/Lecia978_Sanford861_347ceebf-0248-5a56-14f3-e1e8e8ffb73c.json.gz", "clbp-patient.json", "broken-pain.json")) {
            try (InputStream in = FhirImportIT.class.getResourceAsStream("/fhir/" + f)) {
                Files.copy(in, input.resolve(Path.of(f).getFileName().toString()));
            }
        }
    }

    @AfterAll
    static void stop() {
        ilium.close();
    }

    static ImportSummary run() {
        return CurrentActor.callAs(actor, () -> {
            try {
                return importer.importPaths(List.of(input), null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    @Order(1)
    void importsEverythingButTheBrokenBundleAndSaysWhy() {
        ImportSummary s = run();
        Map<String, Object> m = s.toMap();
        System.out.println("first import: " + m);
        assertThat(m.get("bundles")).isEqualTo(5L);
        assertThat(m.get("patients")).isEqualTo(5L);
        assertThat(s.rejected()).hasSize(1);
        ImportSummary.Rejection r = s.rejected().get(0);
        assertThat(r.file()).endsWith("broken-pain.json");
        assertThat(r.entry()).isEqualTo("entry[1] Observation/6f1c2a0e-0000-4000-8000-000000000201");
        assertThat(r.reason()).contains("nrs");
        @SuppressWarnings("unchecked")
        Map<String, Long> stored = (Map<String, Long>) m.get("stored");
        assertThat(stored.get("Patient")).isEqualTo(5L);
        assertThat(stored.get("Condition")).isGreaterThanOrEqualTo(3L);
        assertThat(stored.get("Observation")).isGreaterThan(10L);
        assertThat(stored).containsKeys("MedicationRequest", "MedicationStatement", "Procedure", "EpisodeOfCare");
        @SuppressWarnings("unchecked")
        Map<String, Long> skipped = (Map<String, Long>) m.get("skipped");
        assertThat(skipped).containsKeys("Encounter", "Claim", "Observation");
        assertThat(m.get("chronicLowBackPain")).isEqualTo(1);
        assertThat((long) m.get("currentSmokers")).isGreaterThanOrEqualTo(1L);
        assertThat(m.get("opioidExposed")).isEqualTo(1);
        assertThat(m).containsKeys("read", "seconds");
        // nothing of the broken Bundle was kept
        CurrentActor.runAs(actor, () -> assertThat(ilium.context().getBean(PatientService.class)
                .search(new PatientSearch("EHR-10002", null, null), 0, 10).items()).isEmpty());
    }

    @Test
    @Order(2)
    void theSecondImportStoresNothingNew() {
        ImportSummary s = run();
        System.out.println("second import: " + s.toMap());
        assertThat(s.storedTotal()).isZero();
        assertThat(s.rejected()).hasSize(1);
        assertThat(s.toMap().get("chronicLowBackPain")).isEqualTo(1);
        assertThat(s.toMap().get("opioidExposed")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void painSmokingAndOpioidsAreInTheScreeningEpisodesWorkup() {
        CurrentActor.runAs(actor, () -> {
            PatientService patients = ilium.context().getBean(PatientService.class);
            WorkupService workup = ilium.context().getBean(WorkupService.class);
            Patient p = patients.search(new PatientSearch("EHR-10001", null, null), 0, 10).items().get(0);
            assertThat(p.details().familyName()).isEqualTo("Okafor");
            assertThat(p.details().givenName()).isEqualTo("Ada N.");
            assertThat(p.details().phone()).isEqualTo("555-201-3344");
            List<EpisodeOfCare> episodes = patients.episodes(p.id());
            assertThat(episodes).hasSize(1);
            UUID episode = episodes.get(0).id();
            Map<WorkupKind, List<WorkupRecord>> records = workup.records(episode);
            assertThat(records.get(WorkupKind.PAIN_SCORES))
                    .extracting(w -> ((PainScore) w.item()).nrs()).containsExactlyInAnyOrder(7, 6);
            List<RiskFactor> risks = records.get(WorkupKind.RISK_FACTORS)
                    .stream().map(w -> (RiskFactor) w.item()).toList();
            assertThat(risks).anyMatch(f -> f.type() == RiskFactor.Type.SMOKING_STATUS && "current".equals(f.status()));
            assertThat(risks).anyMatch(f -> f.type() == RiskFactor.Type.BMI && f.value() == 31.2);
            assertThat(risks).anyMatch(f -> f.type() == RiskFactor.Type.PRIOR_LUMBAR_FUSION);
            assertThat(risks).allMatch(f -> "ehr_import".equals(f.source()));
            List<ConservativeCare> care = records.get(WorkupKind.CONSERVATIVE_CARE)
                    .stream().map(w -> (ConservativeCare) w.item()).toList();
            assertThat(care).extracting(ConservativeCare::detail).anyMatch(d -> d.startsWith("opioid: oxycodone"))
                    .anyMatch(d -> d.startsWith("opioid: tramadol"));
            assertThat(care).filteredOn(c -> c.detail().contains("oxycodone")).first()
                    .satisfies(c -> assertThat(c.end()).hasToString("2025-04-20"));
        });
    }

    @Test
    @Order(3)
    void theScreeningListNamesThePatientsWithTheirReasons() {
        IliumInstance.Response list = ilium.admin().get("/api/v1/screening");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        var items = list.json().get("items");
        assertThat(items).hasSize(2);
        assertThat(list.body()).contains("EHR-10001").contains("278860009").contains("M53.3").contains("82423001");
    }

    @Test
    @Order(4)
    void postFhirTransactionAndSiteIsolation() throws IOException {
        Client other = ilium.secondSite("north", "North Clinic");
        String bundle = Files.readString(input.resolve("clbp-patient.json"));
        IliumInstance.Response first = other.post("/fhir", bundle);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("stored: {Condition=2");
        IliumInstance.Response again = other.post("/fhir", bundle);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("stored: {}");
        // north sees only its own copy; main's patients are not north's
        IliumInstance.Response found = other.get("/fhir/Patient?identifier=EHR-10001");
        assertThat(found.json().get("total").asInt()).isEqualTo(1);
        assertThat(other.get("/fhir/Patient?identifier=" + "EHR-10002").json().get("total").asInt()).isZero();
        IliumInstance.Response mainPatients = ilium.admin().get("/fhir/Patient?identifier=EHR-10001");
        assertThat(mainPatients.json().get("total").asInt()).isEqualTo(1);
        assertThat(mainPatients.json().get("entry").get(0).get("resource").get("id").asText())
                .isNotEqualTo(found.json().get("entry").get(0).get("resource").get("id").asText());
        IliumInstance.Response broken = other.post("/fhir", Files.readString(input.resolve("broken-pain.json")));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).contains("Bundle.entry[1]");
    }

    @Test
    @Order(5)
    void ndjsonLinesAreImportedOneByOnePatientsFirst(@TempDir Path ndjson) throws IOException {
        Files.writeString(ndjson.resolve("Observation.ndjson"), String.join("\n",
                "{\"resourceType\":\"Observation\",\"id\":\"nd-obs-1\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
                        + "\"http://loinc.org\",\"code\":\"72514-3\"}]},\"subject\":{\"reference\":\"Patient/nd-pat-1\"},"
                        + "\"effectiveDateTime\":\"2025-02-02\",\"valueQuantity\":{\"value\":8}}",
                "{not json",
                "{\"resourceType\":\"Observation\",\"id\":\"nd-obs-2\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
                        + "\"http://loinc.org\",\"code\":\"8302-2\"}]},\"subject\":{\"reference\":\"Patient/nd-pat-1\"},"
                        + "\"effectiveDateTime\":\"2025-02-02\",\"valueQuantity\":{\"value\":170}}", ""));
        Files.writeString(ndjson.resolve("Patient.ndjson"), "{\"resourceType\":\"Patient\",\"id\":\"nd-pat-1\",\"identifier\":"
                + "[{\"value\":\"ND-1\"}],\"name\":[{\"family\":\"Lines\",\"given\":[\"Nora\"]}],\"birthDate\":\"1961-07-07\"}\n");
        ImportSummary s = CurrentActor.callAs(actor, () -> {
            try {
                return importer.importPaths(List.of(ndjson), null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(s.toMap().get("stored")).isEqualTo(Map.of("Patient", 1L, "Observation", 1L, "EpisodeOfCare", 1L));
        assertThat(s.toMap().get("skipped")).isEqualTo(Map.of("Observation", 1L));
        assertThat(s.rejected()).singleElement().satisfies(r -> {
            assertThat(r.file()).endsWith("Observation.ndjson");
            assertThat(r.entry()).isEqualTo("line 2");
        });
    }
}
