package dev.comeback.bench.soak;

import dev.comeback.bench.Fmt;
import dev.comeback.bench.Onboarding;
import dev.comeback.bench.Results;
import dev.comeback.bench.RunContext;
import dev.comeback.bench.Samples;
import dev.comeback.bench.Scenario;
import dev.comeback.bench.Target;
import dev.comeback.bench.Zones;
import dev.comeback.bench.conversation.OutboxDrain;
import dev.comeback.bench.conversation.RecordingMessenger;
import dev.comeback.core.Coach;
import dev.comeback.core.ReminderDelivery;
import dev.comeback.core.ReminderPlanSync;
import dev.comeback.core.content.ContentLoader;
import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.scheduling.QuartzReminderScheduler;
import dev.comeback.core.storage.CompactionPolicy;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import dev.comeback.core.storage.JdbcOutbox;
import org.h2.mvstore.MVStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issue 13: a long run without restarts on the default configuration, to see the H2 file stay bounded by
 * compaction while running, and what the compactions cost in throughput and turn latency.
 */
public final class SoakScenario implements Scenario {
    static final String PLATFORM = "bench";
    /** Below this the file is within the bound whatever its live data: the default floor plus 4 MB. */
    static final long FLOOR = CompactionPolicy.DEFAULT.fromBytes() + (4L << 20);
    /** What one check-in day and a look at the progress are, typed. */
    static final List<String> DAY = List.of("/checkin", "no", "3", "2", "no", "/status");

    @Override
    public String name() {
        return "soak";
    }

    @Override
    public String title() {
        return "6. Soak: 1,000,000 commits without a restart";
    }

    @Override
    public List<String> jvmArgs() {
        return List.of("-Xmx512m");
    }

