package dev.comeback.bench.reminders;

import dev.comeback.bench.Fmt;
import dev.comeback.bench.Results;
import dev.comeback.bench.RunContext;
import dev.comeback.bench.Samples;
import dev.comeback.bench.Scenario;
import dev.comeback.bench.Target;
import dev.comeback.bench.Zones;
import dev.comeback.bench.people.Enrollment;
import dev.comeback.bench.people.RecoveringStates;
import dev.comeback.core.Coach;
import dev.comeback.core.ReminderPlanSync;
import dev.comeback.core.content.ContentLoader;
import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.scheduling.QuartzReminderScheduler;
import dev.comeback.core.scheduling.ScheduledReminder;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Issue 6, scenario 2: 100,000 people in the first 72 hours of recovery, each with their next reminders in
 * Quartz (as after any turn); then 5,000 reminders falling due within one minute on the real clock, each
 * delivered as a turn through the core to a messenger.
 *
 * <p>Everyone else lives where it is night, so nothing of theirs falls due meanwhile: the minute measured
 * holds exactly the 5,000. The 5,000 live where it is about 12:30 when the minute starts, and started
 * recovery 150 minutes before their reminder, so the first ice reminder of each falls in the minute.
 */
public final class ReminderScaleScenario implements Scenario {
    private static final Duration ICE_EVERY = Duration.ofMinutes(150);
    private static final LocalTime MIDDAY = LocalTime.of(12, 30);
    private static final long MEGABYTE = 1024 * 1024;

    @Override
    public String name() {
        return "reminders";
    }

    @Override
    public String title() {
        return "2. Reminder scale";
    }

    @Override
    public List<String> jvmArgs() {
        return List.of("-Xmx512m");
    }

    /**
     * How many people, how many of their reminders fall in the measured minute, and a warm-up burst shortly
     * before it: in service reminders fire all day, so the delivery path is compiled and its data cached by the
     * time a busy minute comes; without it the first seconds measure the JIT.
     */
    private record Sizes(int people, int due, Duration window, int warmUp, Duration warmUpWindow, Duration gap,
                         Duration margin) {
    }

    private static final Sizes FULL = new Sizes(100_000, 5_000, Duration.ofSeconds(60), 1_500, Duration.ofSeconds(30),
            Duration.ofSeconds(10), Duration.ofSeconds(20));
    private static final Sizes QUICK = new Sizes(1_000, 500, Duration.ofSeconds(5), 100, Duration.ofSeconds(2),
            Duration.ofSeconds(1), Duration.ofSeconds(2));

