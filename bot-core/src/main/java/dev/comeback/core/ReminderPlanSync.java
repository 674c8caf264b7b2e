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
