package dev.comeback.bench.people;

import dev.comeback.bench.Zones;
import dev.comeback.core.ReminderPlanSync;
import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.storage.ConversationStore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Puts people into the database as a turn would leave them: the state saved (one commit), then the
 * {@link ReminderPlanSync} told, which hands their next reminders to the scheduler.
 */
public final class Enrollment {
    public record Person(UserRef user, ConversationState state) {
    }

    public static final String PLATFORM = "bench";
    private static final Duration FIRST_72_HOURS = Duration.ofHours(72);
    /** Wall-clock times, now, where the people of {@link #atNight} live: hours before their next reminder. */
    private static final List<LocalTime> NIGHT = List.of(LocalTime.of(23, 30), LocalTime.of(0, 30), LocalTime.of(1, 30),
            LocalTime.of(2, 30), LocalTime.of(3, 30), LocalTime.of(4, 30));

    private final ConversationStore store;
    private final ReminderPlanSync plans;
    private final int threads;

    public Enrollment(ConversationStore store, ReminderPlanSync plans, int threads) {
        this.store = store;
        this.plans = plans;
        this.threads = threads;
    }

    /**
     * People in the first 72 hours of recovery, their starts spread evenly over them, who live where it is
     * night at {@code now}: nothing of theirs falls due for hours. Ids are {@code prefix} and a number.
     */
    public static IntFunction<Person> atNight(String prefix, int count, RecoveringStates states, Instant now) {
        List<String> zones = NIGHT.stream().map(t -> Zones.whereItIs(t, now)).toList();
        Duration spread = FIRST_72_HOURS.dividedBy(Math.max(1, count));
        return i -> new Person(UserRef.of(PLATFORM, prefix + i),
                states.startedAt(now.minus(spread.multipliedBy(i)), zones.get(i % zones.size())));
    }

    /** Enrolls people 0 to {@code count - 1}, {@code threads} at a time, and returns how long it took. */
    public Duration enroll(int count, IntFunction<Person> person) throws Exception {
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
