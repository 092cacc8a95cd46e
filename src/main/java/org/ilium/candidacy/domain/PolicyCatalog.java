package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every version of every policy, immutable. Versions of one id must not overlap in time, so that on any
 * date at most one version of an id is in effect. "Latest" means the version with the latest effectiveFrom.
 */
public final class PolicyCatalog {
    private final List<Policy> policies;

    public PolicyCatalog(List<Policy> policies) {
        List<Policy> sorted = new ArrayList<>(policies);
        sorted.sort(Comparator.comparing(Policy::id).thenComparing(Policy::effectiveFrom));
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size() && sorted.get(j).id().equals(sorted.get(i).id()); j++) {
                Policy a = sorted.get(i);
                Policy b = sorted.get(j);
                if (a.version().equals(b.version())) {
                    throw new IllegalArgumentException("policy " + a.id() + " version " + a.version() + " is given twice");
                }
                if (a.overlaps(b)) {
                    throw new IllegalArgumentException("policy " + a.id() + ": version " + a.version() + " (" + a.effectivePeriod()
                            + ") overlaps version " + b.version() + " (" + b.effectivePeriod() + ")");
                }
            }
        }
        this.policies = List.copyOf(sorted);
    }

    /** All versions, by id then effectiveFrom. */
    public List<Policy> all() {
        return policies;
    }

    /** The versions in effect on the date, one per id at most, by id. */
    public List<Policy> activeOn(LocalDate date) {
        List<Policy> active = new ArrayList<>();
        for (Policy p : policies) {
            if (p.activeOn(date)) {
                active.add(p);
            }
        }
        return List.copyOf(active);
    }

    /** The version of that id in effect on the date. */
    public Optional<Policy> find(String id, LocalDate date) {
        for (Policy p : policies) {
            if (p.id().equals(id) && p.activeOn(date)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The latest version of that id (latest effectiveFrom). */
    public Optional<Policy> find(String id) {
        Policy latest = null;
        for (Policy p : policies) {
            if (p.id().equals(id)) {
                latest = p;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** One version by id and version string. */
    public Optional<Policy> find(String id, String version) {
        for (Policy p : policies) {
            if (p.id().equals(id) && p.version().equals(version)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The distinct policy ids, sorted. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (Policy p : policies) {
            if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(p.id())) {
                ids.add(p.id());
            }
        }
        return ids;
    }
}
