package org.ilium.outcomes.domain;

/** The scale a pain score was recorded on; thresholds are kept in VAS millimetres (0-100). */
public enum PainScale {
    /** Numeric rating 0-10; times 10 to compare with thresholds in millimetres. */
    NRS_0_10(10),
    /** Visual analogue scale 0-100 mm. */
    VAS_0_100(1);

    private final double toMillimetres;

    PainScale(double toMillimetres) {
        this.toMillimetres = toMillimetres;
    }

    /** The score in VAS millimetres (0-100). */
    public double toMillimetres(double score) {
        double max = 100 / toMillimetres;
        if (!(score >= 0 && score <= max)) {
            throw new IllegalArgumentException("A " + name() + " score must be within 0-" + (int) max + ", got " + score);
        }
        return score * toMillimetres;
    }
}
