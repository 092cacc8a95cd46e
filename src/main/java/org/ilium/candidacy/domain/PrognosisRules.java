package org.ilium.candidacy.domain;

import java.util.ArrayList;
import java.util.List;
import org.ilium.workup.domain.RiskFactor;

/**
 * Prognostic factors (content: {@code content/prognosis.yaml}) turned into notes for a case. They inform
 * the conversation with the patient and never change a determination.
 */
public final class PrognosisRules {
    private final List<PrognosticRule> rules;

    public PrognosisRules(List<PrognosticRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<PrognosticRule> rules() {
        return rules;
    }

    /** The notes that apply to the case on its view's date, in the order of the rules. */
    public List<PrognosticNote> notes(CaseView view) {
        Integer age = view.age();
        Long months = view.symptomMonths();
        RiskFactor smoking = view.latest(RiskFactor.Type.SMOKING_STATUS);
        RiskFactor opioids = view.latest(RiskFactor.Type.CHRONIC_OPIOID_USE);
        RiskFactor fusion = view.latest(RiskFactor.Type.PRIOR_LUMBAR_FUSION);
        List<PrognosticNote> notes = new ArrayList<>(3);
        for (PrognosticRule r : rules) {
            boolean applies;
            switch (r.factor()) {
                case CURRENT_SMOKING:
                    applies = smoking != null && "current".equals(smoking.status());
                    break;
                case CHRONIC_OPIOID_USE:
                    applies = opioids != null && Boolean.TRUE.equals(opioids.present());
                    break;
                case PRIOR_LUMBAR_FUSION:
                    applies = fusion != null && Boolean.TRUE.equals(fusion.present());
                    break;
                case YOUNGER_AGE:
                    applies = age != null && age < r.ageYears();
                    break;
                case SHORTER_DURATION:
                    applies = months != null && months < r.months();
                    break;
                case OLDER_LONG_DURATION_NO_PRIOR_FUSION:
                    applies = age != null && age >= r.ageYears() && months != null && months >= r.months() && fusion != null
                            && Boolean.FALSE.equals(fusion.present());
                    break;
                default:
                    applies = false;
            }
            if (applies) {
                notes.add(new PrognosticNote(r.factor().code(), r.direction(), render(r.note(), age, months), r.citation()));
            }
        }
        return notes;
    }

    private static String render(String note, Integer age, Long months) {
        if (note.indexOf('{') < 0) {
            return note;
        }
        return note.replace("{age}", age == null ? "unknown" : age.toString()).replace("{months}",
                months == null ? "unknown" : months.toString());
    }
}
