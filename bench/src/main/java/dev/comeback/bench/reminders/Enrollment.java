package dev.comeback.bench.reminders;

import dev.comeback.core.ReminderPlanSync;
import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.storage.ConversationStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Puts people into the database as a turn would leave them: the state saved (one commit), then the
 * {@link ReminderPlanSync} told, which hands their next reminders to the scheduler.
 */
final class Enrollment {
    record Person(UserRef user, ConversationState state) {
    }

    private final ConversationStore store;
    private final ReminderPlanSync plans;
    private final int threads;

    Enrollment(ConversationStore store, ReminderPlanSync plans, int threads) {
        this.store = store;
        this.plans = plans;
        this.threads = threads;
    }

    /** Enrolls people 0 to {@code count - 1}, {@code threads} at a time, and returns how long it took. */
    Duration enroll(int count, IntFunction<Person> person) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        int tenth = Math.max(1, count / 10);
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count && failure.get() == null; i = next.getAndIncrement()) {
                    try {
                        Person p = person.apply(i);
                        store.save(p.user().key(), p.state());
                        plans.committed(p.user());
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                    if ((i + 1) % tenth == 0) {
                        System.out.printf("  enrolled %,d of %,d (%.0f s)%n", i + 1, count, (System.nanoTime() - start) / 1e9);
                    }
                }
            }, "enrol-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
