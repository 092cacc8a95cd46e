package org.ilium.candidacy.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ilium.patient.domain.Side;
import org.ilium.workup.domain.PainScore;
import org.ilium.workup.domain.SymptomHistory;

/**
 * The pain has the SI joint pattern (NASS): unilateral, caudal to L5, over the posterior SI joint, each
 * required when its flag is true, each read from the latest symptom history that records it. For a
 * bilateral episode "unilateral" does not apply. With {@code sideMustMatch} the latest pain score with a
 * side must not place the pain on the other side than the episode's (left against right).
 */
public final class PainPatternCriterion extends Criterion {
    private enum Feature {
        UNILATERAL("unilateral"), CAUDAL_TO_L5("caudal to L5"), OVER_POSTERIOR_SIJ("over the posterior SI joint");

        final String words;

        Feature(String words) {
            this.words = words;
        }

        Boolean of(SymptomHistory h) {
            switch (this) {
                case UNILATERAL:
                    return h.unilateral();
                case CAUDAL_TO_L5:
                    return h.caudalToL5();
                default:
                    return h.overPosteriorSij();
            }
        }
    }

    private final boolean unilateral;
    private final boolean caudalToL5;
    private final boolean overPosteriorSij;
    private final boolean sideMustMatch;

    public PainPatternCriterion(Info info, boolean unilateral, boolean caudalToL5, boolean overPosteriorSij, boolean sideMustMatch) {
        super(CriterionKind.PAIN_PATTERN, info, thresholds(unilateral, caudalToL5, overPosteriorSij, sideMustMatch));
        if (!unilateral && !caudalToL5 && !overPosteriorSij && !sideMustMatch) {
            throw new CriterionDefinitionException(null, "requires nothing: set at least one of unilateral, caudalToL5, "
                    + "overPosteriorSij, sideMustMatch");
        }
        this.unilateral = unilateral;
        this.caudalToL5 = caudalToL5;
        this.overPosteriorSij = overPosteriorSij;
        this.sideMustMatch = sideMustMatch;
    }

    private static Map<String, String> thresholds(boolean u, boolean c, boolean o, boolean s) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("unilateral", Boolean.toString(u));
        t.put("caudalToL5", Boolean.toString(c));
        t.put("overPosteriorSij", Boolean.toString(o));
        t.put("sideMustMatch", Boolean.toString(s));
        return t;
    }

    @Override
    Check check(CaseView view, LocalDate date) {
        List<Evidence> evidence = new ArrayList<>(4);
        StringBuilder no = new StringBuilder();
        StringBuilder unknown = new StringBuilder();
        StringBuilder yes = new StringBuilder();
        boolean bilateral = view.side() == Side.BILATERAL;
        for (Feature f : Feature.values()) {
            boolean required = f == Feature.UNILATERAL ? unilateral && !bilateral
                    : f == Feature.CAUDAL_TO_L5 ? caudalToL5 : overPosteriorSij;
            if (!required) {
                continue;
            }
            SymptomHistory found = null;
            List<SymptomHistory> all = view.symptomHistory();
            for (int i = all.size() - 1; i >= 0; i--) {
                if (f.of(all.get(i)) != null) {
                    found = all.get(i);
                    break;
                }
            }
            if (found == null) {
                append(unknown, f.words);
                continue;
            }
            boolean value = f.of(found);
            evidence.add(Evidence.of(found, "pain " + f.words, value ? "yes" : "no"));
            append(value ? yes : no, f.words);
        }
        String mismatch = null;
        if (sideMustMatch && !bilateral) {
            List<PainScore> scores = view.painScores();
            for (int i = scores.size() - 1; i >= 0; i--) {
                PainScore s = scores.get(i);
                if (s.side() != null) {
                    if (s.side() != Side.BILATERAL && s.side() != view.side()) {
                        evidence.add(Evidence.of(s, "side of pain", Format.side(s.side())));
                        mismatch = "the pain score of " + s.date() + " places the pain on the " + Format.side(s.side())
                                + ", the episode treats the " + Format.side(view.side());
                    }
                    break;
                }
            }
        }
        if (no.length() > 0 || mismatch != null) {
            StringBuilder text = new StringBuilder("The pain pattern does not fit the SI joint: ");
            if (no.length() > 0) {
                text.append("not ").append(no);
            }
            if (mismatch != null) {
                text.append(no.length() > 0 ? "; " : "").append(mismatch);
            }
            return Check.notMet(text.append('.').toString(), evidence);
        }
        if (unknown.length() > 0) {
            return Check.unknown("Not recorded whether the pain is " + unknown + (yes.length() > 0 ? " (it is " + yes + ")." : "."),
                    evidence);
        }
        return Check.met(yes.length() == 0 ? "The pain is on the episode's side." : "The pain is " + yes + '.', evidence);
    }

    private static void append(StringBuilder out, String words) {
        if (out.length() > 0) {
            out.append(", ");
        }
        out.append(words);
    }
}
