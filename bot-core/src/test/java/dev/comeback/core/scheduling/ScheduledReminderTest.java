package dev.comeback.core.scheduling;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduledReminderTest {
    @Test
    void timesAreKeptToTheMillisecondTheJobStoreCanHold() {
        ScheduledReminder r = ScheduledReminder.of("telegram:1", "ice:1", Instant.parse("2026-03-02T13:00:00.123456789Z"),
                Duration.ofNanos(1_500_000));

        assertThat(r.due()).isEqualTo(Instant.parse("2026-03-02T13:00:00.123Z"));
        assertThat(r.staleAfter()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void roundTripsThroughTheJobsStringData() {
        ScheduledReminder r = ScheduledReminder.of("discord:8123", "ice:2026-03-02T13:00Z", Instant.parse("2026-03-02T13:00:00Z"),
                Duration.ofMinutes(30));

        assertThat(ReminderJob.reminder(ReminderJob.data(r))).isEqualTo(r);
        assertThat(ReminderJob.data(r).getWrappedMap().values()).allMatch(v -> v instanceof String);
    }

    @Test
    void rejectsBlankOrOverlongKeysAndNegativeWindows() {
        Instant due = Instant.parse("2026-03-02T13:00:00Z");
        assertThatThrownBy(() -> ScheduledReminder.of(" ", "ice:1", due, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduledReminder.of("telegram:1", "x".repeat(201), due, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduledReminder.of("telegram:1", "ice:1", due, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
