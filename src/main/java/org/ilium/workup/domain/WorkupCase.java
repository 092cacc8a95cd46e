package org.ilium.workup.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.ilium.patient.domain.Sex;
import org.ilium.patient.domain.Side;

/**
 * Everything a candidacy decision looks at for one episode: who (age, sex), which side, and the
 * work-up so far. Built from stored records or from a self-contained case file.
 *
 * @param reference the episode id, or the case file's own id
 */
public record WorkupCase(String reference, LocalDate birthDate, Sex sex, Side side, List<PainScore> painScores,
        List<OdiAssessment> odi, List<ProvocationTest> provocationTests, List<FortinFinding> fortin,
        List<SijInjection> injections, List<ConservativeCare> conservativeCare, List<Imaging> imaging,
        List<RiskFactor> riskFactors, List<SymptomHistory> symptomHistory, List<PlannedProcedure> plannedProcedures) {

    public WorkupCase {
        Objects.requireNonNull(side, "side");
        painScores = List.copyOf(painScores);
        odi = List.copyOf(odi);
        provocationTests = List.copyOf(provocationTests);
        fortin = List.copyOf(fortin);
        injections = List.copyOf(injections);
        conservativeCare = List.copyOf(conservativeCare);
        imaging = List.copyOf(imaging);
        riskFactors = List.copyOf(riskFactors);
        symptomHistory = List.copyOf(symptomHistory);
        plannedProcedures = List.copyOf(plannedProcedures);
    }

    /** Every record of the case, kind by kind in {@link WorkupKind} order. */
    public List<WorkupItem> items() {
        List<WorkupItem> all = new java.util.ArrayList<>();
        all.addAll(painScores);
        all.addAll(odi);
        all.addAll(provocationTests);
        all.addAll(fortin);
        all.addAll(injections);
        all.addAll(conservativeCare);
        all.addAll(imaging);
        all.addAll(riskFactors);
        all.addAll(symptomHistory);
        all.addAll(plannedProcedures);
        return all;
    }

    /** Age in whole years on a date, or null when the birth date is unknown. */
    public Integer ageOn(LocalDate date) {
        return birthDate == null ? null : java.time.Period.between(birthDate, date).getYears();
    }
}
