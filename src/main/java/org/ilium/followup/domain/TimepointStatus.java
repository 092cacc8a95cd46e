package org.ilium.followup.domain;

/** Where a timepoint stands on a date. */
public enum TimepointStatus {
    /** The window has not opened yet. */
    UPCOMING,
    /** The window is open, the target date not yet reached: answers are welcome. */
    OPEN,
    /** From the target date until the window closes (inclusive), not completed. */
    DUE,
    COMPLETED,
    /** The window closed without a completion. */
    MISSED;

    /** Whether the patient can answer now: OPEN or DUE. */
    public boolean answerable() {
        return this == OPEN || this == DUE;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
