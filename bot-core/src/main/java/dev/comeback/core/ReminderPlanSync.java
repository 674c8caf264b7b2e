package dev.comeback.core;

import dev.comeback.core.message.UserRef;
import dev.comeback.core.reminders.PlannedReminder;
import dev.comeback.core.scheduling.ReminderScheduler;
import dev.comeback.core.scheduling.ScheduledReminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * After a turn changes a person's state, hands the real-clock scheduler their next {@link #NEXT} reminders,
 * and only when they differ from what it was last handed: most turns change nothing about reminders, and
 * re-planning costs the scheduler database writes. A few, not days of them: every delivery is a turn that
 * hands over the next ones, and 100,000 people times two days of reminders would be millions of Quartz
 * triggers where a few hundred thousand do. More than one, so a reminder lost in a crash mid-hand-off
 * does not end the chain.
 */
public final class ReminderPlanSync implements Coach.TurnListener {
    public static final int NEXT = 3;
    /** Where to look for them: a day covers the usual case, a week the quiet phases with one a day or fewer. */
    private static final List<Duration> LOOK_AHEAD = List.of(Duration.ofHours(24), Duration.ofDays(7));

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReminderPlanSync.class);

    private final Coach coach;
    private final ReminderScheduler scheduler;
    private final Clock clock;
    private final Map<String, List<ScheduledReminder>> handedOver = new ConcurrentHashMap<>();
    private final Object[] locks = new Object[64];

    public ReminderPlanSync(Coach coach, ReminderScheduler scheduler, Clock clock) {
        this.coach = coach;
        this.scheduler = scheduler;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * At start-up: hands the scheduler every stored person's next reminders, in the background (100,000 people
     * take a while, and turns need not wait). After downtime the scheduler may hold no trigger for someone,
     * for example when their held reminders belonged to a phase that ended meanwhile, and nothing else would
     * plan them until they write. People with nothing to be reminded of have leftover triggers removed.
     */
    public Thread planEveryoneAtStartUp() {
        Thread thread = new Thread(this::planEveryone, "comeback-startup-plan");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Plans every stored person's next reminders now; returns how many people were looked at. */
    public int planEveryone() {
        int people = 0;
        for (UserRef user : coach.people()) {
            try {
                Instant now = clock.instant();
                if (scheduler.planned(user.key()).stream().anyMatch(r -> !r.due().isAfter(now))) {
                    // Missed while down: those fire now (late, or skipped with one note), and each re-plans after it.
                    continue;
                }
                committed(user);
                people++;
            } catch (RuntimeException e) {
                log.warn("cannot plan the reminders of {} at start-up", user.key(), e);
            }
        }
        return people;
    }

    @Override
    public void committed(UserRef user) {
        // Start-up planning and a turn may plan the same person at once: one at a time, the latest plan last.
        synchronized (locks[Math.floorMod(user.key().hashCode(), locks.length)]) {
            plan(user);
        }
    }

    private void plan(UserRef user) {
        Instant now = clock.instant();
        List<PlannedReminder> next = List.of();
        for (Duration ahead : LOOK_AHEAD) {
            next = coach.plannedReminders(user, now, now.plus(ahead));
            if (next.size() >= NEXT) {
                break;
            }
        }
        List<ScheduledReminder> plan = next.stream().limit(NEXT).map(r -> toScheduled(user, r)).toList();
        if (plan.equals(handedOver.get(user.key()))) {
            return;
        }
        if (plan.isEmpty()) {
            scheduler.cancelAll(user.key());
        } else {
            scheduler.schedule(user.key(), plan);
        }
        handedOver.put(user.key(), plan);
    }

    private static ScheduledReminder toScheduled(UserRef user, PlannedReminder r) {
        return ScheduledReminder.of(user.key(), r.id(), r.dueAt(), r.staleAfter());
    }
}
