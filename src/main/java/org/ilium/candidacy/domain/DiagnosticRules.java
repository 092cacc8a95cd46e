package org.ilium.candidacy.domain;

import java.util.ArrayList;
import java.util.List;
import org.ilium.patient.domain.Side;
import org.ilium.workup.domain.ProvocationTest;
import org.ilium.workup.domain.ProvocationTestType;

/**
 * Diagnostic knowledge that is reported whatever the policy: the provocation cluster with its published
 * accuracy. Loaded from {@code content/diagnostics/*.yaml}.
 */
public final class DiagnosticRules {
    private final ProvocationClusterRule cluster;
    private final boolean[] counted = new boolean[ProvocationTestType.values().length];

    public DiagnosticRules(ProvocationClusterRule cluster) {
        this.cluster = cluster;
        for (ProvocationTestType t : cluster.tests()) {
            counted[t.ordinal()] = true;
        }
    }

    public ProvocationClusterRule clusterRule() {
        return cluster;
    }

    /**
     * The cluster on the episode's side: the latest result of each test type (a test on both sides counts
     * for either), counted as recorded. For a bilateral episode each side is counted and the side with fewer
     * positive tests is reported, both counts named in the interpretation. {@code positive} is true at the
     * threshold, false when even the tests not done could not reach it, otherwise null.
     */
    public ProvocationCluster cluster(CaseView view) {
        List<Side> sides = view.sides();
        Tally shown = null;
        StringBuilder both = new StringBuilder();
        for (Side side : sides) {
            Tally t = tally(view, side);
            if (sides.size() > 1) {
                both.append(both.length() == 0 ? "Left " : ", right ").append(t.positive).append(" of ").append(t.performed)
                        .append(" positive");
            }
            if (shown == null || t.positive < shown.positive) {
                shown = t;
            }
        }
        int total = cluster.tests().size();
        Boolean positive = shown.positive >= cluster.positiveAt() ? Boolean.TRUE
                : shown.positive + (total - shown.performed) < cluster.positiveAt() ? Boolean.FALSE : null;
        String template = positive == null ? cluster.undeterminedText()
                : positive ? cluster.positiveText()
                : shown.positive == 0 && shown.performed == total ? cluster.allNegativeText() : cluster.negativeText();
        String interpretation = render(template, shown, total);
        if (sides.size() > 1) {
            interpretation = both + "; the " + (shown.side == Side.LEFT ? "left" : "right") + " is shown. " + interpretation;
        }
        return new ProvocationCluster(shown.performed, shown.positive, positive, interpretation, cluster.sensitivity(),
                cluster.specificity(), cluster.positiveLikelihoodRatio(), cluster.negativeLikelihoodRatio(), shown.evidence,
                cluster.citation());
    }

    private static final class Tally {
        Side side;
        int performed;
        int positive;
        List<Evidence> evidence;
    }

    private Tally tally(CaseView view, Side side) {
        ProvocationTest[] latest = new ProvocationTest[counted.length];
        for (ProvocationTest t : view.provocationTests()) {
            if (t.test() != null && counted[t.test().ordinal()] && CaseView.covers(t.side(), side)) {
                latest[t.test().ordinal()] = t;
            }
        }
        Tally tally = new Tally();
        tally.side = side;
        tally.evidence = new ArrayList<>(6);
        for (ProvocationTest t : latest) {
            if (t != null) {
                tally.performed++;
                tally.positive += t.positive() ? 1 : 0;
                tally.evidence.add(Evidence.of(t, Format.words(t.test()) + " test, " + Format.side(side), t.positive() ? "positive" : "negative"));
            }
        }
        return tally;
    }

    private String render(String template, Tally t, int total) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            String name = template.substring(open + 1, close);
            switch (name) {
                case "positive" -> out.append(t.positive);
                case "performed" -> out.append(t.performed);
                case "total" -> out.append(total);
                case "positiveAt" -> out.append(cluster.positiveAt());
                case "sensitivity" -> out.append(Format.num(cluster.sensitivity() * 100)).append(" %");
                case "specificity" -> out.append(Format.num(cluster.specificity() * 100)).append(" %");
                case "positiveLikelihoodRatio" -> out.append(Format.num(cluster.positiveLikelihoodRatio()));
                case "negativeLikelihoodRatio" -> out.append(Format.num(cluster.negativeLikelihoodRatio()));
                default -> out.append('{').append(name).append('}');
            }
            i = close + 1;
        }
        return out.toString();
    }

    /** Placeholders interpretation texts may use. */
    public static final List<String> PLACEHOLDERS = List.of("positive", "performed", "total", "positiveAt", "sensitivity",
            "specificity", "positiveLikelihoodRatio", "negativeLikelihoodRatio");
}
