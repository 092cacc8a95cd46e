package org.ilium.followup.domain;

/** Where a timepoint stands on a date. */
public enum TimepointStatus {
    /** The window has not opened yet. */
    UPCOMING,
    /** Inside the window (both ends included) and not completed. */
    DUE,
    COMPLETED,
    /** The window closed without a completion. */
    MISSED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
