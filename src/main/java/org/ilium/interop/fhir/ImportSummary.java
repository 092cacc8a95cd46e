package org.ilium.interop.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one import did. A Bundle's counts are kept apart until its transaction commits and then added here,
 * so a rejected Bundle counts only as rejected. The three patient figures count distinct patients seen in
 * this run (stored now or before), so a re-run reports the same figures.
 */
public final class ImportSummary {
    public record Rejection(String file, String entry, String reason) {
    }

    long bundles;
    long patients;
    final Map<String, Long> read = new TreeMap<>();
    final Map<String, Long> stored = new TreeMap<>();
    final Map<String, Long> unchanged = new TreeMap<>();
    final Map<String, Long> skipped = new TreeMap<>();
    final List<Rejection> rejected = new ArrayList<>();
    final Set<UUID> lowBackPain = new HashSet<>();
    final Set<UUID> opioidExposed = new HashSet<>();
    /** Latest smoking status per patient: date + status. */
    final Map<UUID, String[]> smoking = new HashMap<>();
    double seconds;
    /** Closing moves of imported Ilium episodes, done at the end of the run (FhirImport.closeEpisodes). */
    final List<Close> closes = new ArrayList<>();

    record Close(String sourceId, UUID patientId, UUID episodeId, Boolean candidate, String reason, java.time.LocalDate on) {
    }

    static void add(Map<String, Long> counts, String type) {
        counts.merge(type, 1L, Long::sum);
    }

    void smoking(UUID patient, String date, String status) {
        smoking.merge(patient, new String[] {date, status}, (a, b) -> a[0].compareTo(b[0]) > 0 ? a : b);
    }

    void addAll(ImportSummary b) {
        bundles += b.bundles;
        patients += b.patients;
        b.read.forEach((k, v) -> read.merge(k, v, Long::sum));
        b.stored.forEach((k, v) -> stored.merge(k, v, Long::sum));
        b.unchanged.forEach((k, v) -> unchanged.merge(k, v, Long::sum));
        b.skipped.forEach((k, v) -> skipped.merge(k, v, Long::sum));
        rejected.addAll(b.rejected);
        closes.addAll(b.closes);
        lowBackPain.addAll(b.lowBackPain);
        opioidExposed.addAll(b.opioidExposed);
        b.smoking.forEach((p, s) -> smoking(p, s[0], s[1]));
    }

    public long bundles() {
        return bundles;
    }

    public List<Rejection> rejected() {
        return rejected;
    }

    public long storedTotal() {
        return stored.values().stream().mapToLong(Long::longValue).sum();
    }

    public long readTotal() {
        return read.values().stream().mapToLong(Long::longValue).sum();
    }

    public long unchangedTotal() {
        return unchanged.values().stream().mapToLong(Long::longValue).sum();
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public long patients() {
        return patients;
    }

    public double seconds() {
        return seconds;
    }

    public long currentSmokers() {
        return smoking.values().stream().filter(s -> "current".equals(s[1])).count();
    }

    /** The summary as printed by {@code ilium import --json} (docs/fhir-import.md). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bundles", bundles);
        m.put("patients", patients);
        m.put("read", read);
        m.put("stored", stored);
        m.put("unchanged", unchanged);
        m.put("skipped", skipped);
        List<Map<String, Object>> rej = new ArrayList<>();
        for (Rejection r : rejected) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("file", r.file());
            e.put("entry", r.entry());
            e.put("reason", r.reason());
            rej.add(e);
        }
        m.put("rejected", rej);
        m.put("chronicLowBackPain", lowBackPain.size());
        m.put("currentSmokers", currentSmokers());
        m.put("opioidExposed", opioidExposed.size());
        m.put("seconds", Math.round(seconds * 1000) / 1000.0);
        return m;
    }
}
