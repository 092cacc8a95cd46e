package org.ilium.candidacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ilium.candidacy.CaseBuilder.day;

import java.util.List;
import org.ilium.candidacy.domain.Citation;
import org.ilium.candidacy.domain.NoSameDayBilateralCriterion;
import org.ilium.candidacy.domain.Policy;
import org.ilium.candidacy.domain.PolicyCatalog;
import org.junit.jupiter.api.Test;

class PolicyCatalogTest {
    private static Policy policy(String id, String version, String from, String to) {
        return new Policy(id, "Policy " + id, version, "Publisher", day(from), to == null ? null : day(to), "About it.",
                List.of(new NoSameDayBilateralCriterion(Criteria.info("c"))), List.of(new Citation("Source", "detail", null)));
    }

    private final PolicyCatalog catalog = new PolicyCatalog(List.of(policy("payer", "2", "2025-01-01", null),
            policy("payer", "1", "2020-01-01", "2024-12-31"), policy("other", "1", "2023-06-01", "2025-06-30")));

    @Test
    void findsTheVersionInEffectOnADate() {
        assertThat(catalog.find("payer", day("2024-12-31")).orElseThrow().version()).isEqualTo("1");
        assertThat(catalog.find("payer", day("2025-01-01")).orElseThrow().version()).isEqualTo("2");
        assertThat(catalog.find("payer", day("2019-12-31"))).isEmpty();
        assertThat(catalog.find("payer").orElseThrow().version()).isEqualTo("2");
        assertThat(catalog.find("nobody")).isEmpty();
        assertThat(catalog.find("payer", "1")).isPresent();
    }

    @Test
    void activeOnADateIncludesBothEnds() {
        assertThat(catalog.activeOn(day("2025-06-30"))).extracting(p -> p.id() + "@" + p.version()).containsExactly("other@1", "payer@2");
        assertThat(catalog.activeOn(day("2025-07-01"))).extracting(Policy::id).containsExactly("payer");
        assertThat(catalog.activeOn(day("2023-05-31"))).extracting(p -> p.version()).containsExactly("1");
        assertThat(catalog.all()).hasSize(3);
        assertThat(catalog.ids()).containsExactly("other", "payer");
    }

    @Test
    void overlappingVersionsAreRefused() {
        assertThatThrownBy(() -> new PolicyCatalog(List.of(policy("p", "1", "2020-01-01", "2025-01-01"),
                policy("p", "2", "2025-01-01", null)))).hasMessage("policy p: version 1 (2020-01-01 to 2025-01-01) overlaps version 2 "
                        + "(from 2025-01-01)");
        assertThatThrownBy(() -> policy("p", "1", "2025-01-02", "2025-01-01")).isInstanceOf(IllegalArgumentException.class);
    }
}
