package org.ilium.candidacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ilium.candidacy.CaseBuilder.aCase;
import static org.ilium.candidacy.CaseBuilder.aClearCandidate;
import static org.ilium.candidacy.Criteria.evaluate;
import static org.ilium.candidacy.Criteria.info;

import java.util.Set;
import org.ilium.candidacy.domain.ConservativeCareCriterion;
import org.ilium.candidacy.domain.CriterionDefinitionException;
import org.ilium.candidacy.domain.CriterionResult;
import org.ilium.candidacy.domain.CriterionStatus;
import org.ilium.candidacy.domain.SymptomDurationCriterion;
import org.ilium.workup.domain.ConservativeCare.Result;
import org.ilium.workup.domain.ConservativeCare.Type;
import org.junit.jupiter.api.Test;

class DurationAndCareCriteriaTest {
    private final SymptomDurationCriterion sixMonthsOfPain = new SymptomDurationCriterion(info("duration"), 6);
    private final ConservativeCareCriterion sixMonthsOfCare = new ConservativeCareCriterion(info("care"), 6, Set.of(), null);
    private final ConservativeCareCriterion withPhysio = new ConservativeCareCriterion(info("care-pt"), 6,
            Set.of(Type.SUPERVISED_PHYSICAL_THERAPY), 2);

    @Test
    void painForExactlySixMonthsIsEnoughOneDayLessIsNot() {
        CriterionResult met = evaluate(sixMonthsOfPain, aCase().withSymptomsSince("2025-09-02"));
        assertThat(met.status()).isEqualTo(CriterionStatus.MET);
        assertThat(met.explanation()).isEqualTo("Pain since 2025-09-02: 6 months by 2026-03-02 (at least 6 required).");
        assertThat(met.evidence()).singleElement().satisfies(e -> {
            assertThat(e.recordId()).isEqualTo("symptomHistory[0]");
            assertThat(e.value()).isEqualTo("2025-09-02");
        });
        assertThat(evaluate(sixMonthsOfPain, aCase().withSymptomsSince("2025-09-03")).status()).isEqualTo(CriterionStatus.NOT_MET);
    }

    @Test
    void monthEndsFollowJavaTime() {
        assertThat(evaluate(sixMonthsOfPain, aCase().withSymptomsSince("2025-08-31").evaluatedOn("2026-02-28")).status())
                .isEqualTo(CriterionStatus.MET);
        assertThat(evaluate(sixMonthsOfPain, aCase().withSymptomsSince("2025-08-31").evaluatedOn("2026-02-27")).status())
                .isEqualTo(CriterionStatus.NOT_MET);
    }

    @Test
    void noOnsetIsUnknownWithTheHint() {
        CriterionResult r = evaluate(sixMonthsOfPain, aCase());
        assertThat(r.status()).isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(r.missing()).isEqualTo("Record when the pain began (symptom history onset); at least 6 months are needed.");
    }

    @Test
    void careSpanRunsFromEarliestStartToLatestEnd() {
        CaseBuilder exactly = aCase().withCare(Type.NSAID, "2025-09-02", "2025-12-01", Result.FAILED)
                .withCare(Type.HOME_EXERCISE, "2025-11-01", "2026-03-02", Result.PARTIAL);
        assertThat(evaluate(sixMonthsOfCare, exactly).status()).isEqualTo(CriterionStatus.MET);
        CaseBuilder dayShort = aCase().withCare(Type.NSAID, "2025-09-02", "2025-12-01", Result.FAILED)
                .withCare(Type.HOME_EXERCISE, "2025-11-01", "2026-03-01", Result.PARTIAL);
        CriterionResult r = evaluate(sixMonthsOfCare, dayShort);
        assertThat(r.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(r.explanation()).isEqualTo("Non-operative care from 2025-09-02 to 2026-03-01: 5 months (at least 6 required).");
    }

    @Test
    void anOngoingCourseCountsUntilTheEvaluationDate() {
        assertThat(evaluate(sixMonthsOfCare, aCase().withCare(Type.HOME_EXERCISE, "2025-09-02", null, Result.ONGOING)).status())
                .isEqualTo(CriterionStatus.MET);
        assertThat(evaluate(sixMonthsOfCare, aCase().withCare(Type.HOME_EXERCISE, "2025-09-03", null, Result.ONGOING)).status())
                .isEqualTo(CriterionStatus.NOT_MET);
        // a course recorded as ending after the evaluation date also counts only until that date
        assertThat(evaluate(sixMonthsOfCare, aCase().withCare(Type.HOME_EXERCISE, "2025-09-03", "2026-06-01", Result.FAILED))
                .status()).isEqualTo(CriterionStatus.NOT_MET);
    }

    @Test
    void resolvedCoursesAreNotFailedCare() {
        CaseBuilder resolvedEarly = aCase().withCare(Type.BRACING, "2025-01-01", "2025-04-01", Result.RESOLVED)
                .withCare(Type.NSAID, "2025-10-01", "2026-03-01", Result.FAILED);
        CriterionResult r = evaluate(sixMonthsOfCare, resolvedEarly);
        assertThat(r.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(r.evidence()).extracting("value").contains("resolved: not counted as failed care");
        CriterionResult allResolved = evaluate(sixMonthsOfCare, aCase().withCare(Type.BRACING, "2025-01-01", "2025-09-01", Result.RESOLVED));
        assertThat(allResolved.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(evaluate(sixMonthsOfCare, aCase()).status()).isEqualTo(CriterionStatus.UNKNOWN);
    }

    @Test
    void requiredTypesAndModalitiesMustBeAmongTheCourses() {
        assertThat(evaluate(withPhysio, aClearCandidate()).status()).isEqualTo(CriterionStatus.MET);
        CaseBuilder noPhysio = aCase().withCare(Type.NSAID, "2025-01-01", "2026-01-01", Result.FAILED)
                .withCare(Type.HOME_EXERCISE, "2025-01-01", "2026-01-01", Result.FAILED);
        CriterionResult r = evaluate(withPhysio, noPhysio);
        assertThat(r.status()).isEqualTo(CriterionStatus.UNKNOWN);
        assertThat(r.explanation()).contains("no course of supervised physical therapy is recorded");
        CaseBuilder onlyPhysio = aCase().withCare(Type.SUPERVISED_PHYSICAL_THERAPY, "2025-01-01", "2026-01-01", Result.FAILED);
        assertThat(evaluate(withPhysio, onlyPhysio).explanation()).contains("1 kind of care recorded, at least 2 required");
        CaseBuilder resolvedPhysio = aCase().withCare(Type.SUPERVISED_PHYSICAL_THERAPY, "2025-01-01", "2025-03-01", Result.RESOLVED)
                .withCare(Type.NSAID, "2025-01-01", "2026-01-01", Result.FAILED).withCare(Type.MASSAGE, "2025-01-01", "2026-01-01",
                        Result.FAILED);
        assertThat(evaluate(withPhysio, resolvedPhysio).status()).isEqualTo(CriterionStatus.UNKNOWN);
    }

    @Test
    void aMonthCountBelowOneIsADefinitionError() {
        assertThatThrownBy(() -> new SymptomDurationCriterion(info("x"), 0)).isInstanceOf(CriterionDefinitionException.class);
    }
}