    @Override
    public void run(RunContext context, Results results) throws Exception {
        Sizes sizes = context.size(FULL, QUICK);
        int threads = 2 * Runtime.getRuntime().availableProcessors();
        Path file = context.workDir().resolve("reminders");
        Clock clock = Clock.systemUTC();
        Conversation conversation = new Conversation(ContentLoader.defaults());
        try (Database db = Database.open(Database.h2FileUrl(file), "sa", "", threads + 4)) {
            Coach coach = new Coach(conversation, new JdbcConversationStore(db.dataSource()));
            LagRecorder recorder = new LagRecorder(coach);
            try (QuartzReminderScheduler scheduler = QuartzReminderScheduler.start(db.dataSource(), recorder, clock)) {
                ReminderPlanSync plans = new ReminderPlanSync(coach, scheduler, clock);
                coach.setTurnListener(plans);
                Enrollment enrollment = new Enrollment(new JdbcConversationStore(db.dataSource()), plans, threads);
                RecoveringStates states = new RecoveringStates(conversation, clock.instant());

                int background = sizes.people() - sizes.due() - sizes.warmUp();
                IntFunction<Enrollment.Person> atNight = Enrollment.atNight("r", background, states, clock.instant());
                int half = background / 2;
                Duration first = enrollment.enroll(half, atNight);
                Duration firstRest = enrollment.enroll(background - half, i -> atNight.apply(half + i));

                // The warm-up starts once the rest can be enrolled at the rate just seen (warmed up: the second
                // half's), with time to spare.
                int soon = sizes.warmUp() + sizes.due();
                double perSecond = (background - half) / secondsOf(firstRest);
                Duration ahead = Duration.ofMillis((long) (soon * 1200 / perSecond)).plus(sizes.margin());
                Window warmUp = new Window(clock.instant().plus(ahead).truncatedTo(ChronoUnit.SECONDS), sizes.warmUpWindow());
                Window minute = new Window(warmUp.end().plus(sizes.gap()), sizes.window());
                String midday = Zones.whereItIs(MIDDAY, minute.start());
                Duration second = enrollment.enroll(soon, i -> i < sizes.warmUp()
                        ? person("w" + i, warmUp.at(i, sizes.warmUp()), midday, states)
                        : person("d" + (i - sizes.warmUp()), minute.at(i - sizes.warmUp(), sizes.due()), midday, states));
                Instant enrolledAt = clock.instant();

                double enrollSeconds = secondsOf(first) + secondsOf(firstRest) + secondsOf(second);
                results.note(String.format("%s people enrolled by %d threads: each state saved (one commit), then handed to "
                        + "ReminderPlanSync as after a turn, which puts their next %d reminders into Quartz. States come from "
                        + "the real conversation (one per time zone) moved to each person's start; %s of them started at "
                        + "spread times over the last 72 hours and live where it is night (nothing of theirs falls due "
                        + "during the run).", Fmt.count(sizes.people()), threads, ReminderPlanSync.NEXT, Fmt.count(background)));
                results.info("people enrolled", Fmt.count(sizes.people()));
                results.info("reminders in Quartz", Fmt.count(count(db, "SELECT COUNT(*) FROM QRTZ_TRIGGERS")));
                results.info("time to enroll and schedule everyone", Fmt.seconds(enrollSeconds)
                        + " (" + Fmt.rate(sizes.people() / enrollSeconds, "person") + ")");
                results.info("database file, everyone enrolled", Fmt.mebibytes(Files.size(Path.of(file + ".mv.db"))));
                long heap = heapAfterGc();
                results.measured("heap after GC, everyone enrolled, scheduler running", heap / (double) MEGABYTE,
                        Fmt.mebibytes(heap), Target.below(512, "< 512 MB"));
                results.info("JVM heap limit", Fmt.mebibytes(Runtime.getRuntime().maxMemory()));
                results.check("every reminder reached Quartz before it fell due", enrolledAt.isBefore(warmUp.start()),
                        "enrolment ended " + Fmt.millis(Duration.between(enrolledAt, warmUp.start()).toMillis())
                                + " before the first fell due");

                Instant deadline = minute.end().plus(context.size(Duration.ofMinutes(3), Duration.ofSeconds(30)));
                while (recorder.handedCount() < soon && clock.instant().isBefore(deadline)) {
                    Thread.sleep(100);
                }
                // Room for a second delivery of anything, which must not come.
                Thread.sleep(context.size(Duration.ofSeconds(5), Duration.ofSeconds(1)).toMillis());
                reportFiring(results, recorder, sizes, warmUp, minute);
                results.info("heap after GC, after the minute", Fmt.mebibytes(heapAfterGc()));
            }
        }
        Path mvDb = Path.of(file + ".mv.db");
        results.info("database file, closed (H2 compacts on close, for at most 200 ms)", Fmt.mebibytes(Files.size(mvDb)));
        long compacting = System.nanoTime();
        compact(file);
        results.info("database file after SHUTDOWN COMPACT (the live data)", Fmt.mebibytes(Files.size(mvDb))
                + ", compacted in " + Fmt.seconds((System.nanoTime() - compacting) / 1e9));
    }

    /** Rewrites the file with only what is live in it: how big the data is, apart from how big the file grew. */
    private static void compact(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection(Database.h2FileUrl(file), "sa", "");
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
    }

    /** A person whose first ice reminder falls due at {@code due}: recovery started 150 minutes before. */
    private static Enrollment.Person person(String id, Instant due, String zone, RecoveringStates states) {
        return new Enrollment.Person(UserRef.of(Enrollment.PLATFORM, id), states.startedAt(due.minus(ICE_EVERY), zone));
    }

    /** From {@code start} for {@code length}; the i-th of n reminders falls due at {@link #at}. */
    private record Window(Instant start, Duration length) {
        Instant end() {
            return start.plus(length);
        }

        Instant at(int i, int n) {
            return start.plus(length.multipliedBy(i).dividedBy(n));
        }

