package org.ilium.candidacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.candidacy.CaseBuilder.aClearCandidate;
import static org.ilium.candidacy.CaseBuilder.block;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ilium.candidacy.domain.BmiMaxCriterion;
import org.ilium.candidacy.domain.CaseView;
import org.ilium.candidacy.domain.ConservativeCareCriterion;
import org.ilium.candidacy.domain.Criterion;
import org.ilium.candidacy.domain.CriterionStatus;
import org.ilium.candidacy.domain.DiagnosticBlocksCriterion;
import org.ilium.candidacy.domain.ImagingCriterion;
import org.ilium.candidacy.domain.InjectionFrequencyCriterion;
import org.ilium.candidacy.domain.NicotineFreeCriterion;
import org.ilium.candidacy.domain.PainIntensityCriterion;
import org.ilium.candidacy.domain.Policy;
import org.ilium.candidacy.domain.ProvocationTestsCriterion;
import org.ilium.candidacy.domain.SymptomDurationCriterion;
import org.ilium.workup.domain.ConservativeCare;
import org.ilium.workup.domain.ProvocationTestType;
import org.ilium.workup.domain.RiskFactor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each threshold of each built-in policy at its boundary, read from the policy itself: exactly at the
 * threshold is met, one step beyond is not. Kinds without a numeric threshold are covered by
 * EveryPolicyCriterionTest.
 */
class PolicyBoundariesTest {
    private static final CandidacyContent CONTENT = CandidacyContent.load(null);
    private static final LocalDate DATE = CaseBuilder.EVALUATION;

    static Stream<Arguments> thresholds() {
        List<Arguments> all = new ArrayList<>();
        for (Policy p : CONTENT.policies().activeOn(DATE)) {
            for (Criterion c : p.criteria()) {
                if (c instanceof SymptomDurationCriterion || c instanceof ConservativeCareCriterion || c instanceof PainIntensityCriterion
                        || c instanceof ProvocationTestsCriterion || c instanceof DiagnosticBlocksCriterion || c instanceof BmiMaxCriterion
                        || c instanceof NicotineFreeCriterion || c instanceof InjectionFrequencyCriterion
                        || c instanceof ImagingCriterion && ((ImagingCriterion) c).withinMonths() != null) {
                    all.add(Arguments.of(p.id(), c.id(), c));
                }
            }
        }
        return all.stream();
    }

    private static CriterionStatus status(Criterion c, CaseBuilder scenario) {
        return c.evaluate(CaseView.of(scenario.build(), DATE), DATE).status();
    }

