package org.ilium.outcomes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ilium.outcomes.domain.Benchmark;
import org.ilium.outcomes.domain.BenchmarkFigure;
import org.ilium.outcomes.domain.BenchmarkFigure.Measure;
import org.ilium.outcomes.domain.Citation;
import org.ilium.shared.content.ContentException;
import org.ilium.shared.content.ContentFile;
import org.ilium.shared.content.ContentLibrary;
import org.ilium.shared.content.ContentNode;

/**
 * Published results to compare the clinic's outcomes with, from {@code content/benchmarks/<id>.yaml} (REFERENCE 6).
 * A site's file {@code <ILIUM_CONTENT_DIR>/benchmarks/<id>.yaml} replaces the built-in benchmark of that id or adds
 * one. A broken file fails naming file, line and reason.
 */
public final class BenchmarkLibrary {
    public static final String FOLDER = "benchmarks";

    private final Map<String, Benchmark> byId;

    private BenchmarkLibrary(Map<String, Benchmark> byId) {
        this.byId = byId;
    }

    /** Built-in benchmarks, plus the site's directory when {@code overrideDirOrNull} is given. */
    public static BenchmarkLibrary load(Path overrideDirOrNull) {
        return fromLibrary(ContentLibrary.of(overrideDirOrNull));
    }

    static BenchmarkLibrary fromLibrary(ContentLibrary library) {
        Map<String, Benchmark> byId = new LinkedHashMap<>();
        Map<String, ContentNode> roots = new LinkedHashMap<>();
        for (boolean override : new boolean[] {false, true}) {
            Map<String, String> seenHere = new LinkedHashMap<>();
            for (ContentFile file : override ? library.overrides(FOLDER) : library.builtIn(FOLDER)) {
                ContentNode root = file.parse();
                Benchmark b = read(root);
                String expected = FOLDER + "/" + b.id() + ".yaml";
                if (!file.relativePath().equals(expected)) {
                    throw root.fieldError("id", "must match the file name: benchmark " + b.id() + " belongs in " + expected);
                }
                if (seenHere.put(b.id(), file.name()) != null) {
                    throw new ContentException(file.name(), 0, 0, "id", "repeats benchmark " + b.id());
                }
                byId.put(b.id(), b);
                roots.put(b.id(), root);
            }
        }
        for (Benchmark b : byId.values()) {
            if (b.refersTo() != null && (!byId.containsKey(b.refersTo()) || byId.get(b.refersTo()).kind() != Benchmark.Kind.PUBLISHED)) {
                throw roots.get(b.id()).fieldError("refers_to", "must name a published benchmark, not " + b.refersTo());
            }
        }
        return new BenchmarkLibrary(byId);
    }

