package dev.comeback.bench.conversation;

import dev.comeback.bench.Fmt;
import dev.comeback.bench.Results;
import dev.comeback.bench.RunContext;
import dev.comeback.bench.Samples;
import dev.comeback.bench.Scenario;
import dev.comeback.bench.Target;
import dev.comeback.bench.Zones;
import dev.comeback.core.Coach;
import dev.comeback.core.ReminderDelivery;
import dev.comeback.core.ReminderPlanSync;
import dev.comeback.core.content.ContentLoader;
import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.conversation.Stage;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.scheduling.QuartzReminderScheduler;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import dev.comeback.core.storage.JdbcOutbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issue 6, scenario 1: incoming messages per second through the whole core on a durable H2 file, wired as
 * the launcher wires it (reminder plans handed to a running Quartz scheduler after each turn), with people
 * mid-flow; against the raw H2 commit rate measured in the same run.
 */
public final class ConversationScenario implements Scenario {
    static final String PLATFORM = "bench";

    @Override
    public String name() {
        return "conversation";
    }

    @Override
    public String title() {
        return "1. Conversation throughput";
    }

    @Override
    public List<String> jvmArgs() {
        return List.of("-Xmx512m");
    }

    @Override
    public void run(RunContext context, Results results) throws Exception {
        int users = context.size(10_000, 200);
        int clients = 2 * Runtime.getRuntime().availableProcessors();
        int poolSize = clients + 4;
        Duration rawMeasure = context.size(Duration.ofSeconds(10), Duration.ofSeconds(1));
        Duration rawWarmUp = context.size(Duration.ofSeconds(3), Duration.ofMillis(500));
        // Night there: every person is handed their next reminders, and none falls due during the run.
        String zone = Zones.whereItIs(LocalTime.of(1, 0), Instant.now());
        Script script = Script.toCheckIn(zone);

        double rawOne = RawCommitRate.measure(context.workDir().resolve("raw-1"), 1, rawWarmUp, rawMeasure);
        double rawMany = RawCommitRate.measure(context.workDir().resolve("raw-n"), clients, rawWarmUp, rawMeasure);

        Path file = context.workDir().resolve("conversation");
        try (Database db = Database.open(Database.h2FileUrl(file), "sa", "", poolSize)) {
            Clock clock = Clock.systemUTC();
            Coach coach = new Coach(new Conversation(ContentLoader.defaults()), new JdbcConversationStore(db.dataSource()));
            try (QuartzReminderScheduler scheduler = QuartzReminderScheduler.start(db.dataSource(), ReminderDelivery.queued(coach), clock)) {
                coach.setTurnListener(new ReminderPlanSync(coach, scheduler, clock));
                List<List<UserRef>> shares = shares(users, clients);

                Run setUp = drive(coach, db, shares, script.setUp());
                results.note(String.format("%s people, %d client threads, pool of %d connections; set-up (untimed, also the "
                        + "JIT warm-up): %s messages in %s", Fmt.count(users), clients, poolSize,
                        Fmt.count(setUp.messages()), Fmt.seconds(setUp.seconds())));
                Run run = drive(coach, db, shares, script.measured());
                report(results, script.measured(), run, rawOne, rawMany, clients);
                results.info("database file after the run", Fmt.mebibytes(Files.size(Path.of(file + ".mv.db"))));
                checkEveryone(results, new JdbcConversationStore(db.dataSource()), shares, setUp, run);
            }
        }
    }

    private static void report(Results results, List<String> script, Run run, double rawOne, double rawMany, int clients) {
        results.note("Measured: " + Fmt.count(run.messages()) + " messages (rest of the triage quiz, weight, time zone, a "
                + "check-in, /status). A message counts as done when its reply, committed with the new state into the "
                + "outbox, was taken from the outbox, handed to a recording messenger and deleted (one drain thread).");
        double rate = run.messages() / run.seconds();
        results.measured("messages per second, end to end", rate, Fmt.rate(rate, "msg"),
                Target.atLeast(2_000, "≥ 2,000 msg/s"));
        results.info("turns per second (until the last turn committed)", Fmt.rate(run.messages() / run.turnSeconds(), "msg"));
        results.info("raw H2 single-row commits, 1 thread", Fmt.rate(rawOne, "insert"));
        results.info("raw H2 single-row commits, " + clients + " threads", Fmt.rate(rawMany, "insert"));
        double ratio = rate / rawMany;
        results.measured("messages / raw commits (" + clients + " threads)", ratio, Fmt.ratio(ratio),
                Target.atLeast(0.5, "≥ 0.50"));
        Samples.Summary turn = run.turnNanos();
        results.info("turn latency p50 (load, step, commit state + outbox, plan hand-off)", Fmt.nanosAsMillis(turn.p50()));
        results.measured("turn latency p99", turn.p99() / 1e6, Fmt.nanosAsMillis(turn.p99()), Target.below(20, "< 20 ms"));
        results.info("turn latency max", Fmt.nanosAsMillis(turn.max()));
        results.note("Turn latency p99 by message: " + byStep(script, run));
        Samples.Summary handOff = run.handOffMicros();
        results.info("message in to reply handed to messenger, p50", Fmt.millis(handOff.p50() / 1e3));
        results.info("message in to reply handed to messenger, p99", Fmt.millis(handOff.p99() / 1e3));
        results.info("message in to reply handed to messenger, max", Fmt.millis(handOff.max() / 1e3));
    }

