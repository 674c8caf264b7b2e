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
 * After a turn changes a person's state, hands the real-clock scheduler their plan for the coming
 * {@link #HORIZON}, and only when it differs from what it was last handed: most turns change nothing about
 * reminders, and re-planning costs the scheduler database writes.
 */
public final class ReminderPlanSync implements Coach.TurnListener {
    /** How far ahead a plan is handed to the scheduler; each delivery is a turn that rolls it forward. */
    public static final Duration HORIZON = Duration.ofHours(48);

    private final Coach coach;
    private final ReminderScheduler scheduler;
    private final Clock clock;
    private final Map<String, List<ScheduledReminder>> handedOver = new ConcurrentHashMap<>();

    public ReminderPlanSync(Coach coach, ReminderScheduler scheduler, Clock clock) {
        this.coach = coach;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public void committed(UserRef user) {
        Instant now = clock.instant();
        List<ScheduledReminder> plan = coach.plannedReminders(user, now, now.plus(HORIZON)).stream()
                .map(r -> toScheduled(user, r)).toList();
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
