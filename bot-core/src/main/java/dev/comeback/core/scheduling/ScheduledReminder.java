package dev.comeback.core.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One reminder planned for one person: who ({@code userKey}, as in {@code UserRef.key()}), which
 * ({@code reminderId}, a stable name such as {@code ice:2026-03-02T13:00Z}), when it falls due, and how late
 * it may still be delivered ({@code staleAfter}: an ice reminder is useless half an hour late).
 *
 * <p>The id is the reminder's identity: planning the same id again replaces it, and an id is delivered at
 * most once per person, ever. So an id must name the occasion, not just the kind (include the due time).
 * Times are kept to the millisecond, the resolution of the job store.
 */
public record ScheduledReminder(String userKey, String reminderId, Instant due, Duration staleAfter) {
    /** The longest user key or reminder id: both are stored in 200-character columns. */
    public static final int MAX_KEY_LENGTH = 200;

    public ScheduledReminder {
        requireKey(userKey, "userKey");
        requireKey(reminderId, "reminderId");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (staleAfter.isNegative()) {
            throw new IllegalArgumentException("staleAfter must not be negative, was " + staleAfter);
        }
        due = due.truncatedTo(ChronoUnit.MILLIS);
        staleAfter = staleAfter.truncatedTo(ChronoUnit.MILLIS);
    }

    public static ScheduledReminder of(String userKey, String reminderId, Instant due, Duration staleAfter) {
        return new ScheduledReminder(userKey, reminderId, due, staleAfter);
    }

    /** The last instant at which the reminder is still worth delivering. */
    public Instant staleAt() {
        return due.plus(staleAfter);
    }

    /** Whether it is too late to deliver this reminder at {@code now}; exactly at {@link #staleAt()} it is not. */
    public boolean isStaleAt(Instant now) {
        return now.isAfter(staleAt());
    }

    private static void requireKey(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException(what + " must be 1-" + MAX_KEY_LENGTH + " characters, was '" + value + "'");
        }
    }
}
