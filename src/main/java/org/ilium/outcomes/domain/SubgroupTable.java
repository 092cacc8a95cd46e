package org.ilium.outcomes.domain;

import java.util.List;

/** The subgroup table: every factor at one timepoint (12m by default). */
public record SubgroupTable(String timepoint, List<SubgroupFactor> factors) {
    public SubgroupTable {
        factors = List.copyOf(factors);
    }
}