    @Override
    public void run(RunContext context, Results results) throws Exception {
        // BENCH_SOAK_PEOPLE / BENCH_SOAK_COMMITS in the environment size a run between the two.
        int people = Integer.parseInt(System.getenv().getOrDefault("BENCH_SOAK_PEOPLE", "" + context.size(10_000, 100)));
        long commits = Long.parseLong(System.getenv().getOrDefault("BENCH_SOAK_COMMITS", "" + context.size(1_000_000L, 6_000L)));
        long sampleMillis = context.size(1_000L, 100L);
        int clients = 2 * Runtime.getRuntime().availableProcessors();
        String zone = Zones.whereItIs(LocalTime.of(1, 0), Instant.now());
        List<String> onboarding = Onboarding.throughTimeZone(zone);
        Path file = context.workDir().resolve("soak");
        Path mvDb = Path.of(file + ".mv.db");

        List<long[]> sizes = new ArrayList<>();
        List<Database.Compaction> compactions;
        Samples[] turnNanos = new Samples[clients];
        Samples[] turnStarts = new Samples[clients];
        LongAdder failures = new LongAdder();
        LongAdder turns = new LongAdder();
        RecordingMessenger messenger = new RecordingMessenger();
        long runNanos;
        long handedOff;
        Instant startedAt;
        long startNanos;
        try (Database db = Database.open(Database.h2FileUrl(file), "sa", "", clients + 4)) {
            Clock clock = Clock.systemUTC();
            Coach coach = new Coach(new Conversation(ContentLoader.defaults()), new JdbcConversationStore(db.dataSource()));
            try (QuartzReminderScheduler scheduler = QuartzReminderScheduler.start(db.dataSource(), ReminderDelivery.queued(coach), clock)) {
                coach.setTurnListener(new ReminderPlanSync(coach, scheduler, clock));
                AtomicBoolean clientsDone = new AtomicBoolean();
                OutboxDrain drain = new OutboxDrain(new JdbcOutbox(db.dataSource()), PLATFORM, messenger, clientsDone::get);
                AtomicBoolean enough = new AtomicBoolean();
                startedAt = Instant.now();
                startNanos = System.nanoTime();
                List<Thread> threads = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    List<UserRef> share = new ArrayList<>();
                    for (int u = c; u < people; u += clients) {
                        share.add(UserRef.of(PLATFORM, "s" + u));
                    }
                    turnNanos[c] = new Samples();
                    turnStarts[c] = new Samples();
                    int client = c;
                    threads.add(new Thread(() -> talk(coach, share, onboarding, enough, turns, failures,
                            turnNanos[client], turnStarts[client], startNanos, () -> turns.sum() - drain.handedOff() > people),
                            "client-" + c));
                }
                Thread drainThread = new Thread(drain, "outbox-drain");
                threads.forEach(Thread::start);
                drainThread.start();
                while (true) {
                    long done = turns.sum() + drain.handedOff();
                    sizes.add(new long[]{System.nanoTime() - startNanos, done, Files.size(mvDb), db.liveBytesEstimate()});
                    if (done >= commits) {
                        break;
                    }
                    Thread.sleep(sampleMillis);
                }
                enough.set(true);
                for (Thread t : threads) {
                    t.join();
                }
                clientsDone.set(true);
                drainThread.join();
                runNanos = System.nanoTime() - startNanos;
                handedOff = drain.handedOff();
                compactions = db.compactions();
                sizes.add(new long[]{runNanos, turns.sum() + handedOff, Files.size(mvDb), db.liveBytesEstimate()});
            }
        }
        long closed = Files.size(mvDb);
        Path copy = context.workDir().resolve("soak-live.mv.db");
        MVStore.compact(mvDb.toString(), copy.toString(), false, null);
        long live = Files.size(copy);
        Files.delete(copy);
        report(results, people, clients, turns.sum(), handedOff, runNanos, sizes, compactions, turnNanos, turnStarts,
                startedAt, closed, live);
        results.check("every message taken in", failures.sum() == 0, Fmt.count(failures.sum()) + " failed");
        results.check("one reply handed over per message", handedOff == turns.sum(),
                Fmt.count(handedOff) + " for " + Fmt.count(turns.sum()));
        results.check("no reply says the core failed", messenger.faults() == 0, Fmt.count(messenger.faults()) + " apologies");
    }

    /**
     * Each person in turn sends their next message: onboarding first, then check-in days for ever. People wait
     * for replies: while more replies are waiting in the outbox than there are people ({@code behind}), no one
     * sends (without this the clients outran the drain and the outbox alone grew to 100,000 rows).
     */
    private static void talk(Coach coach, List<UserRef> share, List<String> onboarding, AtomicBoolean enough,
                             LongAdder turns, LongAdder failures, Samples nanos, Samples starts, long startNanos,
                             java.util.function.BooleanSupplier behind) {
        int[] step = new int[share.size()];
        List<ChatRef> chats = share.stream().map(u -> ChatRef.privateChat(u.platform(), u.id())).toList();
        while (!enough.get()) {
            for (int i = 0; i < share.size() && !enough.get(); i++) {
                int s = step[i]++;
                String text = s < onboarding.size() ? onboarding.get(s) : DAY.get((s - onboarding.size()) % DAY.size());
                while (behind.getAsBoolean() && !enough.get()) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                long t0 = System.nanoTime();
                try {
                    if (!coach.handleQueued(new Incoming.Text(share.get(i), chats.get(i), text, Instant.now()), Optional.empty())) {
                        failures.increment();
                    }
                } catch (RuntimeException e) {
                    failures.increment();
                }
                long t1 = System.nanoTime();
                nanos.add(t1 - t0);
                starts.add(t0 - startNanos);
                turns.increment();
            }
        }
    }

    private static void report(Results results, int people, int clients, long turns, long handedOff, long runNanos,
                               List<long[]> sizes, List<Database.Compaction> compactions, Samples[] turnNanos,
                               Samples[] turnStarts, Instant startedAt, long closed, long live) {
        long commits = turns + handedOff;
        results.note(String.format("%s people on the default configuration (compaction from %d MB, at 2x live data or "
                        + "128 MB dead), %d client threads, one outbox drain thread (no one sends while more replies wait than there "
                        + "are people); each person onboards (%s messages) "
                        + "and then does check-in days (/checkin, four answers, /status) until the commits reach the "
                        + "target. A commit is a turn (state and outbox in one transaction) or a delivery (the outbox row "
                        + "deleted); Quartz's own commits for the plan hand-offs come on top and are not counted.",
                Fmt.count(people), CompactionPolicy.DEFAULT.fromBytes() >> 20, clients,
                Fmt.count(Onboarding.throughTimeZone("UTC").size()), Fmt.count(commits)));
        double seconds = runNanos / 1e9;
        results.info("commits (turns + deliveries)", Fmt.count(commits) + " in " + Fmt.seconds(seconds));
        results.info("commits per second, whole run", Fmt.rate(commits / seconds, "commit"));
        results.info("slowest tenth of the run, commits per second", Fmt.rate(slowestTenth(sizes), "commit"));

        // Each turn's start and end against the compactions' pauses, on one time line (ns since the start).
        long[][] pauses = compactions.stream().map(c -> new long[]{
                Duration.between(startedAt, c.at()).toNanos(),
                Duration.between(startedAt, c.at()).toNanos() + c.pauseMillis() * 1_000_000}).toArray(long[][]::new);
        Samples quiet = new Samples();
        Samples during = new Samples();
        Samples beforeFirst = new Samples();
        for (int c = 0; c < turnNanos.length; c++) {
            long[] lat = turnNanos[c].values();
            long[] start = turnStarts[c].values();
            for (int i = 0; i < lat.length; i++) {
                boolean overlaps = false;
                for (long[] p : pauses) {
                    if (start[i] < p[1] && start[i] + lat[i] > p[0]) {
                        overlaps = true;
                        break;
                    }
                }
                (overlaps ? during : quiet).add(lat[i]);
                if (pauses.length == 0 || start[i] + lat[i] < pauses[0][0]) {
                    beforeFirst.add(lat[i]);
                }
            }
        }
        Samples.Summary all = Samples.merge(Arrays.asList(turnNanos)).summary();
        results.info("turn latency p50 / p99 / max, all turns", Fmt.nanosAsMillis(all.p50()) + " / "
                + Fmt.nanosAsMillis(all.p99()) + " / " + Fmt.nanosAsMillis(all.max()));
        results.info("turn latency p99 before the first compaction (" + Fmt.count(beforeFirst.count()) + " turns)",
                Fmt.nanosAsMillis(beforeFirst.summary().p99()));
        results.info("turn latency p99, turns clear of any compaction (" + Fmt.count(quiet.count()) + ")",
                Fmt.nanosAsMillis(quiet.summary().p99()));
        Samples.Summary hit = during.summary();
        results.info("turn latency p50 / p99 / max, turns overlapping a compaction (" + Fmt.count(hit.count()) + ")",
                Fmt.nanosAsMillis(hit.p50()) + " / " + Fmt.nanosAsMillis(hit.p99()) + " / " + Fmt.nanosAsMillis(hit.max()));

        Samples pauseMillis = new Samples();
        compactions.forEach(c -> pauseMillis.add(c.pauseMillis()));
        Samples.Summary pause = pauseMillis.summary();
        results.info("compactions while running", Fmt.count(compactions.size()));
        results.info("compaction pause p50 / p99 / max (no connection handed out)", Fmt.millis(pause.p50()) + " / "
                + Fmt.millis(pause.p99()) + " / " + Fmt.millis(pause.max()));
        long pausedMillis = compactions.stream().mapToLong(Database.Compaction::pauseMillis).sum();
        results.info("time paused for compaction", Fmt.seconds(pausedMillis / 1e3) + String.format(
                java.util.Locale.ROOT, " (%.1f%% of the run)", 100.0 * pausedMillis / (runNanos / 1e6)));

        long maxFile = sizes.stream().mapToLong(s -> s[2]).max().orElse(0);
        double worst = 0;
        long worstAt = 0;
        long overBound = 0;
        for (long[] s : sizes) {
            if (s[3] > 0 && s[2] > FLOOR) {
                double ratio = (double) s[2] / s[3];
                if (ratio > worst) {
                    worst = ratio;
                    worstAt = s[1];
                }
            }
            if (s[2] > Math.max(3 * s[3], FLOOR) || s[2] > s[3] + (256L << 20)) {
                overBound++;
            }
        }
        results.info("largest file seen", Fmt.mebibytes(maxFile));
        results.measured("largest file / live data (estimate) above " + Fmt.mebibytes(FLOOR), worst,
                Fmt.ratio(worst) + (worst > 0 ? " at " + Fmt.count(worstAt) + " commits" : ""), Target.below(3, "≤ 3"));
        results.check("file ≤ max(3x live, " + Fmt.mebibytes(FLOOR) + ") and ≤ live + 256 MB at every sample",
                overBound == 0, Fmt.count(overBound) + " of " + Fmt.count(sizes.size()) + " samples over");
        results.info("file after closing / live data (compacted copy, pages uncompressed)",
                Fmt.mebibytes(closed) + " / " + Fmt.mebibytes(live));
        // A compaction needs the old file and the new one side by side for a moment.
        results.check("disk needed at most (largest file and its compacted copy) under 5 GB", 2 * maxFile < (5L << 30),
                Fmt.mebibytes(2 * maxFile));
        results.note("File against live data over the run (live data is H2's estimate, info.FILL_RATE x "
                + "info.CHUNKS_FILL_RATE x the file; " + Fmt.count(sizes.size()) + " samples, one a tenth of the way "
                + "shown): " + overTime(sizes));
        results.note("A compaction pauses the pool: new connections wait, those in use are returned, then the "
                + "committed data is copied through SQL (SCRIPT, RUNSCRIPT into a new file) and the copy replaces the "
                + "old file in one rename, and a new pool opens. A turn overlaps a compaction when it ran at any moment of such a pause.");
    }

    /**
     * Commits per second over the slowest tenth of the run (by commits between samples, in ten slices), from
     * the first commit (start-up before it is not the soak).
     */
    private static double slowestTenth(List<long[]> all) {
        List<long[]> sizes = all.stream().dropWhile(s -> s[1] == 0).toList();
        if (sizes.size() < 11) {
            return 0;
        }
        double slowest = Double.MAX_VALUE;
        int step = sizes.size() / 10;
        for (int i = 0; i + step < sizes.size(); i += step) {
            long[] a = sizes.get(i);
            long[] b = sizes.get(i + step);
            slowest = Math.min(slowest, (b[1] - a[1]) / ((b[0] - a[0]) / 1e9));
        }
        return slowest;
    }

    private static String overTime(List<long[]> sizes) {
        StringBuilder out = new StringBuilder();
        int step = Math.max(1, sizes.size() / 10);
        for (int i = 0; i < sizes.size(); i += step) {
            long[] s = sizes.get(i);
            out.append(i == 0 ? "" : "; ").append(Fmt.count(s[1])).append(" commits (")
                    .append(Fmt.seconds(s[0] / 1e9)).append("): ").append(Fmt.mebibytes(s[2])).append(" for ")
                    .append(Fmt.mebibytes(s[3]));
        }
        long[] last = sizes.get(sizes.size() - 1);
        out.append("; at the end, ").append(Fmt.count(last[1])).append(" commits: ").append(Fmt.mebibytes(last[2]))
                .append(" for ").append(Fmt.mebibytes(last[3]));
        return out.toString();
    }
}