    private static String iso(LocalDate d) {
        return d.toString();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("thresholds")
    void metAtTheThresholdNotOneStepBeyond(String policy, String id, Criterion c) {
        CaseBuilder at;
        CaseBuilder beyond;
        CriterionStatus beyondStatus = CriterionStatus.NOT_MET;
        if (c instanceof SymptomDurationCriterion) {
            int months = ((SymptomDurationCriterion) c).months();
            at = aClearCandidate().withSymptomsSince(iso(DATE.minusMonths(months)));
            beyond = aClearCandidate().withSymptomsSince(iso(DATE.minusMonths(months).plusDays(1)));
        } else if (c instanceof ConservativeCareCriterion) {
            int months = ((ConservativeCareCriterion) c).months();
            at = care(DATE.minusMonths(months));
            beyond = care(DATE.minusMonths(months).plusDays(1));
        } else if (c instanceof PainIntensityCriterion) {
            int min = (int) Math.ceil(((PainIntensityCriterion) c).minNrs());
            at = aClearCandidate().withPainScore("2026-02-20", min);
            beyond = aClearCandidate().withPainScore("2026-02-20", min - 1);
        } else if (c instanceof ProvocationTestsCriterion) {
            int min = ((ProvocationTestsCriterion) c).minPositive();
            ProvocationTestType[] order = {ProvocationTestType.DISTRACTION, ProvocationTestType.COMPRESSION, ProvocationTestType.FABER,
                    ProvocationTestType.GAENSLEN, ProvocationTestType.SACRAL_THRUST, ProvocationTestType.THIGH_THRUST};
            at = aClearCandidate().withoutTests().withExam("2025-06-10", java.util.Arrays.copyOf(order, min));
            beyond = aClearCandidate().withoutTests().withExam("2025-06-10", java.util.Arrays.copyOf(order, min - 1));
        } else if (c instanceof DiagnosticBlocksCriterion) {
            double relief = ((DiagnosticBlocksCriterion) c).minReliefPercent();
            at = aClearCandidate().withBlocks(block("2025-11-05", relief), block("2025-12-03", relief));
            beyond = aClearCandidate().withBlocks(block("2025-11-05", relief), block("2025-12-03", relief - 0.1));
        } else if (c instanceof BmiMaxCriterion) {
            double max = ((BmiMaxCriterion) c).max();
            at = aClearCandidate().withRisk("2026-02-20", RiskFactor.Type.BMI, max);
            beyond = aClearCandidate().withRisk("2026-02-20", RiskFactor.Type.BMI, max + 0.1);
        } else if (c instanceof NicotineFreeCriterion) {
            NicotineFreeCriterion n = (NicotineFreeCriterion) c;
            at = aClearCandidate().withRisk("2026-02-20", RiskFactor.Type.COTININE, n.maxCotinine());
            beyond = aClearCandidate().withRisk("2026-02-20", RiskFactor.Type.COTININE, n.maxCotinine() + 0.1);
            if (n.withinDays() != null) {
                LocalDate first = DATE.minusDays(n.withinDays());
                assertThat(status(c, aClearCandidate().withoutRisk(RiskFactor.Type.COTININE)
                        .withRisk(iso(first), RiskFactor.Type.COTININE, 1.0))).isEqualTo(CriterionStatus.MET);
                assertThat(status(c, aClearCandidate().withoutRisk(RiskFactor.Type.COTININE)
                        .withRisk(iso(first.minusDays(1)), RiskFactor.Type.COTININE, 1.0))).isEqualTo(CriterionStatus.UNKNOWN);
            }
        } else if (c instanceof InjectionFrequencyCriterion) {
            InjectionFrequencyCriterion f = (InjectionFrequencyCriterion) c;
            at = sessions(f.maxDiagnostic() + 1, f.months(), false);
            beyond = sessions(f.maxDiagnostic() + 1, f.months(), true);
        } else {
            int months = ((ImagingCriterion) c).withinMonths();
            at = aClearCandidate().withoutImaging().withClearImaging(iso(DATE.minusMonths(months)));
            beyond = aClearCandidate().withoutImaging().withClearImaging(iso(DATE.minusMonths(months).minusDays(1)));
            beyondStatus = CriterionStatus.UNKNOWN;
        }
        assertThat(status(c, at)).as("at the threshold").isEqualTo(CriterionStatus.MET);
        assertThat(status(c, beyond)).as("one step beyond").isEqualTo(beyondStatus);
    }

    /** Care of every kind a policy may require, all from {@code start} to the evaluation date. */
    private static CaseBuilder care(LocalDate start) {
        return aClearCandidate().withoutCare()
                .withCare(ConservativeCare.Type.SUPERVISED_PHYSICAL_THERAPY, iso(start), iso(DATE), ConservativeCare.Result.FAILED)
                .withCare(ConservativeCare.Type.NSAID, iso(start), iso(DATE), ConservativeCare.Result.FAILED)
                .withCare(ConservativeCare.Type.HOME_EXERCISE, iso(start), null, ConservativeCare.Result.ONGOING);
    }

    /**
     * {@code count} qualifying diagnostic sessions, the last on 2026-02-20 and the first {@code months} months before it
     * (just outside its rolling window) or a day later (just inside).
     */
    private static CaseBuilder sessions(int count, int months, boolean firstInside) {
        LocalDate last = LocalDate.of(2026, 2, 20);
        LocalDate first = firstInside ? last.minusMonths(months).plusDays(1) : last.minusMonths(months);
        List<CaseBuilder.Injection> blocks = new ArrayList<>();
        blocks.add(block(iso(first), 90));
        for (int i = 1; i < count - 1; i++) {
            blocks.add(block(iso(last.minusDays(i * 7L)), 90));
        }
        blocks.add(block(iso(last), 90));
        return aClearCandidate().withBlocks(blocks.toArray(new CaseBuilder.Injection[0]));
    }
}
