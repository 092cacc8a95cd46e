package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ilium.workup.domain.Imaging;

/**
 * Imaging of one of {@code regions} by one of {@code modalities} (optionally within {@code withinMonths})
 * in which every condition in {@code excludes} was assessed and found absent. Each condition is judged by
 * the latest such study that assessed it. A condition present: NOT_MET; a condition no such study
 * assessed, or no such study at all: UNKNOWN.
 */
public final class ImagingCriterion extends Criterion {
    private static final Imaging.Finding[] FINDINGS = Imaging.Finding.values();

    private final Set<Imaging.Region> regions;
    private final Set<Imaging.Modality> modalities;
    private final Integer withinMonths;
    private final Set<Imaging.Finding> excludes;
    private final Imaging.Finding[] excluded;
    private final String studyWords;

    public ImagingCriterion(Info info, Set<Imaging.Region> regions, Set<Imaging.Modality> modalities, Integer withinMonths,
            Set<Imaging.Finding> excludes) {
        super(CriterionKind.IMAGING, info, thresholds(regions, modalities, withinMonths, excludes));
        if (regions.isEmpty()) {
            throw new CriterionDefinitionException("regions", "must name at least one region");
        }
        if (modalities.isEmpty()) {
            throw new CriterionDefinitionException("modalities", "must name at least one modality");
        }
        this.regions = Collections.unmodifiableSet(EnumSet.copyOf(regions));
        this.modalities = Collections.unmodifiableSet(EnumSet.copyOf(modalities));
        this.withinMonths = withinMonths;
        this.excludes = excludes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(excludes));
        this.excluded = this.excludes.toArray(new Imaging.Finding[0]);
        StringBuilder words = new StringBuilder();
        int n = 0;
        for (Imaging.Modality m : this.modalities) {
            words.append(n == 0 ? "" : n == this.modalities.size() - 1 ? " or " : ", ").append(modality(m));
            n++;
        }
        words.append(" of the ").append(Format.orList(this.regions));
        this.studyWords = words.toString();
    }

    private static Map<String, String> thresholds(Set<Imaging.Region> regions, Set<Imaging.Modality> modalities, Integer within,
            Set<Imaging.Finding> excludes) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("regions", regions.isEmpty() ? "" : Format.codes(EnumSet.copyOf(regions)));
        t.put("modalities", modalities.isEmpty() ? "" : Format.codes(EnumSet.copyOf(modalities)));
        if (within != null) {
            t.put("withinMonths", within.toString());
        }
        t.put("excludes", excludes.isEmpty() ? "none" : Format.codes(EnumSet.copyOf(excludes)));
        return t;
    }

    public Set<Imaging.Region> regions() {
        return regions;
    }

    public Set<Imaging.Modality> modalities() {
        return modalities;
    }

    public Integer withinMonths() {
        return withinMonths;
    }

    public Set<Imaging.Finding> excludes() {
        return excludes;
    }

    @Override
    Check check(CaseView view, LocalDate date) {
        Imaging[] judgedBy = new Imaging[FINDINGS.length];
        Imaging latestStudy = null;
        Imaging olderStudy = null;
        for (Imaging i : view.imaging()) {
            if (!regions.contains(i.region()) || !modalities.contains(i.modality())) {
                continue;
            }
            if (withinMonths != null && !TimeWindows.withinMonths(i.date(), date, withinMonths)) {
                olderStudy = i;
                continue;
            }
            latestStudy = i;
            Map<Imaging.Finding, Boolean> findings = i.findings();
            for (Imaging.Finding f : excluded) {
                if (findings != null && findings.get(f) != null) {
                    judgedBy[f.ordinal()] = i;
                }
            }
        }
        if (latestStudy == null) {
            StringBuilder text = new StringBuilder("No ").append(studyWords);
            if (withinMonths != null) {
                text.append(" within ").append(withinMonths).append(" months");
            }
            if (olderStudy != null) {
                text.append("; the latest is of ").append(olderStudy.date());
            }
            return Check.unknown(text.append('.').toString(),
                    olderStudy == null ? none() : List.of(Evidence.of(olderStudy, study(olderStudy), "outside the time window")));
        }
        List<Evidence> evidence = new ArrayList<>(excluded.length + 1);
        StringBuilder present = new StringBuilder();
        StringBuilder absent = new StringBuilder();
        StringBuilder unassessed = new StringBuilder();
        for (Imaging.Finding f : excluded) {
            Imaging i = judgedBy[f.ordinal()];
            if (i == null) {
                unassessed.append(unassessed.length() > 0 ? ", " : "").append(Format.words(f));
                continue;
            }
            boolean found = i.findings().get(f);
            evidence.add(Evidence.of(i, study(i) + ": " + Format.words(f), found ? "present" : "absent"));
            if (found) {
                present.append(present.length() > 0 ? ", " : "").append(Format.words(f)).append(" (").append(study(i)).append(" of ")
                        .append(i.date()).append(')');
            } else {
                absent.append(absent.length() > 0 ? ", " : "").append(Format.words(f));
            }
        }
        if (present.length() > 0) {
            return Check.notMet("Imaging shows " + present + '.', evidence);
        }
        if (unassessed.length() > 0) {
            return Check.unknown("Not assessed on " + studyWords + (withinMonths == null ? "" : " within " + withinMonths + " months")
                    + ": " + unassessed + (absent.length() > 0 ? " (ruled out: " + absent + ")." : "."), evidence);
        }
        if (excluded.length == 0) {
            evidence.add(Evidence.of(latestStudy, study(latestStudy), "done"));
            return Check.met(study(latestStudy) + " done on " + latestStudy.date() + '.', evidence);
        }
        return Check.met("Ruled out on " + studyWords + ": " + absent + '.', evidence);
    }

    private static String study(Imaging i) {
        return modality(i.modality()) + " " + Format.words(i.region());
    }

    private static String modality(Imaging.Modality m) {
        return m == Imaging.Modality.XRAY ? "X-ray" : m == Imaging.Modality.BONE_SCAN ? "bone scan" : m.name();
    }
}
