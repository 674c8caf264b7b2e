package dev.comeback.bench.startup;

import dev.comeback.bench.Fmt;
import dev.comeback.bench.Results;
import dev.comeback.bench.RunContext;
import dev.comeback.bench.Samples;
import dev.comeback.bench.Scenario;
import dev.comeback.bench.people.Enrollment;
import dev.comeback.bench.people.RecoveringStates;
import dev.comeback.core.Coach;
import dev.comeback.core.ReminderPlanSync;
import dev.comeback.core.content.ContentLoader;
import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.scheduling.DueReminderHandler;
import dev.comeback.core.scheduling.QuartzReminderScheduler;
import dev.comeback.core.scheduling.ScheduledReminder;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issue 6, scenario 4: from launching Comeback to its first reply, on an empty database (the first launch
 * ever: the schema is created) and on one that holds 100,000 people with their reminders planned. Each is
 * launched several times; every launch is a new process.
 */
public final class StartupScenario implements Scenario {
    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String title() {
        return "4. Start-up";
    }

    @Override
    public List<String> jvmArgs() {
        return List.of("-Xmx512m");
    }

    /** Every way of launching that is timed. */
    static List<FirstReplyProbe> probes(RunContext context) {
        return List.of(new ConsoleFirstReply(context.appJar()), new TelegramFirstReply(context.appJar()));
    }

    @Override
    public void run(RunContext context, Results results) throws Exception {
        int people = context.size(100_000, 500);
        int launches = context.size(5, 1);
        List<FirstReplyProbe> probes = probes(context);
        try {
            measure(context, results, people, launches, probes);
        } finally {
            for (FirstReplyProbe probe : probes) {
                probe.close();
            }
        }
    }

    private static void measure(RunContext context, Results results, int people, int launches, List<FirstReplyProbe> probes) throws Exception {
        results.note("Each launch is a new process started as ./comeback starts it (java -jar app/target/comeback.jar, "
                + "default JVM options) with --db. Console: --user, /start on standard input, timed to the first reply line. "
                + "Telegram: TELEGRAM_BOT_TOKEN and TELEGRAM_API_URL set, the fake Bot API server holding a /start, timed to "
                + "the reply's sendMessage arriving at the fake (database, command menu, first poll, turn, outbox, send). "
                + (launches == 1 ? "One launch" : launches + " launches") + " each; the empty database is new for every launch.");

        for (FirstReplyProbe probe : probes) {
            List<Duration> times = new ArrayList<>();
            for (int i = 0; i < launches; i++) {
                times.add(probe.firstReply(context.workDir().resolve("empty-" + probe.name() + "-" + i), "newcomer"));
            }
            report(results, probe.name() + ", empty database", times);
        }

        Path populated = context.workDir().resolve("populated");
        Duration built = populate(populated, people);
        results.info("database of " + Fmt.count(people) + " people: built in", Fmt.seconds(built.toMillis() / 1e3));
        results.info("database of " + Fmt.count(people) + " people: file", Fmt.mebibytes(Files.size(Path.of(populated + ".mv.db"))));
        for (FirstReplyProbe probe : probes) {
            List<Duration> times = new ArrayList<>();
            for (int i = 0; i < launches; i++) {
                times.add(probe.firstReply(populated, "newcomer" + i));
            }
            report(results, probe.name() + ", " + Fmt.count(people) + " people", times);
        }
    }

    private static void report(Results results, String what, List<Duration> times) {
        Samples millis = new Samples();
        times.forEach(t -> millis.add(t.toMillis()));
        results.info("first reply, " + what, times.size() == 1 ? Fmt.millis(millis.percentile(50))
                : "median " + Fmt.millis(millis.percentile(50)) + " (" + Fmt.millis(millis.percentile(0)) + " to "
                + Fmt.millis(millis.summary().max()) + ", " + times.size() + " launches)");
    }

    /**
     * People in the first 72 hours of recovery, enrolled as in the reminder scenario (state saved, next
     * reminders in Quartz), living where it is night so that none of their reminders falls due while the
     * launcher runs; then the database is closed as after a clean shutdown.
     */
    private static Duration populate(Path file, int people) throws Exception {
        int threads = 2 * Runtime.getRuntime().availableProcessors();
        Clock clock = Clock.systemUTC();
        Conversation conversation = new Conversation(ContentLoader.defaults());
        LongAdder fired = new LongAdder();
        DueReminderHandler counting = new DueReminderHandler() {
            @Override
            public void onDue(ScheduledReminder reminder, Instant firedAt) {
                fired.increment();
            }

            @Override
            public void onStale(String userKey, List<ScheduledReminder> skipped, Instant firedAt) {
                fired.add(skipped.size());
            }
        };
        try (Database db = Database.open(Database.h2FileUrl(file), "sa", "", threads + 4)) {
            Coach coach = new Coach(conversation, new JdbcConversationStore(db.dataSource()));
            try (QuartzReminderScheduler scheduler = QuartzReminderScheduler.start(db.dataSource(), counting, clock)) {
                ReminderPlanSync plans = new ReminderPlanSync(coach, scheduler, clock);
                Enrollment enrollment = new Enrollment(new JdbcConversationStore(db.dataSource()), plans, threads);
                Duration took = enrollment.enroll(people,
                        Enrollment.atNight("s", people, new RecoveringStates(conversation, clock.instant()), clock.instant()));
                if (fired.sum() > 0) {
                    throw new IllegalStateException(fired.sum() + " reminders fell due while building the database");
                }
                return took;
            }
        }
    }
}
