package org.ilium.outcomes.domain;

import java.util.List;

/**
 * Where the age and symptom-duration subgroups of the report split. The sources name younger age and a shorter
 * duration as factors (REFERENCE 7) but give no cut-off, so the values are content a site may edit: the prognostic
 * factors' {@code younger_age.ageYears} and {@code shorter_duration.months} ({@code content/prognosis.yaml}), the same
 * values that decide the prognostic notes of a determination. Group ids carry the cut-off ({@code under_50},
 * {@code 50_and_over}; {@code under_2_years}, or {@code under_18_months} when the months are not whole years).
 */
public record SubgroupCutoffs(int ageYears, int symptomMonths) {
    /** The values of Ilium's own content, for analyses without a content library. */
    public static final SubgroupCutoffs DEFAULT = new SubgroupCutoffs(50, 24);

    public SubgroupCutoffs {
        if (ageYears < 1 || ageYears > 120 || symptomMonths < 1 || symptomMonths > 1200) {
            throw new IllegalArgumentException("subgroup cut-offs out of range: age " + ageYears + " years, symptoms " + symptomMonths + " months");
        }
    }

    public List<String> ageGroups() {
        return List.of("under_" + ageYears, ageYears + "_and_over");
    }

    public List<String> durationGroups() {
        String d = symptomMonths % 12 == 0 ? symptomMonths / 12 + "_years" : symptomMonths + "_months";
        return List.of("under_" + d, d + "_and_over");
    }

    /** The label of an age or duration group, null for another id. */
    String label(String group) {
        List<String> age = ageGroups();
        List<String> duration = durationGroups();
        String span = symptomMonths % 12 == 0 ? years(symptomMonths / 12) : symptomMonths + " months";
        if (group.equals(age.get(0))) {
            return "Under " + ageYears + " years";
        } else if (group.equals(age.get(1))) {
            return ageYears + " years or older";
        } else if (group.equals(duration.get(0))) {
            return "Under " + span;
        } else if (group.equals(duration.get(1))) {
            return span + " or longer";
        }
        return null;
    }

    private static String years(int n) {
        return n == 1 ? "1 year" : n + " years";
    }
}
