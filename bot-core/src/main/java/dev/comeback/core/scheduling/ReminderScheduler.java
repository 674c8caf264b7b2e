package dev.comeback.core.scheduling;

import java.util.List;

/**
 * Keeps each person's planned reminders and hands each one, when it falls due, to a
 * {@link DueReminderHandler}: at most once, never early, and not at all once it is stale.
 *
 * <p>The reminder planner calls {@link #schedule} with the person's complete list whenever what they should
 * be reminded of changes (a new phase, new settings, a regression, {@code /start} after {@code /stop}).
 */
public interface ReminderScheduler {
    /**
     * Makes {@code reminders} the person's plan: each is scheduled for its due time, any reminder of theirs not
     * in the list is dropped, and one with an id already planned replaces it. Reminders already delivered or
     * skipped (by id) are left out, so a planner may pass its whole plan again. A reminder due in the past fires
     * at once (and is skipped if already stale).
     *
     * @throws IllegalArgumentException if a reminder belongs to another user or an id appears twice
     */
    void schedule(String userKey, List<ScheduledReminder> reminders);

    /** Drops all of the person's planned reminders. */
    void cancelAll(String userKey);

    /** The person's planned reminders that have not fired yet, in due order (then by id). */
    List<ScheduledReminder> planned(String userKey);
}
