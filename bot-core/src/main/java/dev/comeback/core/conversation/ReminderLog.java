package dev.comeback.core.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to a person's reminders: ids delivered (or skipped as stale), ids marked Done (adherence),
 * pending snoozes, and whether the one note about reminders skipped during downtime has been sent since the
 * last normal delivery. Lists keep the most recent entries only.
 */
public record ReminderLog(List<String> delivered, List<String> done, List<Snooze> snoozes, boolean skipNoteSent,
                          Optional<Instant> heardAt) {
    public static final ReminderLog EMPTY = new ReminderLog(List.of(), List.of(), List.of(), false, Optional.empty());

    public ReminderLog(List<String> delivered, List<String> done, List<Snooze> snoozes, boolean skipNoteSent) {
        this(delivered, done, snoozes, skipNoteSent, Optional.empty());
    }

    /** The person wrote (or pressed a button) at {@code at}: check-in prompts count as unanswered from here. */
    public ReminderLog heard(Instant at) {
        return new ReminderLog(delivered, done, snoozes, skipNoteSent, Optional.of(at));
    }
    static final int KEPT = 400;

    /** Reminder {@code reminderId} comes again at {@code until} (or, not yet delivered, comes then instead). */
    public record Snooze(String reminderId, Instant until) {
        public Snooze {
            Objects.requireNonNull(reminderId, "reminderId");
            Objects.requireNonNull(until, "until");
        }
    }

    public ReminderLog {
        delivered = delivered == null ? List.of() : List.copyOf(delivered);
        done = done == null ? List.of() : List.copyOf(done);
        snoozes = snoozes == null ? List.of() : List.copyOf(snoozes);
        heardAt = heardAt == null ? Optional.empty() : heardAt;
    }

    public ReminderLog withDelivered(String id, boolean normally) {
        return new ReminderLog(append(delivered, id), done, snoozes, normally ? false : skipNoteSent, heardAt);
    }

    public ReminderLog withSkipNoteSent() {
        return new ReminderLog(delivered, done, snoozes, true, heardAt);
    }

    public ReminderLog withDone(String id) {
        return new ReminderLog(delivered, append(done, id), snoozes, skipNoteSent, heardAt);
    }

    /** Adds a snooze and forgets those more than a day old. */
    public ReminderLog withSnooze(Snooze snooze, Instant now) {
        List<Snooze> next = new ArrayList<>(snoozes.stream().filter(s -> s.until().isAfter(now.minusSeconds(86_400))).toList());
        next.removeIf(s -> s.reminderId().equals(snooze.reminderId()));
        next.add(snooze);
        return new ReminderLog(delivered, done, next, skipNoteSent, heardAt);
    }

    private static List<String> append(List<String> list, String id) {
        List<String> next = new ArrayList<>(list);
        next.add(id);
        return next.size() > KEPT ? next.subList(next.size() - KEPT, next.size()) : next;
    }
}
