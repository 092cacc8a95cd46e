package org.ilium.outcomes.domain;

/**
 * Responder thresholds for the Oswestry Disability Index (0-100 points): a clinically important improvement is a
 * decrease of at least {@code importantImprovement} points, a substantial clinical benefit one of at least
 * {@code substantialImprovement}. The values come from content ({@code content/outcomes/thresholds.yaml}).
 */
public record OdiThresholds(double importantImprovement, double substantialImprovement) {
    public OdiThresholds {
        for (double v : new double[] {importantImprovement, substantialImprovement}) {
            if (!(v >= 0 && v <= 100)) {
                throw new IllegalArgumentException("ODI thresholds are points within 0-100, got " + v);
            }
        }
    }

    public Improvement classify(double baseline, double followUp) {
        for (double v : new double[] {baseline, followUp}) {
            if (!(v >= 0 && v <= 100)) {
                throw new IllegalArgumentException("An ODI score must be within 0-100, got " + v);
            }
        }
        double improvement = baseline - followUp;
        return new Improvement(improvement, Improvement.atLeast(improvement, importantImprovement),
                Improvement.atLeast(improvement, substantialImprovement));
    }
}
