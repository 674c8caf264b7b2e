package dev.comeback.core.scheduling;

import java.time.Instant;
import java.util.List;

/**
 * What happens when a planned reminder falls due: the core service behind it decides what to say and sends
 * it through the {@code Messenger} port. Called on a scheduler thread, one call at a time per person.
 *
 * <p>{@link #onDue} is called at least once per reminder: a crash before the delivery is recorded hands it off
 * again when the scheduler recovers the job, so a handler records the delivery in the delivery log in the
 * transaction of its own work ({@code Coach.handleDue} does) to make it exactly once; after it returns the
 * delivery is recorded anyway. If it throws, the reminder is recorded as failed and not retried.
 * {@link #onStale} is at most once: the skipped reminders are recorded before it is called.
 */
public interface DueReminderHandler {
    /**
     * {@code reminder} is due: deliver it. {@code firedAt} is the scheduler clock's now, never before
     * {@code reminder.due()} and never after {@code reminder.staleAt()}.
     */
    void onDue(ScheduledReminder reminder, Instant firedAt);

    /**
     * These reminders of one person came too late to be useful (usually after downtime) and were skipped; at
     * least one, in due order. All of the person's stale reminders at {@code firedAt} come in one call, so
     * one short note per call ("I was offline and skipped 3 reminders") never turns into a pile.
     */
    void onStale(String userKey, List<ScheduledReminder> skipped, Instant firedAt);
}
