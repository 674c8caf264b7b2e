package dev.comeback.core.scheduling;

import java.time.Instant;
import java.util.List;

/**
 * What happens when a planned reminder falls due: the core service behind it decides what to say and sends
 * it through the {@code Messenger} port. Called on a scheduler thread, one call at a time per person.
 *
 * <p>Before either method is called, the reminders it names are recorded as handed off, so they are never
 * handed off again, even if the process dies during the call (a crash mid-call loses the reminder rather than
 * sending it twice). If a method throws, the reminders are recorded as failed and not retried.
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