        boolean holds(ScheduledReminder r) {
            return !r.due().isBefore(start) && r.due().isBefore(end());
        }
    }

    private static void reportFiring(Results results, LagRecorder recorder, Sizes sizes, Window warmUp, Window minute) {
        List<LagRecorder.Handed> handed = recorder.handed();
        List<LagRecorder.Handed> inMinute = handed.stream().filter(h -> minute.holds(h.reminder())).toList();
        List<LagRecorder.Handed> inWarmUp = handed.stream().filter(h -> warmUp.holds(h.reminder())).toList();
        Samples lagMicros = new Samples();
        Samples toJobMicros = new Samples();
        Samples jobMicros = new Samples();
        for (LagRecorder.Handed h : inMinute) {
            lagMicros.add(micros(h.reminder().due(), h.handedAt()));
            toJobMicros.add(micros(h.reminder().due(), h.firedAt()));
            jobMicros.add(micros(h.firedAt(), h.handedAt()));
        }
        long early = handed.stream().filter(h -> h.handedAt().isBefore(h.reminder().due())
                || h.firedAt().isBefore(h.reminder().due())).count();
        Map<String, Long> times = handed.stream().collect(Collectors.groupingBy(
                h -> h.reminder().userKey() + " " + h.reminder().reminderId(), Collectors.counting()));
        long twice = times.values().stream().filter(n -> n > 1).count();
        Set<String> people = inMinute.stream().map(h -> h.reminder().userKey()).collect(Collectors.toSet());

        results.note(String.format("%s reminders due from %s to %s (the first ice reminder of as many people), on the "
                + "real clock, after a warm-up of %s due in the %s before it and a pause of %s. Lag: from the due time "
                + "to the reminder's message handed to the messenger, after its turn committed and the person's next "
                + "reminders went to Quartz.", Fmt.count(sizes.due()), minute.start(), minute.end(), Fmt.count(sizes.warmUp()),
                Fmt.seconds(secondsOf(sizes.warmUpWindow())), Fmt.seconds(secondsOf(sizes.gap()))));
        results.info("reminders delivered in the minute", Fmt.count(inMinute.size()) + " of " + Fmt.count(sizes.due()));
        Samples.Summary lag = lagMicros.summary();
        results.info("firing lag p50", Fmt.millis(lag.p50() / 1e3));
        results.measured("firing lag p99", lag.p99() / 1e6, Fmt.millis(lag.p99() / 1e3), Target.below(1, "< 1 s"));
        results.info("firing lag max", Fmt.millis(lag.max() / 1e3));
        Samples.Summary toJob = toJobMicros.summary();
        Samples.Summary job = jobMicros.summary();
        results.info("of which due to job started (Quartz), p50 / p99",
                Fmt.millis(toJob.p50() / 1e3) + " / " + Fmt.millis(toJob.p99() / 1e3));
        results.info("of which job started to handed over (claim, turn, re-plan), p50 / p99",
                Fmt.millis(job.p50() / 1e3) + " / " + Fmt.millis(job.p99() / 1e3));
        results.check("every reminder of the minute delivered, to its own person",
                inMinute.size() == sizes.due() && people.size() == sizes.due(),
                Fmt.count(inMinute.size()) + " delivered to " + Fmt.count(people.size()) + " people");
        results.check("nothing fired early", early == 0, Fmt.count(early) + " early");
        results.check("nothing fired twice", twice == 0, Fmt.count(twice) + " twice");
        Samples warmLag = new Samples();
        inWarmUp.forEach(h -> warmLag.add(micros(h.reminder().due(), h.handedAt())));
        results.info("warm-up reminders delivered, lag p99 / max", Fmt.count(inWarmUp.size()) + ", "
                + Fmt.millis(warmLag.summary().p99() / 1e3) + " / " + Fmt.millis(warmLag.summary().max() / 1e3));
        results.info("other reminders delivered (expected none)", Fmt.count(handed.size() - inMinute.size() - inWarmUp.size()));
        results.info("skipped as stale (expected none)", Fmt.count(recorder.stale()));
    }

    private static long micros(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1_000;
    }

    private static double secondsOf(Duration d) {
        return d.toNanos() / 1e9;
    }

    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
