package org.ilium.outcomes.cohort;

/** Told after each stored batch of a synthetic cohort: patients stored so far of the total. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> { };

    void progress(int done, int total);
}
