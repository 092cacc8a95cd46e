package org.ilium.followup;

/**
 * The response of one timepoint across a site's enrolled episodes whose window has opened ({@code opened} =
 * completed + missed + open); {@code rate} is completed / (completed + missed), null while both are 0.
 */
public record ResponseRate(String timepointId, String label, int opened, int completed, int missed, int open, Double rate) {
}
