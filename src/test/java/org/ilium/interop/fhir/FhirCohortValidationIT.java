package org.ilium.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.ilium.access.AccountService;
import org.ilium.outcomes.cohort.CohortSummary;
import org.ilium.outcomes.cohort.SyntheticCohort;
import org.ilium.patient.PatientSearch;
import org.ilium.patient.PatientService;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.testing.IliumInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every resource of a bulk export of a whole cohort passes HAPI's FhirInstanceValidator with the R4 base definitions
 * (the set-up of FhirExportIT): zero errors. The cohort is built by {@link #cohort}; counts of resources and warnings
 * are printed.
 */
class FhirCohortValidationIT {
    static final FhirContext FHIR = FhirContext.forR4Cached();
    @TempDir
    static Path dataDir;
    @TempDir
    static Path out;
    static IliumInstance ilium;
    static String siteCode;
    /** Enough for every kind of record (operations, revisions, complications, follow-up); validating costs about 30 ms a resource. */
    static final int SYNTHETIC = 40;
    /** Between the synthetic cohort and the EHR patients: a {@code _since} that keeps some resources, not all. */
    static Instant afterSynthetic;

    @BeforeAll
    static void start() {
        ilium = IliumInstance.start(dataDir, "--ilium.reminders.enabled=false");
        siteCode = ilium.context().getEnvironment().getProperty("ilium.site.code");
        cohort();
    }

    @AfterAll
    static void stop() {
        ilium.close();
    }

    static Actor actor() {
        return ilium.context().getBean(AccountService.class).commandLineActor(siteCode);
    }

    /**
     * A synthetic cohort of {@value #SYNTHETIC} patients ({@link SyntheticCohort}: full pathways from referral through
     * work-up, decision, surgery with implants, complications, follow-up and questionnaires, calibrated on the
     * literature), plus six patients from EHR Bundles (problem list, an opioid course, a past lumbar fusion, pain,
     * smoking and BMI), which the synthetic cohort does not hold.
     */
    static void cohort() {
        SyntheticCohort synthetic = ilium.context().getBean(SyntheticCohort.class);
        // as of a year ago: the generator can end a pre-referral course of conservative care up to 160 days after the
        // referral, a date in the future for recent referrals, which the REST API (and so the import) refuses
        CohortSummary made = CurrentActor.callAs(actor(), () -> synthetic.generate(siteCode, SYNTHETIC, 20261121L,
                LocalDate.now(ZoneOffset.UTC).minusYears(1), null));
        System.out.println("synthetic cohort: " + made);
        assertThat(made.patients()).isEqualTo(SYNTHETIC);
        afterSynthetic = Instant.now();
        FhirImport importer = ilium.context().getBean(FhirImport.class);
        for (int i = 15; i <= 20; i++) {
            String p = "urn:uuid:00000000-0000-4000-8000-0000000000" + i;
            org.hl7.fhir.r4.model.Bundle b = FHIR.newJsonParser().parseResource(org.hl7.fhir.r4.model.Bundle.class, """
                    {"resourceType":"Bundle","type":"collection","entry":[
                     {"fullUrl":"%1$s","resource":{"resourceType":"Patient","identifier":[{"system":"urn:ehr","value":"COH-%2$d"}],
                      "name":[{"family":"Ehr","given":["Pat"]}],"gender":"%3$s","birthDate":"1968-0%4$d-11"}},
                     {"fullUrl":"%1$s-c","resource":{"resourceType":"Condition","subject":{"reference":"%1$s"},
                      "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"M53.3","display":"Sacrococcygeal disorders"}]},
                      "onsetDateTime":"2018-0%4$d-01"}},
                     {"fullUrl":"%1$s-m","resource":{"resourceType":"MedicationRequest","status":"completed","intent":"order",
                      "subject":{"reference":"%1$s"},"authoredOn":"2019-02-0%4$d",
                      "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"10689","display":"tramadol"}]}}},
                     {"fullUrl":"%1$s-p","resource":{"resourceType":"Procedure","status":"completed","subject":{"reference":"%1$s"},
                      "code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"22612","display":"Lumbar arthrodesis"}]},
                      "performedDateTime":"2012-05-0%4$d"}},
                     {"fullUrl":"%1$s-o1","resource":{"resourceType":"Observation","status":"final","subject":{"reference":"%1$s"},
                      "code":{"coding":[{"system":"http://loinc.org","code":"72514-3"}]},"effectiveDateTime":"2021-03-0%4$d","valueQuantity":{"value":%4$d}}},
                     {"fullUrl":"%1$s-o2","resource":{"resourceType":"Observation","status":"final","subject":{"reference":"%1$s"},
                      "code":{"coding":[{"system":"http://loinc.org","code":"72166-2"}]},"effectiveDateTime":"2021-03-0%4$d",
                      "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"%5$s"}]}}},
                     {"fullUrl":"%1$s-o3","resource":{"resourceType":"Observation","status":"final","subject":{"reference":"%1$s"},
                      "code":{"coding":[{"system":"http://loinc.org","code":"39156-5"}]},"effectiveDateTime":"2021-03-0%4$d",
                      "valueQuantity":{"value":2%4$d.4,"unit":"kg/m2"}}}]}
                    """.formatted(p, i, i % 2 == 0 ? "female" : "male", i - 14, i % 3 == 0 ? "77176002" : "8517006"));
            ImportSummary summary = CurrentActor.callAs(actor(), () -> importer.importBundle(b, null));
            assertThat(summary.rejected()).isEmpty();
        }
    }

    @Test
    void everyExportedResourceOfTheCohortValidatesWithoutErrors() throws IOException {
        BulkExport bulk = ilium.context().getBean(BulkExport.class);
        Map<String, Integer> counts = CurrentActor.callAs(actor(), () -> {
            try {
                return bulk.write(out, BulkExport.types(null), null, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        System.out.println("cohort export: " + counts);
        List<Resource> all = new ArrayList<>();
        for (String type : counts.keySet()) {
            try (Stream<String> lines = Files.lines(out.resolve(type + ".ndjson"))) {
                lines.forEach(l -> all.add((Resource) FHIR.newJsonParser().parseResource(l)));
            }
        }
        assertThat(counts).containsKeys("Patient", "EpisodeOfCare", "Observation", "Procedure", "Device", "AdverseEvent",
                "QuestionnaireResponse", "CarePlan", "Questionnaire");
        FhirExportIT.assertValid("cohort", all);
    }

    /**
     * The bulk path reads a page of patients with one query per kind of record; {@code $everything} reads one patient.
     * Over the whole cohort, both give the same resources, byte for byte: without a filter, with a {@code _type} list
     * (whose unneeded reads the bulk path skips) and with {@code _since}.
     */
    @Test
    void bulkExportHoldsExactlyWhatEverythingGivesPerPatient() throws IOException {
        FhirExport export = ilium.context().getBean(FhirExport.class);
        BulkExport bulk = ilium.context().getBean(BulkExport.class);
        ca.uhn.fhir.parser.IParser parser = FHIR.newJsonParser().setPrettyPrint(false);
        List<Set<String>> typeLists = List.of(BulkExport.types(null), Set.of("Observation", "Questionnaire"), Set.of("AdverseEvent", "CarePlan"),
                Set.of("Condition", "MedicationStatement"));
        for (Set<String> types : typeLists) {
            for (Instant since : java.util.Arrays.asList(null, afterSynthetic)) {
                Set<String> everything = new java.util.TreeSet<>();
                List<String> exported = new ArrayList<>();
                CurrentActor.runAs(actor(), () -> {
                    PatientService patients = ilium.context().getBean(PatientService.class);
                    for (org.ilium.patient.domain.Patient p : patients.search(new PatientSearch(null, null, null), 0, 1000).items()) {
                        export.everything(p.id(), since).stream().filter(r -> types.contains(r.fhirType()))
                                .forEach(r -> everything.add(parser.encodeResourceToString(r)));
                    }
                    try {
                        Path dir = Files.createTempDirectory(out, "pages");
                        bulk.write(dir, types, since, null);
                        for (String type : types) {
                            Path f = dir.resolve(type + ".ndjson");
                            if (Files.exists(f)) {
                                exported.addAll(Files.readAllLines(f));
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                System.out.println("bulk vs $everything, " + types + (since == null ? "" : " since " + since) + ": " + exported.size() + " resources");
                assertThat(exported).as("no resource twice").doesNotHaveDuplicates();
                assertThat(new java.util.TreeSet<>(exported)).as(types + " since " + since).isEqualTo(everything);
                if (since == null) {
                    assertThat(exported).isNotEmpty();
                }
            }
        }
    }

    /** The whole cohort through export, import into an empty site, export: every type equal after normalising (FhirRoundTripIT). */
    @Test
    void theCohortRoundTripsThroughAnEmptySite() throws IOException {
        Map<String, List<Resource>> before = read(exportSite(siteCode));
        ilium.secondSite("copy", "Copy Clinic");
        Path files = exportSite(siteCode);
        FhirImport importer = ilium.context().getBean(FhirImport.class);
        Actor copy = ilium.context().getBean(AccountService.class).commandLineActor("copy");
        ImportSummary summary = CurrentActor.callAs(copy, () -> {
            try {
                return importer.importPaths(List.of(files), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        System.out.println("cohort round trip import: " + summary.toMap());
        summary.rejected().stream().limit(20).forEach(System.out::println);
        assertThat(summary.rejected()).isEmpty();
        Map<String, List<Resource>> after = CurrentActor.callAs(copy, () -> read(exportSiteAsCurrent()));
        for (String type : before.keySet()) {
            List<String> a = FhirRoundTripIT.normalised(after, type);
            List<String> b = FhirRoundTripIT.normalised(before, type);
            if (!a.equals(b)) {
                List<String> onlyBefore = new ArrayList<>(b);
                onlyBefore.removeAll(a);
                List<String> onlyAfter = new ArrayList<>(a);
                onlyAfter.removeAll(b);
                System.out.println(type + " differs; only before (" + onlyBefore.size() + "): " + onlyBefore.stream().limit(2).toList());
                System.out.println(type + " only after (" + onlyAfter.size() + "): " + onlyAfter.stream().limit(2).toList());
            }
            assertThat(a).as(type).isEqualTo(b);
        }
        assertThat(after.keySet()).isEqualTo(before.keySet());
    }

    private static Path exportSite(String site) {
        return CurrentActor.callAs(ilium.context().getBean(AccountService.class).commandLineActor(site), FhirCohortValidationIT::exportSiteAsCurrent);
    }

    private static Path exportSiteAsCurrent() {
        try {
            Path dir = Files.createTempDirectory(out, "export");
            ilium.context().getBean(BulkExport.class).write(dir, BulkExport.types(null), null, null);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<Resource>> read(Path dir) {
        Map<String, List<Resource>> byType = new java.util.LinkedHashMap<>();
        for (String type : BulkExport.TYPES) {
            Path f = dir.resolve(type + ".ndjson");
            if (Files.exists(f)) {
                try (Stream<String> lines = Files.lines(f)) {
                    byType.put(type, lines.map(l -> (Resource) FHIR.newJsonParser().parseResource(l)).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return byType;
    }
}