    static Benchmark read(ContentNode root) {
        root.unknownKeys("id", "kind", "name", "design", "n", "arms", "refers_to", "citation", "figures");
        String id = root.text("id");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw root.fieldError("id", "must be lower-case letters, digits and dashes");
        }
        Benchmark.Kind kind = root.optionalCode("kind", Benchmark.Kind.class).orElse(Benchmark.Kind.PUBLISHED);
        int n = root.integer("n", 1, 1_000_000);
        Map<String, Integer> arms = new LinkedHashMap<>();
        if (root.has("arms")) {
            int sum = 0;
            for (Map.Entry<String, ContentNode> arm : root.map("arms").entrySet()) {
                int size = arm.getValue().asInteger(1, n);
                arms.put(arm.getKey(), size);
                sum += size;
            }
            if (sum != n) {
                throw root.fieldError("arms", "must add up to n = " + n + ", not " + sum);
            }
        }
        String refersTo = root.optionalText("refers_to").orElse(null);
        if (kind == Benchmark.Kind.SEED_CLAIM && refersTo == null) {
            throw root.fieldError("refers_to", "is required for a seed claim: name the study the claim is about");
        }
        if (kind == Benchmark.Kind.PUBLISHED && refersTo != null) {
            throw root.fieldError("refers_to", "is only for a seed claim");
        }
        ContentNode c = root.get("citation");
        c.unknownKeys("source", "detail", "url");
        Citation citation = new Citation(c.text("source"), c.optionalText("detail").orElse(null), c.optionalText("url").orElse(null));
        List<BenchmarkFigure> figures = new ArrayList<>();
        for (ContentNode f : root.list("figures")) {
            figures.add(readFigure(f, arms));
        }
        if (figures.isEmpty()) {
            throw root.fieldError("figures", "must hold at least one figure");
        }
        return new Benchmark(id, kind, root.text("name"), root.text("design"), n, arms, refersTo, citation, figures);
    }

    private static BenchmarkFigure readFigure(ContentNode f, Map<String, Integer> arms) {
        f.unknownKeys("timepoint", "measure", "arm", "value", "of", "unit", "label", "converted_from_vas_mm", "note");
        String timepoint = f.optionalText("timepoint").orElse(null);
        if (timepoint != null && !BenchmarkFigure.TIMEPOINTS.contains(timepoint)) {
            throw f.fieldError("timepoint", "must be one of " + String.join(", ", BenchmarkFigure.TIMEPOINTS) + ", not " + timepoint);
        }
        Measure measure = f.code("measure", Measure.class);
        String arm = f.optionalText("arm").orElse(null);
        if (arm != null && !arms.containsKey(arm)) {
            throw f.fieldError("arm", arms.isEmpty() ? "is not allowed: the study declares no arms"
                    : "must be one of " + String.join(", ", arms.keySet()) + ", not " + arm);
        }
        double value;
        switch (measure) {
            case PAIN:
                value = f.decimal("value", 0, 10);
                break;
            case PAIN_CHANGE:
                value = f.decimal("value", -10, 10);
                break;
            case ODI:
            case SHARE:
                value = f.decimal("value", 0, 100);
                break;
            case ODI_CHANGE:
                value = f.decimal("value", -100, 100);
                break;
            case EQ5D_TTO_CHANGE:
                value = f.decimal("value", -2, 2);
                break;
            case COUNT:
                value = f.integer("value", 0, 1_000_000);
                break;
            default:
                value = f.decimal("value", -1e9, 1e9);
        }
        Integer of = f.optionalInteger("of", 1, 1_000_000).orElse(null);
        if (of != null && (measure != Measure.COUNT || value > of)) {
            throw f.fieldError("of", measure != Measure.COUNT ? "is only for a count" : "must be at least the count " + (int) value);
        }
        String label = f.optionalText("label").orElse(null);
        if (label == null && (measure == Measure.SHARE || measure == Measure.COUNT || measure == Measure.OTHER)) {
            throw f.fieldError("label", "is required for a " + measure.name().toLowerCase(java.util.Locale.ROOT) + ": say what it counts");
        }
        String unit = f.optionalText("unit").orElse(null);
        if ((unit != null) != (measure == Measure.OTHER)) {
            throw f.fieldError("unit", measure == Measure.OTHER ? "is required for an other figure" : "is only for an other figure");
        }
        Double vas = f.optionalDecimal("converted_from_vas_mm", -100, 100).orElse(null);
        if (vas != null) {
            if (measure != Measure.PAIN && measure != Measure.PAIN_CHANGE) {
                throw f.fieldError("converted_from_vas_mm", "is only for pain figures");
            }
            if (Math.abs(vas / 10 - value) > 1e-9) {
                throw f.fieldError("value", "must be the VAS millimetres divided by 10: " + vas + " mm is " + (vas / 10));
            }
        }
        return new BenchmarkFigure(timepoint, measure, arm, value, of, unit, label, vas, f.optionalText("note").orElse(null));
    }

    /** Every benchmark, in id order. */
    public List<Benchmark> all() {
        List<Benchmark> all = new ArrayList<>(byId.values());
        all.sort(java.util.Comparator.comparing(Benchmark::id));
        return all;
    }

    public Optional<Benchmark> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }
}
