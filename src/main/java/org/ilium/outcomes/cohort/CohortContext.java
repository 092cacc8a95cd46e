package org.ilium.outcomes.cohort;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.ilium.candidacy.CandidacyContent;
import org.ilium.candidacy.domain.Policy;
import org.ilium.followup.domain.Protocol;
import org.ilium.outcomes.cohort.domain.CohortCalibration;
import org.ilium.outcomes.cohort.domain.PathwayGenerator;
import org.ilium.prom.InstrumentCatalog;
import org.ilium.prom.domain.Instrument;
import org.ilium.shared.content.ContentException;
import org.ilium.surgery.SurgeryContent;

/** The generator's view of the content the API uses: clinic policy, follow-up protocol, instruments, CPT rules, complications. */
public final class CohortContext {
    private CohortContext() {
    }

    public static PathwayGenerator.Context of(CohortCalibration calibration, CandidacyContent candidacy, SurgeryContent surgery,
            Protocol protocol, InstrumentCatalog instruments) {
        Policy first = candidacy.policies().all().stream().filter(p -> p.id().equals(PathwayGenerator.POLICY_ID))
                .min(java.util.Comparator.comparing(Policy::effectiveFrom))
                .orElseThrow(() -> new IllegalStateException("the clinic policy " + PathwayGenerator.POLICY_ID + " is missing"));
        // Decisions before the clinic policy took effect are made by its first version (the cohort reaches back further).
        java.util.function.Function<LocalDate, Policy> policyOn = date -> candidacy.policies().find(PathwayGenerator.POLICY_ID, date)
                .orElse(first);
        Map<String, Double> rates = new LinkedHashMap<>();
        for (SurgeryContent.CatalogueEntry e : surgery.catalogue()) {
            Double rate = e.ratePercent() != null ? e.ratePercent() : calibration.complicationRatesPercent().get(e.code());
            if (rate == null) {
                throw new ContentException("content/" + SyntheticCohortContent.FILE, 0, 0, "complications.ratesPercent",
                        "has no rate for " + e.code() + ", which the complication catalogue lists without one");
            }
            rates.put(e.code(), rate);
        }
        Map<String, Instrument> byId = instruments.all().stream().collect(Collectors.toMap(Instrument::id, i -> i, (a, b) -> a,
                LinkedHashMap::new));
        var steps = surgery.checklist(PathwayGenerator.APPROACH).orElseThrow().steps().stream().map(SurgeryContent.Step::code)
                .toList();
        return new PathwayGenerator.Context(calibration, candidacy.evaluator(), policyOn, protocol, byId, surgery.codingRules(), steps,
                rates);
    }
}
