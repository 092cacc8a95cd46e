package org.ilium.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The latest calendar date anywhere on Earth (UTC+14): a date after it is in the future for everyone,
 * so checks against it never refuse a date that is already "today" for a patient somewhere.
 */
public final class LatestDate {
    private static final ZoneOffset EARLIEST_ZONE_ON_EARTH = ZoneOffset.ofHours(14);

    private LatestDate() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(EARLIEST_ZONE_ON_EARTH));
    }

    public static LocalDate at(Instant instant) {
        return LocalDate.ofInstant(instant, EARLIEST_ZONE_ON_EARTH);
    }
}
