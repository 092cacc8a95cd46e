package org.ilium.outcomes.domain;

/**
 * Responder thresholds for pain, in VAS millimetres (0-100): a clinically important improvement is a decrease of at
 * least {@code importantImprovement}; a substantial clinical benefit is a decrease of at least
 * {@code substantialImprovement} or a final score of at most {@code substantialFinalAtMost}. The values come from
 * content ({@code content/outcomes/thresholds.yaml}).
 */
public record PainThresholds(double importantImprovement, double substantialImprovement, double substantialFinalAtMost) {
    public PainThresholds {
        for (double v : new double[] {importantImprovement, substantialImprovement, substantialFinalAtMost}) {
            if (!(v >= 0 && v <= 100)) {
                throw new IllegalArgumentException("Pain thresholds are VAS millimetres within 0-100, got " + v);
            }
        }
    }

    /** Classifies a patient's change; scores on {@code scale}, converted to millimetres (NRS x 10). */
    public Improvement classify(double baseline, double followUp, PainScale scale) {
        double before = scale.toMillimetres(baseline);
        double after = scale.toMillimetres(followUp);
        double improvement = before - after;
        return new Improvement(improvement, Improvement.atLeast(improvement, importantImprovement),
                Improvement.atLeast(improvement, substantialImprovement) || Improvement.atLeast(-after, -substantialFinalAtMost));
    }
}
