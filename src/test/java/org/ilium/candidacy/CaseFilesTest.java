package org.ilium.candidacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ilium.candidacy.domain.CriterionResult;
import org.ilium.candidacy.domain.CriterionStatus;
import org.ilium.candidacy.domain.Determination;
import org.ilium.candidacy.domain.Outcome;
import org.ilium.candidacy.domain.Policy;
import org.ilium.candidacy.domain.PrognosticNote;
import org.ilium.shared.content.ContentNode;
import org.ilium.workup.CaseFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** Every example case against every built-in policy, as examples/cases/expected.yaml says. */
class CaseFilesTest {
    private static final Path CASES = Path.of("examples/cases");
    private static final CandidacyContent CONTENT = CandidacyContent.load(null);
    private static final ContentNode EXPECTED = expected();

    private static ContentNode expected() {
        try {
            return ContentNode.parse("examples/cases/expected.yaml", Files.readString(CASES.resolve("expected.yaml")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CaseFile read(String name) throws IOException {
        return CaseFile.read(Files.readAllBytes(CASES.resolve(name + ".json")), JsonMapper.builder().build(), LocalDate.of(2026, 11, 21));
    }

    private static List<String> caseNames() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).map(n -> n.substring(0, n.length() - 5))
                    .sorted().toList();
        }
    }

    @Test
    void everyCaseFileHasItsExpectationAndNoMore() throws IOException {
        assertThat(caseNames()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(new TreeSet<>(EXPECTED.keys())).containsExactlyElementsOf(new TreeSet<>(caseNames()));
    }

    static Stream<Arguments> casesAndPolicies() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (String name : caseNames()) {
            CaseFile file = read(name);
            for (Policy p : CONTENT.policies().activeOn(file.evaluationDate())) {
                all.add(Arguments.of(name, p.id()));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("casesAndPolicies")
    void comesOutAsExpected(String name, String policyId) throws IOException {
        CaseFile file = read(name);
        Policy policy = CONTENT.policies().find(policyId, file.evaluationDate()).orElseThrow();
        Determination d = CONTENT.evaluator().evaluate(file.workupCase(), policy, file.evaluationDate());
        ContentNode expected = EXPECTED.get(name);
        String explained = explain(d);

        Outcome outcome = expected.get("outcomes").code(policyId, Outcome.class);
        assertThat(d.outcome()).as(explained).isEqualTo(outcome);

        Map<String, CriterionStatus> notMet = new LinkedHashMap<>();
        expected.optional("criteria").flatMap(c -> c.optional(policyId)).ifPresent(c -> c.asMap()
                .forEach((id, status) -> notMet.put(id, status.asCode(CriterionStatus.class))));
        Map<String, CriterionStatus> actual = new LinkedHashMap<>();
        for (CriterionResult r : d.criteria()) {
            if (r.status() != CriterionStatus.MET) {
                actual.put(r.id(), r.status());
            }
            assertThat(r.citation()).isNotNull();
            assertThat(r.explanation()).isNotBlank();
        }
        assertThat(actual).as(explained).isEqualTo(notMet);
        long unknown = d.criteria().stream().filter(r -> r.status() == CriterionStatus.UNKNOWN).count();
        assertThat(d.missing()).hasSize((int) unknown);

        assertThat(d.prognosis()).extracting(PrognosticNote::factor).containsExactlyElementsOf(expected.texts("prognosis"));
        assertThat(d.provocationCluster().positiveCount()).isEqualTo(expected.integer("clusterPositive", 0, 6));
        assertThat(d.caseReference()).isEqualTo(name);
    }

    private static String explain(Determination d) {
        StringBuilder out = new StringBuilder(d.policyId()).append(' ').append(d.outcome());
        for (CriterionResult r : d.criteria()) {
            out.append("\n  ").append(r.status().name().toLowerCase(Locale.ROOT)).append(' ').append(r.id()).append(": ")
                    .append(r.explanation());
        }
        return out.toString();
    }
}
