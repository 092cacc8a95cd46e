package org.ilium.outcomes.domain;

import java.util.List;

/**
 * One factor of the subgroup table (age, symptom duration, smoking, opioid use, prior lumbar fusion, approach): its
 * groups (episodes whose factor is not recorded are in none) and the comparisons between them.
 */
public record SubgroupFactor(String id, String label, List<SubgroupGroup> groups, List<SubgroupComparison> comparisons) {
    public SubgroupFactor {
        groups = List.copyOf(groups);
        comparisons = List.copyOf(comparisons);
    }
}
