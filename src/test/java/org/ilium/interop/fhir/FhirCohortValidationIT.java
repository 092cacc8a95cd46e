package org.ilium.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.ilium.access.AccountService;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.testing.IliumInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every resource of a bulk export of a whole cohort passes HAPI's FhirInstanceValidator with the R4 base definitions
 * (the set-up of FhirExportIT): zero errors. The cohort is built by {@link #cohort}.
 */
class FhirCohortValidationIT {
    static final FhirContext FHIR = FhirContext.forR4Cached();
    @TempDir
    static Path dataDir;
    @TempDir
    static Path out;
    static IliumInstance ilium;
    static String siteCode;

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

    /** COHORT_BUILD */
    static void cohort() {
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
        FhirValidator validator = FhirExportIT.validator(all);
        List<String> errors = new ArrayList<>();
        Map<String, Integer> warnings = new TreeMap<>();
        long t0 = System.nanoTime();
        for (Resource r : all) {
            for (SingleValidationMessage m : validator.validateWithResult(r).getMessages()) {
                if (m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
                    errors.add(r.fhirType() + "/" + r.getIdElement().getIdPart() + " " + m.getLocationString() + ": " + m.getMessage());
                } else if (m.getSeverity() == ResultSeverityEnum.WARNING) {
                    warnings.merge(r.fhirType(), 1, Integer::sum);
                }
            }
        }
        System.out.printf("cohort validated %d resources in %.1f s: errors %d, warnings %s%n", all.size(), (System.nanoTime() - t0) / 1e9,
                errors.size(), warnings);
        errors.stream().limit(50).forEach(System.out::println);
        assertThat(errors).isEmpty();
    }
}
