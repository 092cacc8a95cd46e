package org.ilium.workup.domain;

import java.time.LocalDate;

/**
 * One recorded piece of the work-up. {@code id} identifies the record (a UUID when stored, a position
 * such as {@code injections[1]} in a case file) so that a decision can cite it; {@code date} is when
 * the finding was made; {@code source} says where it comes from (clinician exam, outside records, ...).
 */
public sealed interface WorkupItem permits PainScore, OdiAssessment, ProvocationTest, FortinFinding, SijInjection,
        ConservativeCare, Imaging, RiskFactor, SymptomHistory, PlannedProcedure {
    String id();

    LocalDate date();

    String recordedBy();

    String source();
}
