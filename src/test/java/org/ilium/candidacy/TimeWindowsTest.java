package org.ilium.candidacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.candidacy.CaseBuilder.day;

import org.ilium.candidacy.domain.TimeWindows;
import org.junit.jupiter.api.Test;

class TimeWindowsTest {
    @Test
    void monthsOrMoreCountCalendarMonths() {
        assertThat(TimeWindows.atLeastMonths(day("2025-09-02"), day("2026-03-02"), 6)).isTrue();
        assertThat(TimeWindows.atLeastMonths(day("2025-09-03"), day("2026-03-02"), 6)).isFalse();
        // 2025-08-31 + 6 months = 2026-02-28
        assertThat(TimeWindows.atLeastMonths(day("2025-08-31"), day("2026-02-28"), 6)).isTrue();
        assertThat(TimeWindows.atLeastMonths(day("2025-08-31"), day("2026-02-27"), 6)).isFalse();
    }

    @Test
    void withinMonthsIncludesBothEnds() {
        assertThat(TimeWindows.withinMonths(day("2025-09-02"), day("2026-03-02"), 6)).isTrue();
        assertThat(TimeWindows.withinMonths(day("2025-09-01"), day("2026-03-02"), 6)).isFalse();
        assertThat(TimeWindows.withinMonths(day("2026-03-02"), day("2026-03-02"), 6)).isTrue();
        assertThat(TimeWindows.withinMonths(day("2026-03-03"), day("2026-03-02"), 6)).isFalse();
        assertThat(TimeWindows.withinDays(day("2025-12-02"), day("2026-03-02"), 90)).isTrue();
        assertThat(TimeWindows.withinDays(day("2025-12-01"), day("2026-03-02"), 90)).isFalse();
    }

    @Test
    void rollingTwelveMonthsEndOnTheSession() {
        assertThat(TimeWindows.rollingStart(day("2026-03-03"), 12)).isEqualTo(day("2025-03-04"));
        assertThat(TimeWindows.rollingStart(day("2024-02-29"), 12)).isEqualTo(day("2023-03-01"));
    }
}
