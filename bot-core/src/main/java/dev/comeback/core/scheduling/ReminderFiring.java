package dev.comeback.core.scheduling;

import dev.comeback.core.scheduling.DeliveryLog.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What to do with a reminder whose trigger fired: deliver it, skip it (with the person's other stale ones, in
 * one batch), wait because it is early, or nothing because it was handled before. Time is read from the
 * clock; a delivery is recorded in the {@link DeliveryLog} with the hand-off's turn or right after it, a
 * skip before the note about it.
 */
final class ReminderFiring {
    /** Quartz may fire up to 2 ms early, and the clock may lag Quartz's a little: wait that long, no longer. */
    static final Duration MAX_WAIT_WHEN_EARLY = Duration.ofSeconds(2);
    static final Comparator<ScheduledReminder> DUE_ORDER =
            Comparator.comparing(ScheduledReminder::due).thenComparing(ScheduledReminder::reminderId);

    private static final Logger log = LoggerFactory.getLogger(ReminderFiring.class);
    private static final int LOCK_STRIPES = 64;

    sealed interface Result {
        record Delivered() implements Result {}
        record Failed(RuntimeException cause) implements Result {}
        record Skipped(List<ScheduledReminder> batch) implements Result {}
        record AlreadyHandled() implements Result {}
        record Early(Duration by) implements Result {}
    }

    private final DeliveryLog deliveries;
    private final DueReminderHandler handler;
    private final ReminderScheduler plans;
    private final Clock clock;
    private final Object[] userLocks = new Object[LOCK_STRIPES];

    ReminderFiring(DeliveryLog deliveries, DueReminderHandler handler, ReminderScheduler plans, Clock clock) {
        this.deliveries = deliveries;
        this.handler = handler;
        this.plans = plans;
        this.clock = clock;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            userLocks[i] = new Object();
        }
    }

    /** Handles one fired reminder; one person's reminders are handled one at a time. */
    Result fire(ScheduledReminder reminder) {
        Instant now = clock.instant();
        if (now.isBefore(reminder.due())) {
            Duration early = Duration.between(now, reminder.due());
            if (early.compareTo(MAX_WAIT_WHEN_EARLY) > 0) {
                return new Result.Early(early);
            }
            sleep(early.toMillis() + 1);
            now = clock.instant();
            if (now.isBefore(reminder.due())) {
                return new Result.Early(Duration.between(now, reminder.due()));
            }
        }
        synchronized (userLocks[Math.floorMod(reminder.userKey().hashCode(), LOCK_STRIPES)]) {
            return reminder.isStaleAt(now) ? skip(reminder, now) : deliver(reminder, now);
        }
    }

    /**
     * At least once: the hand-off comes first and the record after, so a crash in between hands the reminder
     * off again when Quartz recovers the job. A handler that records the delivery in the transaction of its
     * own turn ({@code ReminderDelivery} through {@code Coach.handleDue}) makes that exactly once: the second
     * hand-off finds the record and does nothing.
     */
    private Result deliver(ScheduledReminder reminder, Instant now) {
        if (deliveries.outcome(reminder.userKey(), reminder.reminderId()).isPresent()) {
            return new Result.AlreadyHandled();
        }
        try {
            handler.onDue(reminder, now);
        } catch (RuntimeException e) {
            log.warn("reminder {} of {} could not be delivered; it is not retried", reminder.reminderId(),
                    reminder.userKey(), e);
            deliveries.claim(reminder, Outcome.FAILED, clock.instant());
            return new Result.Failed(e);
        }
        // Already there when the handler recorded it with its turn; then this changes nothing.
        deliveries.claim(reminder, Outcome.DELIVERED, clock.instant());
        return new Result.Delivered();
    }

    /**
     * Skips {@code reminder} and, in the same batch, every other reminder of the person that is stale by now,
     * so that after downtime the handler hears once per person rather than once per reminder. The others'
     * triggers still fire; they find their claim and do nothing.
     */
    private Result skip(ScheduledReminder reminder, Instant now) {
        if (!deliveries.claim(reminder, Outcome.SKIPPED, now)) {
            return new Result.AlreadyHandled();
        }
        List<ScheduledReminder> batch = new ArrayList<>(List.of(reminder));
        for (ScheduledReminder other : plans.planned(reminder.userKey())) {
            if (!other.reminderId().equals(reminder.reminderId()) && other.isStaleAt(now)
                    && deliveries.claim(other, Outcome.SKIPPED, now)) {
                batch.add(other);
            }
        }
        batch.sort(DUE_ORDER);
        try {
            handler.onStale(reminder.userKey(), List.copyOf(batch), now);
        } catch (RuntimeException e) {
            log.warn("the note on {} skipped reminders of {} failed", batch.size(), reminder.userKey(), e);
        }
        return new Result.Skipped(List.copyOf(batch));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
