package org.ilium.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReminderRulesTest {
    @Test
    void theLatestReminderThatAppliesIsChosen() {
        assertThat(ReminderPlanner.reminder(0)).isEqualTo("due");
        assertThat(ReminderPlanner.reminder(2)).isEqualTo("due");
        assertThat(ReminderPlanner.reminder(3)).isEqualTo("day3");
        assertThat(ReminderPlanner.reminder(6)).isEqualTo("day3");
        assertThat(ReminderPlanner.reminder(7)).isEqualTo("day7");
        assertThat(ReminderPlanner.reminder(40)).isEqualTo("day7");
    }

    @Test
    void backoffDoublesUpToSixHours() {
        assertThat(OutboxSender.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxSender.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(OutboxSender.backoff(5)).isEqualTo(Duration.ofMinutes(16));
        assertThat(OutboxSender.backoff(30)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void errorsNameExceptionTypesOnly() {
        Exception e = new IllegalStateException("550 unknown user m.hale@example.org", new java.net.ConnectException("refused"));
        assertThat(OutboxSender.describe(e)).isEqualTo("IllegalStateException <- ConnectException").doesNotContain("hale");
    }
}
