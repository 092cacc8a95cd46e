package org.ilium.candidacy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ilium.candidacy.domain.Citation;
import org.ilium.candidacy.domain.Criterion;
import org.ilium.candidacy.domain.Policy;

/** A policy as the API lists it: who, which version, when in effect, and every criterion with its source. */
record PolicyView(String id, String name, String version, String publisher, LocalDate effectiveFrom, LocalDate effectiveTo,
        boolean inEffectToday, String description, List<Citation> citations, List<CriterionView> criteria) {

    record CriterionView(String id, String title, String kind, boolean exclusion, Map<String, String> thresholds,
            Set<String> unverified, Citation citation) {
        static CriterionView of(Criterion c) {
            return new CriterionView(c.id(), c.title(), c.kind(), c.exclusion(), c.thresholds(), c.unverified(), c.citation());
        }
    }

    static PolicyView of(Policy p, LocalDate today) {
        return new PolicyView(p.id(), p.name(), p.version(), p.publisher(), p.effectiveFrom(), p.effectiveTo(), p.activeOn(today),
                p.description(), p.citations(), p.criteria().stream().map(CriterionView::of).toList());
    }
}
