package dev.comeback.core.scheduling;

import dev.comeback.core.storage.JdbcOutbox;
import dev.comeback.core.storage.Database;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.simpl.SimpleThreadPool;
import org.quartz.utils.DBConnectionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reminders in Quartz with a persistent JDBC job store (JobStoreTX) in the application's database and pool,
 * so the plan survives restarts. One job per reminder: job and trigger are both named by the reminder id in
 * the group of the user key, so planning a reminder again replaces it instead of adding a second one.
 *
 * <p>Quartz runs on the real clock and only says when to look; {@link ReminderFiring} decides with the
 * given clock whether a fired reminder is delivered, skipped as stale or already handled. Threads are
 * daemons; {@link #close()} waits for running jobs. Only one scheduler per database (not clustered).
 */
public final class QuartzReminderScheduler implements ReminderScheduler, AutoCloseable {
    /** Stored in every Quartz row (SCHED_NAME): changing it orphans the stored plan. */
    static final String NAME = "comeback-reminders";
    /** Names this instance's entry in Quartz's JVM-wide connection registry; not stored anywhere. */
    private static final AtomicInteger instances = new AtomicInteger();

    /** How long a reminder's delivery record is kept by default: long past any use, short of growing for ever. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    private static final Duration PRUNE_EVERY = Duration.ofHours(6);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(QuartzReminderScheduler.class);

    private final Scheduler scheduler;
    private final DeliveryLog deliveries;
    private final java.util.concurrent.ScheduledExecutorService pruning =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "reminder-log-pruning");
                thread.setDaemon(true);
                return thread;
            });

    private QuartzReminderScheduler(Scheduler scheduler, DeliveryLog deliveries) {
        this.scheduler = scheduler;
        this.deliveries = deliveries;
    }

    /**
     * As {@link #start(DataSource, DueReminderHandler, Clock)}, and deletes delivery records, and the records of
     * messages sent with buttons ({@link JdbcOutbox#forgetButtonsSentBefore}), older than {@code retention} now
     * and every few hours.
     */
    public static QuartzReminderScheduler start(DataSource dataSource, DueReminderHandler handler, Clock clock,
                                                Duration retention) {
        QuartzReminderScheduler reminders = start(dataSource, handler, clock);
        JdbcOutbox outbox = new JdbcOutbox(dataSource);
        reminders.pruning.scheduleWithFixedDelay(() -> {
            Instant before = clock.instant().minus(retention);
            reminders.prune(before);
            pruneButtons(outbox, before);
        }, 0, PRUNE_EVERY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return reminders;
    }

    /** Deletes the delivery records decided before {@code before}; returns how many. */
    int prune(Instant before) {
        try {
            int pruned = deliveries.prune(before);
            if (pruned > 0) {
                log.info("pruned {} reminder delivery records decided before {}", pruned, before);
            }
            return pruned;
        } catch (RuntimeException e) {
            log.warn("could not prune the reminder delivery log: {}", e.getMessage());
            return 0;
        }
    }

    /** Deletes the records of messages sent with buttons before {@code before}; returns how many. */
    static int pruneButtons(JdbcOutbox outbox, Instant before) {
        try {
            int pruned = outbox.forgetButtonsSentBefore(before);
            if (pruned > 0) {
                log.info("pruned {} records of messages sent with buttons before {}", pruned, before);
            }
            return pruned;
        } catch (RuntimeException e) {
            log.warn("could not prune the records of messages sent with buttons: {}", e.getMessage());
            return 0;
        }
    }

    /**
     * Starts firing the reminders stored in {@code dataSource} (migrated by {@link Database#open}) and those
     * scheduled from now on, handing them to {@code handler}. Reminders missed while stopped fire at once.
     */
    public static QuartzReminderScheduler start(DataSource dataSource, DueReminderHandler handler, Clock clock) {
        QuartzReminderScheduler reminders = open(dataSource, handler, clock);
        try {
            reminders.scheduler.start();
        } catch (SchedulerException e) {
            reminders.close();
            throw new SchedulingException("cannot start the reminder scheduler", e);
        }
        return reminders;
    }

    /** A scheduler that stores plans but fires nothing (Quartz's stand-by mode) until {@link #resume()}. */
    static QuartzReminderScheduler open(DataSource dataSource, DueReminderHandler handler, Clock clock) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(clock, "clock");
        // Quartz finds connections by name in a JVM-wide registry. A fresh name per instance keeps a stopped
        // scheduler's leftover job threads away from the pool of the one that replaced it.
        String connections = NAME + "-" + instances.incrementAndGet();
        DBConnectionManager.getInstance().addConnectionProvider(connections, new SharedPoolConnectionProvider(dataSource));
        try {
            Scheduler scheduler = new StdSchedulerFactory(properties(Database.vendor(dataSource), connections))
                    .getScheduler();
            DeliveryLog deliveries = new DeliveryLog(dataSource);
            QuartzReminderScheduler reminders = new QuartzReminderScheduler(scheduler, deliveries);
            ReminderFiring firing = new ReminderFiring(deliveries, handler, reminders, clock);
            scheduler.setJobFactory((bundle, s) -> {
                if (bundle.getJobDetail().getJobClass() != ReminderJob.class) {
                    throw new SchedulerException("not a reminder job: " + bundle.getJobDetail().getKey());
                }
                return new ReminderJob(firing);
            });
            return reminders;
        } catch (SchedulerException e) {
            throw new SchedulingException("cannot create the reminder scheduler", e);
        }
    }

    private static Properties properties(String vendor, String connections) {
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, NAME);
        // A fixed id: after a crash, the jobs that were running are recovered by the instance of the same id.
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, NAME);
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, SimpleThreadPool.class.getName());
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, JobStoreTX.class.getName());
        p.setProperty("org.quartz.jobStore.driverDelegateClass",
                "postgresql".equals(vendor) ? PostgreSQLDelegate.class.getName() : StdJDBCDelegate.class.getName());
        p.setProperty("org.quartz.jobStore.dataSource", connections);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "false");
        // Job data as string properties, not serialised Java maps.
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        // Every reminder trigger ignores Quartz's misfire policy (see trigger()), so this threshold does not
        // decide whether a reminder is late: it only paces Quartz's misfire scan for other triggers. 60 s is
        // Quartz's default, stated here so nobody tunes it expecting an effect on reminders.
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        return p;
    }

    @Override
    public void schedule(String userKey, List<ScheduledReminder> reminders) {
        Set<String> ids = new HashSet<>();
        for (ScheduledReminder r : reminders) {
            if (!r.userKey().equals(userKey)) {
                throw new IllegalArgumentException("reminder " + r.reminderId() + " is for " + r.userKey()
                        + ", not " + userKey);
            }
            if (!ids.add(r.reminderId())) {
                throw new IllegalArgumentException("reminder id " + r.reminderId() + " appears twice");
            }
        }
        Set<String> handled = deliveries.claimedIds(userKey);
        Map<JobDetail, Set<? extends Trigger>> jobs = new HashMap<>();
        for (ScheduledReminder r : reminders) {
            if (!handled.contains(r.reminderId())) {
                JobDetail job = job(r);
                jobs.put(job, Set.of(trigger(r, job)));
            }
        }
        try {
            List<JobKey> dropped = new ArrayList<>();
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(userKey))) {
                if (!ids.contains(key.getName()) || handled.contains(key.getName())) {
                    dropped.add(key);
                }
            }
            scheduler.deleteJobs(dropped);
            scheduler.scheduleJobs(jobs, true);
        } catch (SchedulerException e) {
            throw new SchedulingException("cannot schedule the reminders of " + userKey, e);
        }
    }

    @Override
    public void cancelAll(String userKey) {
        try {
            scheduler.deleteJobs(new ArrayList<>(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(userKey))));
        } catch (SchedulerException e) {
            throw new SchedulingException("cannot cancel the reminders of " + userKey, e);
        }
    }

    @Override
    public List<ScheduledReminder> planned(String userKey) {
        Set<String> handled = deliveries.claimedIds(userKey);
        List<ScheduledReminder> planned = new ArrayList<>();
        try {
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(userKey))) {
                JobDetail job = scheduler.getJobDetail(key);
                if (job != null && !handled.contains(key.getName())) {
                    planned.add(ReminderJob.reminder(job.getJobDataMap()));
                }
            }
        } catch (SchedulerException e) {
            throw new SchedulingException("cannot list the reminders of " + userKey, e);
        }
        planned.sort(ReminderFiring.DUE_ORDER);
        return List.copyOf(planned);
    }

    /** Leaves stand-by: fires what is due, then each reminder at its time. */
    void resume() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new SchedulingException("cannot start the reminder scheduler", e);
        }
    }

    /**
     * Fires nothing more and waits (up to {@code timeout}) for the reminders being handed off; planning still
     * works, so a hand-off that is finishing can plan the person's next reminders. For an orderly stop, before
     * {@link #close()}.
     */
    public void stopFiring(java.time.Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        try {
            scheduler.standby();
            while (!scheduler.getCurrentlyExecutingJobs().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
        } catch (SchedulerException e) {
            throw new SchedulingException("cannot stop the reminder scheduler", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops firing and waits for the reminders being handed off; the plan stays stored. Idempotent. */
    @Override
    public void close() {
        shutdown(true);
    }

    /** Stops without waiting for running jobs, as close to a crash as one JVM allows (tests). */
    void halt() {
        shutdown(false);
    }

    private void shutdown(boolean waitForJobs) {
        pruning.shutdownNow();
        try {
            scheduler.shutdown(waitForJobs);
        } catch (SchedulerException e) {
            throw new SchedulingException("cannot stop the reminder scheduler", e);
        }
    }

    private static JobDetail job(ScheduledReminder r) {
        return JobBuilder.newJob(ReminderJob.class)
                .withIdentity(r.reminderId(), r.userKey())
                .usingJobData(ReminderJob.data(r))
                // Re-run after a crash mid-job: the delivery log then tells whether the hand-off happened.
                .requestRecovery()
                .build();
    }

    /**
     * Fires once at the due time. Misfires (fired late because the process was down or every thread busy) are
     * ignored by Quartz: such a trigger fires as soon as possible, oldest first, without being re-dated, and the
     * job then decides by the reminder's own stale-after whether it is still worth delivering. Quartz's other
     * instructions would re-date it to now (hiding how late it is) or drop it without a word.
     */
    private static Trigger trigger(ScheduledReminder r, JobDetail job) {
        return TriggerBuilder.newTrigger()
                .withIdentity(r.reminderId(), r.userKey())
                .forJob(job)
                .startAt(Date.from(r.due()))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionIgnoreMisfires())
                .build();
    }
}
