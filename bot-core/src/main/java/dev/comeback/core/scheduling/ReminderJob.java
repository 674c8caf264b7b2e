package dev.comeback.core.scheduling;

import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The Quartz job of one reminder. Its data holds only strings (user key, reminder id, due instant, stale-after
 * duration), stored as properties rather than serialised objects, so stored jobs survive code changes.
 */
final class ReminderJob implements Job {
    static final String USER_KEY = "userKey";
    static final String REMINDER_ID = "reminderId";
    static final String DUE = "due";
    static final String STALE_AFTER = "staleAfter";

    private final ReminderFiring firing;

    ReminderJob(ReminderFiring firing) {
        this.firing = firing;
    }

    static JobDataMap data(ScheduledReminder reminder) {
        JobDataMap data = new JobDataMap();
        data.put(USER_KEY, reminder.userKey());
        data.put(REMINDER_ID, reminder.reminderId());
        data.put(DUE, reminder.due().toString());
        data.put(STALE_AFTER, reminder.staleAfter().toString());
        return data;
    }

    static ScheduledReminder reminder(JobDataMap data) {
        return new ScheduledReminder(data.getString(USER_KEY), data.getString(REMINDER_ID),
                Instant.parse(data.getString(DUE)), Duration.parse(data.getString(STALE_AFTER)));
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        ScheduledReminder reminder = reminder(context.getMergedJobDataMap());
        try {
            if (firing.fire(reminder) instanceof ReminderFiring.Result.Early early) {
                // The scheduler's clock says it is not due yet: fire this job again when it is. The extra
                // trigger keeps the (non-durable) job alive after the current trigger completes.
                context.getScheduler().scheduleJob(TriggerBuilder.newTrigger()
                        .forJob(context.getJobDetail())
                        .startAt(new Date(System.currentTimeMillis() + early.by().toMillis()))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                .withMisfireHandlingInstructionIgnoreMisfires())
                        .build());
            }
        } catch (SchedulerException | RuntimeException e) {
            throw new JobExecutionException("reminder " + reminder.reminderId() + " of " + reminder.userKey()
                    + " failed", e, false);
        }
    }
}
