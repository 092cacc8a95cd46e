package org.ilium.outcomes.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A published study to compare the clinic's own outcomes with (REFERENCE 6), or a claim made about one
 * ({@link Kind#SEED_CLAIM}, kept apart from what the paper reports). Pain figures are on 0-10; figures taken from a
 * VAS in millimetres are divided by 10 and say so ({@link BenchmarkFigure#convertedFromVasMm()}).
 *
 * @param arms group sizes by arm code (e.g. fusion, non_surgical), empty for a single group
 * @param refersTo for a seed claim, the id of the study it is about; null otherwise
 */
public record Benchmark(String id, Kind kind, String name, String design, int n, Map<String, Integer> arms, String refersTo,
        Citation citation, List<BenchmarkFigure> figures) {
    /** What the entry is: a study's own report, or a claim about a study made elsewhere. */
    public enum Kind {
        PUBLISHED, SEED_CLAIM
    }

    public Benchmark {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(citation, "citation");
        arms = Map.copyOf(arms);
        figures = List.copyOf(figures);
    }

    /** The figures at one timepoint ({@code baseline}, {@code 12m}, ...), in file order. */
    public List<BenchmarkFigure> at(String timepoint) {
        return figures.stream().filter(f -> timepoint.equals(f.timepoint())).toList();
    }
}
