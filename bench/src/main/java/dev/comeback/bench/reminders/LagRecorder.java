package dev.comeback.bench.reminders;

import dev.comeback.core.Coach;
import dev.comeback.core.ReminderDelivery;
import dev.comeback.core.delivery.Messenger;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.scheduling.DueReminderHandler;
import dev.comeback.core.scheduling.ScheduledReminder;

import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Delivers due reminders as the console does ({@link ReminderDelivery#direct}: a turn through the core, its
 * replies to a messenger) and is that messenger: records, for each reminder, when its message was handed
 * over. The reminder being delivered is known from the scheduler thread that is delivering it.
 */
final class LagRecorder implements DueReminderHandler, Messenger {
    record Handed(ScheduledReminder reminder, Instant firedAt, Instant handedAt) {
    }

    private record Firing(ScheduledReminder reminder, Instant firedAt) {
    }

    private final ThreadLocal<Firing> firing = new ThreadLocal<>();
    private final DueReminderHandler delivery;
    private final Queue<Handed> handed = new ConcurrentLinkedQueue<>();
    private final LongAdder handedCount = new LongAdder();
    private final LongAdder stale = new LongAdder();
    private final LongAdder otherMessages = new LongAdder();

    LagRecorder(Coach coach) {
        this.delivery = ReminderDelivery.direct(coach, this);
    }

    @Override
    public void onDue(ScheduledReminder reminder, Instant firedAt) {
        firing.set(new Firing(reminder, firedAt));
        try {
            delivery.onDue(reminder, firedAt);
        } finally {
            firing.remove();
        }
    }

    @Override
    public void onStale(String userKey, List<ScheduledReminder> skipped, Instant firedAt) {
        stale.add(skipped.size());
        delivery.onStale(userKey, skipped, firedAt);
    }

    @Override
    public void send(UserRef to, List<Reply> replies) {
        Instant now = Instant.now();
        Firing f = firing.get();
        if (f == null) {
            otherMessages.increment();
        } else {
            handed.add(new Handed(f.reminder(), f.firedAt(), now));
            handedCount.increment();
        }
    }

    List<Handed> handed() {
        return List.copyOf(handed);
    }

    long handedCount() {
        return handedCount.sum();
    }

    long stale() {
        return stale.sum();
    }

    long otherMessages() {
        return otherMessages.sum();
    }
}
