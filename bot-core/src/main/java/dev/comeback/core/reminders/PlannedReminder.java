package dev.comeback.core.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One reminder due for a person. The id ({@code ice@29543370}: kind and due minute since the epoch, with
 * {@code ~<due minute>} added for a snoozed repeat) is deterministic, so planning twice yields the same reminder, never a
 * second one. Delivered later than {@code staleAfter} past its due time, it is skipped instead.
 */
public record PlannedReminder(String id, ReminderKind kind, Instant dueAt, Duration staleAfter) {
    public PlannedReminder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(staleAfter, "staleAfter");
        // Milliseconds, as the scheduler's job store keeps them, so a due time survives the round trip.
        dueAt = dueAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public static String idFor(ReminderKind kind, Instant dueAt) {
        return kind.key() + "@" + dueAt.getEpochSecond() / 60;
    }

    /** The kind and due time an id names, for ids made by {@link #idFor} (a snooze suffix is ignored). */
    public static Optional<ReminderKind> kindOf(String id) {
        int at = id.indexOf('@');
        return at > 0 ? ReminderKind.byKey(id.substring(0, at)) : Optional.empty();
    }

    /** The reminder a snoozed repeat repeats (the id itself for a reminder that is not a repeat). */
    public static String originalOf(String id) {
        int tilde = id.indexOf('~');
        return tilde < 0 ? id : id.substring(0, tilde);
    }

    public boolean isStaleAt(Instant now) {
        return Duration.between(dueAt, now).compareTo(staleAfter) > 0;
    }
}
