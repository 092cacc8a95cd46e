package org.ilium.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    static final List<String> I = List.of("back_pain_nrs");

    static Timepoint tp(String id, String offset, String before, String after) {
        return new Timepoint(id, id, false, Offset.parse(offset), Offset.parse(before), Offset.parse(after), I, true);
    }

    static final Timepoint BASELINE = new Timepoint("baseline", "Baseline", true, Offset.ZERO, Offset.days(30), Offset.ZERO, I, false);
    static final Protocol PROTOCOL = new Protocol("p", "1", "P", null, List.of(BASELINE, tp("1m", "1m", "0", "0"),
            tp("6w", "6w", "1w", "2w"), tp("12m", "12m", "1m", "2m"), tp("5y", "5y", "3m", "6m")),
            List.of(new Milestone("walking_aid", "Walking aid", Offset.ZERO, Offset.weeks(3), "seed 000", false),
                    new Milestone("careful", "Careful walking", Offset.weeks(3), Offset.weeks(7), "seed 000", false),
                    new Milestone("heavy", "Heavier work", Offset.months(3), null, null, true)));

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void monthsClampToTheLastDayOfAShorterMonth() {
        assertThat(Offset.months(1).after(d("2024-01-31"))).isEqualTo(d("2024-02-29"));
        assertThat(Offset.months(1).after(d("2023-01-31"))).isEqualTo(d("2023-02-28"));
        assertThat(Offset.months(3).after(d("2024-11-30"))).isEqualTo(d("2025-02-28"));
        assertThat(Offset.months(6).after(d("2024-08-31"))).isEqualTo(d("2025-02-28"));
        assertThat(Offset.months(1).after(d("2024-03-31"))).isEqualTo(d("2024-04-30"));
        assertThat(Offset.months(1).before(d("2024-03-31"))).isEqualTo(d("2024-02-29"));
    }

    @Test
    void leapDaysMoveToTheTwentyEighthInOtherYearsAndBackToTheTwentyNinthInLeapYears() {
        assertThat(Offset.months(12).after(d("2024-02-29"))).isEqualTo(d("2025-02-28"));
        assertThat(Offset.months(24).after(d("2024-02-29"))).isEqualTo(d("2026-02-28"));
        assertThat(Offset.years(5).after(d("2024-02-29"))).isEqualTo(d("2029-02-28"));
        assertThat(Offset.years(4).after(d("2024-02-29"))).isEqualTo(d("2028-02-29"));
        assertThat(Offset.months(48).after(d("2024-02-29"))).isEqualTo(d("2028-02-29"));
        // weeks and days are exact days, across the leap day
        assertThat(Offset.weeks(2).after(d("2024-02-20"))).isEqualTo(d("2024-03-05"));
        assertThat(Offset.days(30).before(d("2024-03-15"))).isEqualTo(d("2024-02-14"));
    }

    @Test
    void everyTargetIsCountedFromTheSurgeryDateSoNothingDrifts() {
        Schedule s = Schedule.of(PROTOCOL, d("2024-01-31"), Map.of());
        assertThat(s.timepoint("1m").target()).isEqualTo(d("2024-02-29"));
        assertThat(s.timepoint("12m").target()).isEqualTo(d("2025-01-31"));
        assertThat(s.timepoint("5y").target()).isEqualTo(d("2029-01-31"));
        Schedule leap = Schedule.of(PROTOCOL, d("2024-02-29"), Map.of());
        assertThat(leap.timepoint("12m").target()).isEqualTo(d("2025-02-28"));
        assertThat(leap.timepoint("12m").opens()).isEqualTo(d("2025-01-28"));
        assertThat(leap.timepoint("12m").closes()).isEqualTo(d("2025-04-28"));
        assertThat(leap.timepoint("5y").target()).isEqualTo(d("2029-02-28"));
        assertThat(leap.timepoint("5y").opens()).isEqualTo(d("2028-11-28"));
        assertThat(leap.timepoint("5y").closes()).isEqualTo(d("2029-08-28"));
    }

    @Test
    void windowsIncludeBothEnds() {
        Schedule s = Schedule.of(PROTOCOL, d("2025-06-15"), Map.of());
        ScheduledTimepoint sixWeeks = s.timepoint("6w");
        assertThat(sixWeeks.target()).isEqualTo(d("2025-07-27"));
        assertThat(sixWeeks.opens()).isEqualTo(d("2025-07-20"));
        assertThat(sixWeeks.closes()).isEqualTo(d("2025-08-10"));
        assertThat(sixWeeks.statusOn(d("2025-07-19"))).isEqualTo(TimepointStatus.UPCOMING);
        assertThat(sixWeeks.statusOn(d("2025-07-20"))).isEqualTo(TimepointStatus.OPEN);
        assertThat(sixWeeks.statusOn(d("2025-07-26"))).isEqualTo(TimepointStatus.OPEN);
        assertThat(sixWeeks.statusOn(d("2025-07-27"))).isEqualTo(TimepointStatus.DUE);
        assertThat(sixWeeks.statusOn(d("2025-08-10"))).isEqualTo(TimepointStatus.DUE);
        assertThat(sixWeeks.statusOn(d("2025-08-11"))).isEqualTo(TimepointStatus.MISSED);
        ScheduledTimepoint oneDay = s.timepoint("1m");
        assertThat(oneDay.statusOn(d("2025-07-15"))).isEqualTo(TimepointStatus.DUE);
        assertThat(oneDay.statusOn(d("2025-07-14"))).isEqualTo(TimepointStatus.UPCOMING);
        assertThat(oneDay.statusOn(d("2025-07-16"))).isEqualTo(TimepointStatus.MISSED);
    }

    @Test
    void baselineRunsFromThirtyDaysBeforeSurgeryToTheSurgeryDay() {
        ScheduledTimepoint b = Schedule.of(PROTOCOL, d("2024-03-01"), Map.of()).timepoint("baseline");
        assertThat(b.target()).isEqualTo(d("2024-03-01"));
        assertThat(b.opens()).isEqualTo(d("2024-01-31"));
        assertThat(b.closes()).isEqualTo(d("2024-03-01"));
        assertThat(b.statusOn(d("2024-01-30"))).isEqualTo(TimepointStatus.UPCOMING);
        assertThat(b.statusOn(d("2024-01-31"))).isEqualTo(TimepointStatus.OPEN);
        assertThat(b.statusOn(d("2024-03-01"))).isEqualTo(TimepointStatus.DUE);
        assertThat(b.statusOn(d("2024-03-02"))).isEqualTo(TimepointStatus.MISSED);
    }

    @Test
    void aCompletionCountsWhateverTheDate() {
        Schedule s = Schedule.of(PROTOCOL, d("2025-06-15"), Map.of("6w", new Schedule.Completion(Instant.parse("2025-07-21T10:00:00Z"), "paper")));
        ScheduledTimepoint t = s.timepoint("6w");
        assertThat(t.statusOn(d("2025-07-21"))).isEqualTo(TimepointStatus.COMPLETED);
        assertThat(t.statusOn(d("2030-01-01"))).isEqualTo(TimepointStatus.COMPLETED);
        assertThat(t.completionSource()).isEqualTo("paper");
        assertThat(s.timepoint("12m").statusOn(d("2030-01-01"))).isEqualTo(TimepointStatus.MISSED);
    }

    @Test
    void recoveryPlanIsDatedFromTheSurgery() {
        Schedule s = Schedule.of(PROTOCOL, d("2024-02-29"), Map.of());
        assertThat(s.recovery().get(0).from()).isEqualTo(d("2024-02-29"));
        assertThat(s.recovery().get(0).until()).isEqualTo(d("2024-03-21"));
        assertThat(s.recovery().get(1).until()).isEqualTo(d("2024-04-18"));
        assertThat(s.recovery().get(2).from()).isEqualTo(d("2024-05-29"));
        assertThat(s.recovery().get(2).until()).isNull();
    }

    @Test
    void offsetsParseAndPrint() {
        assertThat(Offset.parse("1m2w")).isEqualTo(new Offset(0, 1, 2, 0));
        assertThat(Offset.parse("5y")).isEqualTo(Offset.years(5));
        assertThat(Offset.parse("0")).isEqualTo(Offset.ZERO);
        assertThat(Offset.parse("30d").toString()).isEqualTo("30d");
        assertThatThrownBy(() -> Offset.parse("2w1m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Offset.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Offset.parse("-3d")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlappingWindowsAreFound() {
        Protocol bad = new Protocol("b", "1", "B", null, List.of(tp("a", "6w", "1w", "4w"), tp("b", "2m", "1w", "1w")), List.of());
        assertThat(bad.overlap()).isPresent();
        assertThat(PROTOCOL.overlap()).isEmpty();
    }
}
