package dev.comeback.bench.files;

import dev.comeback.bench.Fmt;
import dev.comeback.bench.Results;
import dev.comeback.bench.RunContext;
import dev.comeback.bench.Samples;
import dev.comeback.bench.Scenario;
import dev.comeback.bench.Target;
import dev.comeback.core.delivery.DeliveryLimits;
import dev.comeback.core.delivery.Dispatcher;
import dev.comeback.core.delivery.OutboxMessage;
import dev.comeback.core.delivery.Outcome;
import dev.comeback.core.delivery.Outgoing;
import dev.comeback.core.delivery.Pacer;
import dev.comeback.core.delivery.Part;
import dev.comeback.core.delivery.PlatformSender;
import dev.comeback.core.delivery.Urgency;
import dev.comeback.core.message.Attachment;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Reply;
import dev.comeback.core.progress.ProgressFiles;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import dev.comeback.core.storage.JdbcOutbox;
import dev.comeback.core.storage.TurnCommit;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.SeededHistory;
import dev.comeback.core.time.VirtualClock;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issue 16: how long the pain chart (/progress), the clinician's PDF (/report) and the JSON export (/export)
 * take to make for a ten-week history, the heap they need, and whether a burst of /progress requests holds
 * up someone else's reply in the outbox (files are made on the dispatcher's render thread).
 */
public final class FilesScenario implements Scenario {
    /** The whole scenario runs in this heap: "needs at most" is a check, not an estimate. */
    static final String HEAP = "-Xmx128m";

    @Override
    public String name() {
        return "files";
    }

    @Override
    public String title() {
        return "5. Charts, reports and exports";
    }

    @Override
    public List<String> jvmArgs() {
        return List.of(HEAP);
    }

    @Override
    public void run(RunContext context, Results results) throws Exception {
        int renders = context.size(200, 20);
        int burst = context.size(50, 10);
        try (Database db = Database.open(Database.h2FileUrl(context.workDir().resolve("files")), "sa", "", 4)) {
            ChatDriver person = new ChatDriver(new JdbcConversationStore(db.dataSource()),
                    new VirtualClock(Instant.parse("2026-03-02T08:00:00Z"), ZoneId.of("UTC")), "ten-weeks");
            SeededHistory.tenWeeks(person, 16L);
            ProgressFiles files = new ProgressFiles(db.dataSource(), person.coach(), ChatDriver.CONTENT);
            results.note("One person with a ten-week history seeded through the real conversation (SeededHistory, seed 16: "
                    + "triage, early phases, functional tests, six weeks of reloading with daily check-ins, a strain and a "
                    + "regression), on a durable H2 file. Each file is made by ProgressFiles as a dispatcher's render thread "
                    + "makes it (database reads included), " + renders + " times after 5 warm-ups; allocation per file "
                    + "from the thread's allocated-bytes counter. The JVM runs with " + HEAP + ".");
            for (Attachment.Kind kind : Attachment.Kind.values()) {
                measure(results, files, person, kind, renders);
            }
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            results.info("peak heap used (all pools, garbage included)", Fmt.mebibytes(peak));
            results.info("heap limit of this scenario's JVM (an OutOfMemoryError would fail it)", HEAP.substring(4));
            burst(results, db, files, person, burst);
        }
    }

    private static void measure(Results results, ProgressFiles files, ChatDriver person, Attachment.Kind kind, int renders) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Attachment attachment = Attachment.of(kind);
        for (int i = 0; i < 5; i++) {
            files.render(person.user(), attachment, person.now());
        }
        Samples nanos = new Samples();
        long allocated = 0;
        int bytes = 0;
        for (int i = 0; i < renders; i++) {
            long a = threads.getCurrentThreadAllocatedBytes();
            long t = System.nanoTime();
            bytes = files.render(person.user(), attachment, person.now()).bytes().length;
            nanos.add(System.nanoTime() - t);
            allocated += threads.getCurrentThreadAllocatedBytes() - a;
        }
        String what = switch (kind) {
            case CHART -> "chart (PNG 1080x1350)";
            case REPORT -> "report (PDF, one page)";
            case EXPORT -> "export (JSON)";
        };
        Samples.Summary s = nanos.summary();
        results.info(what + ": time to make, p50", Fmt.nanosAsMillis(s.p50()));
        results.measured(what + ": time to make, p99", s.p99() / 1e6, Fmt.nanosAsMillis(s.p99()),
                Target.below(1000, "< 1 s"));
        results.info(what + ": allocated per file", Fmt.mebibytes(allocated / renders));
        results.info(what + ": file size", Fmt.count(bytes / 1024) + " KiB");
    }

    /**
     * {@code burst} /progress requests from as many chats go into the outbox at once, then one text reply to
     * someone else; a dispatcher with a file renderer sends them to a sender that records when each arrives.
     */
    private static void burst(Results results, Database db, ProgressFiles files, ChatDriver person, int burst) throws Exception {
        JdbcOutbox outbox = new JdbcOutbox(db.dataSource());
        JdbcConversationStore store = new JdbcConversationStore(db.dataSource());
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        PlatformSender sender = new PlatformSender() {
            final DeliveryLimits limits = new DeliveryLimits(new Pacer.Limits(1000, 1000, Duration.ofMillis(1), 1,
                    Duration.ofMillis(1), 1000), 4096);

            @Override
            public String platform() {
                return "bench";
            }

            @Override
            public DeliveryLimits limits() {
                return limits;
            }

            @Override
            public Outcome send(OutboxMessage message, Part part, int index) {
                arrived.putIfAbsent(message.chat().id() + (part.file().isPresent() ? "#file" : "#" + index), System.nanoTime());
                return Outcome.sent();
            }
        };
        try (Dispatcher dispatcher = new Dispatcher(outbox, sender, (user, at) -> { }, Clock.systemUTC(), 2)) {
            dispatcher.renderFilesWith(files);
            dispatcher.start();
            long start = System.nanoTime();
            for (int i = 0; i < burst; i++) {
                store.commit(new TurnCommit(person.user().key(), Optional.empty(), Optional.of(new Outgoing(person.user(),
                        ChatRef.privateChat("bench", "p" + i), Urgency.REPLY,
                        List.of(Reply.file("chart", Attachment.of(Attachment.Kind.CHART))), Instant.now())), Optional.empty()));
            }
            store.commit(new TurnCommit("bench:other", Optional.empty(), Optional.of(new Outgoing(
                    dev.comeback.core.message.UserRef.of("bench", "other"), ChatRef.privateChat("bench", "other"), Urgency.REPLY,
                    List.of(Reply.text("a reply to someone else")), Instant.now())), Optional.empty()));
            dispatcher.wake();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (arrived.size() < burst + 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            long other = arrived.getOrDefault("other#0", deadline) - start;
            long last = arrived.values().stream().mapToLong(t -> t - start).max().orElse(0);
            results.note("Burst: " + burst + " /progress requests from " + burst + " chats queued in the outbox at once, then "
                    + "one text reply to someone else; one dispatcher (2 sender threads, its render thread) sending to a "
                    + "recording sender without pacing.");
            results.check("burst: every chart and the other reply arrive", arrived.size() == burst + 1,
                    arrived.size() + " of " + (burst + 1));
            results.info("burst: last chart sent after", Fmt.nanosAsMillis(last));
            results.measured("burst: someone else's reply sent after", other / 1e6, Fmt.nanosAsMillis(other),
                    Target.below(500, "< 500 ms"));
        }
    }
}
