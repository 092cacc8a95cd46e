package org.ilium.candidacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.candidacy.CaseBuilder.aClearCandidate;
import static org.ilium.candidacy.CaseBuilder.block;
import static org.ilium.candidacy.CaseBuilder.therapeutic;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.ilium.candidacy.domain.CaseView;
import org.ilium.candidacy.domain.Criterion;
import org.ilium.candidacy.domain.CriterionKind;
import org.ilium.candidacy.domain.CriterionResult;
import org.ilium.candidacy.domain.CriterionStatus;
import org.ilium.candidacy.domain.Policy;
import org.ilium.patient.domain.Side;
import org.ilium.workup.domain.ConservativeCare;
import org.ilium.workup.domain.Imaging;
import org.ilium.workup.domain.ProvocationTestType;
import org.ilium.workup.domain.RiskFactor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every criterion of every built-in policy, both ways: met by the clear candidate, and failed by a
 * change of the clear candidate that goes against its kind. (The boundaries of each kind are tested in
 * the criterion tests.)
 */
class EveryPolicyCriterionTest {
    private static final CandidacyContent CONTENT = CandidacyContent.load(null);

    private record Breaker(CriterionStatus expected, UnaryOperator<CaseBuilder> change) {
    }

    private static final Map<CriterionKind, Breaker> BREAKERS = new EnumMap<>(CriterionKind.class);

    static {
        BREAKERS.put(CriterionKind.SYMPTOM_DURATION, new Breaker(CriterionStatus.NOT_MET, c -> c.withSymptomsSince("2025-12-01")));
        BREAKERS.put(CriterionKind.CONSERVATIVE_CARE, new Breaker(CriterionStatus.NOT_MET, c -> c.withoutCare()
                .withCare(ConservativeCare.Type.SUPERVISED_PHYSICAL_THERAPY, "2025-11-01", "2026-02-01", ConservativeCare.Result.FAILED)
                .withCare(ConservativeCare.Type.NSAID, "2025-11-01", "2026-02-01", ConservativeCare.Result.FAILED)));
        BREAKERS.put(CriterionKind.PAIN_INTENSITY, new Breaker(CriterionStatus.NOT_MET, c -> c.withPainScore("2026-02-20", 2)));
        BREAKERS.put(CriterionKind.PAIN_PATTERN, new Breaker(CriterionStatus.NOT_MET,
                c -> c.withSymptomHistory("2026-02-20", null, true, false, true, null)));
        BREAKERS.put(CriterionKind.PROVOCATION_TESTS, new Breaker(CriterionStatus.NOT_MET, c -> c.withExam("2026-02-20")));
        BREAKERS.put(CriterionKind.FORTIN_POINT, new Breaker(CriterionStatus.NOT_MET, c -> c.withFortin("2026-02-20", false)));
        BREAKERS.put(CriterionKind.DIAGNOSTIC_BLOCKS, new Breaker(CriterionStatus.NOT_MET,
                c -> c.withBlocks(block("2025-11-05", 50), block("2025-12-03", 40))));
        BREAKERS.put(CriterionKind.THERAPEUTIC_INJECTION, new Breaker(CriterionStatus.UNKNOWN, CaseBuilder::withoutTherapeuticInjections));
        BREAKERS.put(CriterionKind.IMAGING, new Breaker(CriterionStatus.NOT_MET, c -> c.withoutImaging().withEverythingOnImaging()));
        BREAKERS.put(CriterionKind.RISK_FACTOR_ABSENT, new Breaker(CriterionStatus.NOT_MET,
                c -> c.withRisk("2026-02-20", RiskFactor.Type.GENERALISED_PAIN_DISORDER, true)
                        .withRisk("2026-02-20", RiskFactor.Type.BEHAVIOURAL_HEALTH, "unmanaged")));
        BREAKERS.put(CriterionKind.NICOTINE_FREE, new Breaker(CriterionStatus.NOT_MET,
                c -> c.withRisk("2026-02-20", RiskFactor.Type.COTININE, 85.0)));
        BREAKERS.put(CriterionKind.BMI_MAX, new Breaker(CriterionStatus.NOT_MET, c -> c.withRisk("2026-02-20", RiskFactor.Type.BMI, 41.0)));
        BREAKERS.put(CriterionKind.DEVICE, new Breaker(CriterionStatus.NOT_MET, c -> c.withPlannedProcedure("27278", false, false, false)));
        BREAKERS.put(CriterionKind.NO_SAME_DAY_BILATERAL, new Breaker(CriterionStatus.NOT_MET,
                c -> c.onSide(Side.BILATERAL).withPlannedProcedure("27279", true, true, true)));
        BREAKERS.put(CriterionKind.INJECTION_FREQUENCY, new Breaker(CriterionStatus.NOT_MET,
                c -> c.withInjections(therapeutic("2025-09-01"), therapeutic("2025-10-01"), therapeutic("2025-11-01"),
                        therapeutic("2025-12-01"))));
    }

    static Stream<Arguments> criteria() {
        List<Arguments> all = new ArrayList<>();
        for (Policy p : CONTENT.policies().activeOn(CaseBuilder.EVALUATION)) {
            for (Criterion c : p.criteria()) {
                all.add(Arguments.of(p.id(), c.id(), c));
            }
        }
        return all.stream();
    }

    private static CriterionResult evaluate(Criterion c, CaseBuilder scenario) {
        return c.evaluate(CaseView.of(scenario.build(), scenario.evaluationDate()), scenario.evaluationDate());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("criteria")
    void metByTheClearCandidateAndFailedAgainstItsKind(String policy, String id, Criterion criterion) {
        CriterionResult met = evaluate(criterion, aClearCandidate());
        assertThat(met.status()).as(met.explanation()).isEqualTo(CriterionStatus.MET);
        assertThat(met.citation()).isEqualTo(criterion.citation());
        Breaker breaker = BREAKERS.get(criterion.criterionKind());
        CriterionResult failed = evaluate(criterion, breaker.change().apply(aClearCandidate()));
        assertThat(failed.status()).as(failed.explanation()).isEqualTo(breaker.expected());
        assertThat(failed.explanation()).isNotBlank();
        if (failed.status() == CriterionStatus.UNKNOWN) {
            assertThat(failed.missing()).isEqualTo(criterion.missing());
        }
    }
}