    private static String byStep(List<String> script, Run run) {
        StringBuilder out = new StringBuilder();
        for (int step = 0; step < script.size(); step++) {
            out.append(step == 0 ? "" : ", ").append('"').append(script.get(step)).append("\" ")
                    .append(Fmt.nanosAsMillis(run.stepNanos().get(step).p99()));
        }
        return out.toString();
    }

    private static void checkEveryone(Results results, JdbcConversationStore store, List<List<UserRef>> shares, Run... runs) {
        long messages = 0;
        long failures = 0;
        long handedOff = 0;
        long faults = 0;
        for (Run run : runs) {
            messages += run.messages();
            failures += run.failures();
            handedOff += run.handedOff();
            faults += run.faults();
        }
        results.check("every message taken in (set-up and measured)", failures == 0, Fmt.count(failures) + " failed");
        results.check("one reply handed over per message", handedOff == messages,
                Fmt.count(handedOff) + " for " + Fmt.count(messages));
        results.check("no reply says the core failed", faults == 0, Fmt.count(faults) + " apologies");
        long wrong = shares.stream().flatMap(List::stream).filter(u -> !checkedIn(store.load(u.key()))).count();
        results.check("everyone ends in recovery with one check-in", wrong == 0, Fmt.count(wrong) + " not");
    }

    private static boolean checkedIn(Optional<ConversationState> state) {
        return state.filter(s -> s.stage() == Stage.RECOVERY)
                .flatMap(ConversationState::recovery).map(r -> r.checkIns().size() == 1).orElse(false);
    }

    private static List<List<UserRef>> shares(int users, int clients) {
        List<List<UserRef>> shares = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            shares.add(new ArrayList<>());
        }
        for (int u = 0; u < users; u++) {
            shares.get(u % clients).add(UserRef.of(PLATFORM, "u" + u));
        }
        return shares;
    }

    /** What one phase measured: {@code seconds} until the last reply was handed over, {@code turnSeconds} until the last turn committed. */
    private record Run(long messages, double seconds, double turnSeconds, long failures, long handedOff, long faults,
                       Samples.Summary turnNanos, List<Samples.Summary> stepNanos, Samples.Summary handOffMicros) {
    }

    /** Each client thread sends its people message after message of {@code script}, one person after another. */
    private static Run drive(Coach coach, Database db, List<List<UserRef>> shares, List<String> script) throws Exception {
        AtomicBoolean clientsDone = new AtomicBoolean();
        RecordingMessenger messenger = new RecordingMessenger();
        OutboxDrain drain = new OutboxDrain(new JdbcOutbox(db.dataSource()), PLATFORM, messenger, clientsDone::get);
        LongAdder failures = new LongAdder();
        // Per client thread, per message of the script: which messages are slow matters as much as how slow.
        List<List<Samples>> byStep = new ArrayList<>();
        for (int step = 0; step < script.size(); step++) {
            byStep.add(new ArrayList<>());
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> clients = new ArrayList<>();
        for (List<UserRef> share : shares) {
            Samples[] samples = new Samples[script.size()];
            for (int step = 0; step < samples.length; step++) {
                samples[step] = new Samples();
                byStep.get(step).add(samples[step]);
            }
            clients.add(new Thread(() -> send(coach, share, script, samples, failures, go), "client-" + clients.size()));
        }
        clients.forEach(Thread::start);
        Thread drainThread = new Thread(drain, "outbox-drain");
        drainThread.start();
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        go.countDown();
        for (Thread client : clients) {
            client.join();
        }
        long turnsDone = System.nanoTime();
        clientsDone.set(true);
        drainThread.join();
        double seconds = Duration.between(startedAt, drain.lastHandOff()).toNanos() / 1e9;
        long messages = (long) script.size() * shares.stream().mapToInt(List::size).sum();
        List<Samples.Summary> stepNanos = byStep.stream().map(s -> Samples.merge(s).summary()).toList();
        Samples.Summary turnNanos = Samples.merge(byStep.stream().flatMap(List::stream).toList()).summary();
        return new Run(messages, seconds, (turnsDone - start) / 1e9, failures.sum(), drain.handedOff(),
                messenger.faults(), turnNanos, stepNanos, drain.handOffMicros().summary());
    }

    private static void send(Coach coach, List<UserRef> share, List<String> script, Samples[] latencies,
                             LongAdder failures, CountDownLatch go) {
        List<ChatRef> chats = share.stream().map(u -> ChatRef.privateChat(u.platform(), u.id())).toList();
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (int step = 0; step < script.size(); step++) {
            for (int i = 0; i < share.size(); i++) {
                Incoming in = new Incoming.Text(share.get(i), chats.get(i), script.get(step), Instant.now());
                long t0 = System.nanoTime();
                try {
                    if (!coach.handleQueued(in, Optional.empty())) {
                        failures.increment();
                    }
                } catch (RuntimeException e) {
                    failures.increment();
                }
                latencies[step].add(System.nanoTime() - t0);
            }
        }
    }
}
