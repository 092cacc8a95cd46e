package org.ilium.candidacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark runs and reports; its figures are not asserted (they depend on the machine). */
class EvaluationBenchmarkTest {
    @Test
    void reportsThroughputOverallAndPerCore() {
        String report = EvaluationBenchmark.run(50, 2, 10_000_000L, 20_000_000L);
        assertThat(report).startsWith("Candidacy evaluation benchmark").contains("50 synthetic (seed 20261121)")
                .contains("evaluateAll (one view per case):").contains("evaluations/s overall").contains("per core");
    }

    @Test
    void theSameSeedGivesTheSameCases() {
        assertThat(SyntheticCases.generate(20, 7, EvaluationBenchmark.EVALUATION_DATE))
                .isEqualTo(SyntheticCases.generate(20, 7, EvaluationBenchmark.EVALUATION_DATE));
    }
}
