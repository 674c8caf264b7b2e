package dev.comeback.core.delivery;

import dev.comeback.core.message.Button;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.storage.JdbcOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends what turns left in the outbox for one platform, within its limits ({@link Pacer}), through its
 * {@link PlatformSender}. One loop decides what may go now (replies before reminders, one message per chat
 * at a time so a chat's messages keep their order); sender threads make the calls. A row leaves the outbox
 * only once all its parts ({@link Layout}) are sent; a crash in between resends at most the part in flight.
 *
 * <p>Outcomes: sent, and a part with buttons is recorded under the platform's id of its message in the
 * same transaction that marks it sent ({@link JdbcOutbox#partSent(OutboxMessage, int, boolean, Optional)}),
 * since presses are only taken from recorded messages; when an earlier try of it may have gone out
 * unrecorded, its buttons are recorded for its person too. Rate-limited, that chat (or the whole bot) waits
 * until the platform's time, then the message goes. Unreachable: the person's reminders pause and their queued reminders are dropped. Rejected: the
 * message can never be sent as it is; logged, dropped. Transient: retried with exponential backoff, a reply
 * for {@link DeliveryLimits#replyRetryFor()}, a reminder until it is {@link DeliveryLimits#staleAfter()} old;
 * then dropped with a log line. Time is the given {@link Clock}'s, so a test can run it on a virtual clock
 * and call {@link #dispatchDue()} itself.
 *
 * <p>Files: a part carrying an attachment request is made by the {@link FileRenderer} on the dispatcher's
 * own render thread just before it is sent, while the chat waits and every other chat's messages go on; a
 * restart makes it again from the request in the outbox row. A file over the platform's photo limit goes as
 * a document; over its file limit, or when it cannot be made, the person gets a sentence saying so instead.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int BATCH = 500;
    private static final Duration IDLE = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    /** Told when a person can no longer be reached on the platform (pauses their reminders). */
    public interface UnreachableListener {
        void unreachable(UserRef user, Instant at);
    }

    /** What the dispatcher has done since it started. */
    public record Stats(long sent, long rateLimited, long failed, long dropped) {
    }

    private final JdbcOutbox outbox;
    private final PlatformSender sender;
    private final DeliveryLimits limits;
    private final Layout layout;
    private final UnreachableListener unreachable;
    private final Clock clock;
    private final Pacer pacer;
    /** The last outbox row there was when this dispatcher started, and the ones of those sent since. */
    private final long startedAfter;
    private final Set<Long> resumed = ConcurrentHashMap.newKeySet();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /**
     * Rows a sender changed (sent, delivered, rescheduled), with when the change was committed. A read of the
     * outbox that began before that may still show the row as it was, and sending from it would send a
     * message twice; such a row waits for the next read.
     */
    private final Map<Long, Long> changedAt = new ConcurrentHashMap<>();
    private final java.util.concurrent.Executor senders;
    private final ExecutorService ownedSenders;
    /** Free sender threads: a message is only let through when one can send it at once, so the time the
     *  pacer records is the time it leaves, not the time it would start waiting in a queue. */
    private final Semaphore idleSenders;
    private final Thread loop;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running = true;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile FileRenderer renderer;
    private volatile ExecutorService renders;
    /** Parts with their files made (or the sentence replacing them), by outbox id and part index. */
    private final Map<String, java.util.concurrent.CompletableFuture<Part>> made = new ConcurrentHashMap<>();

    /** A dispatcher with its own loop thread and {@code senderThreads} sender threads; {@link #start()} it. */
    public Dispatcher(JdbcOutbox outbox, PlatformSender sender, UnreachableListener unreachable, Clock clock,
                      int senderThreads) {
        this(outbox, sender, unreachable, clock, Executors.newFixedThreadPool(senderThreads,
                daemon(sender.platform() + "-send")), senderThreads);
    }

    /**
     * A dispatcher whose sends run on {@code senders} (a test passes {@code Runnable::run} and calls
     * {@link #dispatchDue()} itself, on a virtual clock).
     */
    public Dispatcher(JdbcOutbox outbox, PlatformSender sender, UnreachableListener unreachable, Clock clock,
                      java.util.concurrent.Executor senders, int senderThreads) {
        this.outbox = outbox;
        this.sender = sender;
        this.limits = sender.limits();
        this.layout = Layout.of(sender);
        this.unreachable = unreachable;
        this.clock = clock;
        this.pacer = new Pacer(limits.pacing());
        this.startedAfter = outbox.lastId(sender.platform());
        this.senders = senders;
        this.ownedSenders = senders instanceof ExecutorService service ? service : null;
        this.idleSenders = new Semaphore(senderThreads);
        this.loop = daemon(sender.platform() + "-outbox").newThread(this::run);
    }

    public void start() {
        loop.start();
    }

    /** Files are made by {@code renderer} on one render thread of this dispatcher's own. Before {@link #start()}. */
    public void renderFilesWith(FileRenderer renderer) {
        this.renders = Executors.newSingleThreadExecutor(daemon(sender.platform() + "-render"));
        this.renderer = renderer;
    }

    /** Something new is in the outbox: look now rather than at the next idle tick. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    public Stats stats() {
        return new Stats(sent.get(), rateLimited.get(), failed.get(), dropped.get());
    }

    /** How {@code message} is laid out for this platform (always the same for the same row). */
    public List<Part> parts(OutboxMessage message) {
        return layout.parts(message.replies());
    }

    private void run() {
        while (running) {
            Duration sleep = IDLE;
            try {
                sleep = dispatchDue();
            } catch (RuntimeException e) {
                log.error("cannot read the {} outbox; trying again shortly", sender.platform(), e);
                sleep = Duration.ofSeconds(1);
            }
            await(sleep);
        }
    }

    /** Starts sending everything that may go now; returns how long until something else may. */
    public Duration dispatchDue() {
        Duration sleep = IDLE;
        long readStart = System.nanoTime();
        List<OutboxMessage> due = outbox.due(sender.platform(), clock.instant(), BATCH);
        changedAt.values().removeIf(committed -> committed - readStart < 0);
        Set<String> seen = new HashSet<>();
        synchronized (pacer) {
            pacer.forget(clock.instant());
        }
        for (OutboxMessage message : due) {
            String chat = message.chat().key();
            if (!seen.add(chat) || inFlight.contains(chat) || changedAt.containsKey(message.id())) {
                continue;
            }
            Instant now = clock.instant();
            if (stale(message, now)) {
                drop(message, "reminder decided at " + message.createdAt() + " is stale");
                changedAt.put(message.id(), System.nanoTime());
                continue;
            }
            if (!fileReady(message)) {
                continue;
            }
            if (!idleSenders.tryAcquire()) {
                // All senders busy: look again as soon as one is done (it wakes the loop).
                return IDLE;
            }
            Instant at;
            synchronized (pacer) {
                at = pacer.earliest(message.chat(), message.urgency(), now);
                if (!at.isAfter(now)) {
                    pacer.sent(message.chat(), message.urgency(), now);
                }
            }
            if (at.isAfter(now)) {
                idleSenders.release();
                Duration wait = Duration.between(now, at);
                sleep = wait.compareTo(sleep) < 0 ? wait : sleep;
                continue;
            }
            if (!running) {
                idleSenders.release();
                return sleep;
            }
            inFlight.add(chat);
            senders.execute(() -> sendNextPart(message, now));
        }
        return sleep;
    }

    /** True when the message's next part has no file or its file is made; else starts making it (once). */
    private boolean fileReady(OutboxMessage message) {
        List<Part> parts = parts(message);
        if (message.partsSent() >= parts.size()) {
            return true;
        }
        Part next = parts.get(message.partsSent());
        if (next.attachment().isEmpty()) {
            return true;
        }
        String key = message.id() + ":" + message.partsSent();
        java.util.concurrent.CompletableFuture<Part> making = made.computeIfAbsent(key, k -> {
            ExecutorService pool = renders;
            java.util.concurrent.CompletableFuture<Part> f = pool == null
                    ? java.util.concurrent.CompletableFuture.completedFuture(make(message, next))
                    : java.util.concurrent.CompletableFuture.supplyAsync(() -> make(message, next), pool);
            f.whenComplete((part, e) -> wake());
            return f;
        });
        return making.isDone();
    }

    private Part make(OutboxMessage message, Part part) {
        FileRenderer r = renderer;
        String caption = part.text().isBlank() ? "" : part.text() + "\n";
        if (r == null) {
            return new Part(caption + FILE_FAILED, part.buttons(), part.privatePointer(), part.pointerStart());
        }
        try {
            FileData file = r.render(message.user(), part.attachment().orElseThrow(), clock.instant());
            if (file.bytes().length > limits.maxFileBytes()) {
                log.warn("{} for {} is {} bytes, over the {} limit of {}", file.fileName(), message.chat().key(),
                        file.bytes().length, sender.platform(), limits.maxFileBytes());
                return new Part(caption + fileTooBig(file.bytes().length, limits.maxFileBytes()), part.buttons(), part.privatePointer(), part.pointerStart());
            }
            if (file.photo() && file.bytes().length > limits.maxPhotoBytes()) {
                file = file.asDocument();
            }
            return part.withFile(file);
        } catch (RuntimeException e) {
            log.error("cannot make {} for {}", part.attachment().get().kind(), message.chat().key(), e);
            return new Part(caption + FILE_FAILED, part.buttons(), part.privatePointer(), part.pointerStart());
        }
    }

    /** Said instead of a file that could not be made; the console says the same. */
    public static final String FILE_FAILED = "Sorry, I could not make that file just now. Please ask again in a little while.";

    static String fileTooBig(long bytes, long limit) {
        return "That file came out at " + (bytes / 1024) + " KB, more than the " + (limit / 1024) + " KB this platform accepts, so I cannot send it here.";
    }

    private boolean stale(OutboxMessage message, Instant now) {
        return message.urgency() == Urgency.PROACTIVE && now.isAfter(message.createdAt().plus(limits.staleAfter()));
    }

    private void sendNextPart(OutboxMessage message, Instant reserved) {
        try {
            List<Part> parts = parts(message);
            int part = message.partsSent();
            Part next = parts.get(part);
            String madeKey = message.id() + ":" + part;
            if (next.attachment().isPresent()) {
                Part request = next;
                next = made.computeIfAbsent(madeKey, k -> java.util.concurrent.CompletableFuture.completedFuture(make(message, request))).join();
            }
            synchronized (pacer) {
                pacer.departed(message.chat(), reserved, clock.instant());
            }
            Outcome outcome;
            try {
                outcome = sender.send(message, next, part);
            } catch (RuntimeException e) {
                outcome = new Outcome.Transient(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            handle(message, next, part, parts.size(), outcome);
            if (!(outcome instanceof Outcome.Transient) && !(outcome instanceof Outcome.RateLimited)) {
                made.remove(madeKey);
            }
        } catch (RuntimeException e) {
            log.error("outbox message {} for {}: cannot record its delivery", message.id(), message.chat().key(), e);
        } finally {
            changedAt.put(message.id(), System.nanoTime());
            inFlight.remove(message.chat().key());
            idleSenders.release();
            wake();
        }
    }

    private void handle(OutboxMessage message, Part sentPart, int part, int parts, Outcome outcome) {
        Instant now = clock.instant();
        if (outcome instanceof Outcome.Sent done) {
            sent.incrementAndGet();
            Optional<JdbcOutbox.ButtonsSent> buttons = sentPart.buttons().isEmpty() ? Optional.empty()
                    : Optional.of(new JdbcOutbox.ButtonsSent(done.messageId(),
                            sentPart.buttons().stream().map(Button::data).toList(), mayHaveGoneBefore(message), now));
            outbox.partSent(message, part, part + 1 >= parts, buttons);
        } else if (outcome instanceof Outcome.RateLimited limited) {
            rateLimited.incrementAndGet();
            Instant until = limited.until().isAfter(now) ? limited.until() : now.plusSeconds(1);
            synchronized (pacer) {
                pacer.hold(message.chat(), until);
                if (limited.botWide()) {
                    pacer.holdAll(until);
                }
            }
            if (pastDeadline(message, until)) {
                drop(message, "rate-limited past its deadline");
                return;
            }
            outbox.retryAt(message.id(), message.attempts(), until);
            log.warn("{} asked to slow down for {}: waiting until {}", sender.platform(),
                    limited.botWide() ? "the whole bot" : "chat " + message.chat().key(), until);
        } else if (outcome instanceof Outcome.Unreachable no) {
            dropped.incrementAndGet();
            if (!message.chat().isGroup()) {
                unreachable.unreachable(message.user(), now);
                outbox.dropProactive(message.user());
            }
            outbox.delivered(message.id());
            log.info("{} cannot be reached ({}); their reminders are paused", message.chat().key(), no.why());
        } else if (outcome instanceof Outcome.Rejected no) {
            dropped.incrementAndGet();
            outbox.delivered(message.id());
            log.error("{} rejected outbox message {} for {} as malformed ({}); dropped", sender.platform(),
                    message.id(), message.chat().key(), no.why());
        } else if (outcome instanceof Outcome.Transient t) {
            retryLater(message, t.why());
        }
    }

    /**
     * Whether a try of this message before the one just sent may have gone out without being recorded: it
     * failed with no answer, or it was in the outbox when this dispatcher started (the process may have died
     * between a send and its record); only its first send since then.
     */
    private boolean mayHaveGoneBefore(OutboxMessage message) {
        return message.attempts() > 0 || message.id() <= startedAfter && resumed.add(message.id());
    }

    private boolean pastDeadline(OutboxMessage message, Instant next) {
        Duration bound = message.urgency() == Urgency.PROACTIVE ? limits.staleAfter() : limits.replyRetryFor();
        return next.isAfter(message.createdAt().plus(bound));
    }

    private void drop(OutboxMessage message, String why) {
        made.keySet().removeIf(key -> key.startsWith(message.id() + ":"));
        dropped.incrementAndGet();
        outbox.delivered(message.id());
        log.warn("{} outbox message {} for {} dropped unsent after {} attempt(s): {}", message.urgency(),
                message.id(), message.chat().key(), message.attempts(), why);
    }

    private void retryLater(OutboxMessage message, String why) {
        failed.incrementAndGet();
        int attempts = message.attempts() + 1;
        Duration backoff = Duration.ofSeconds(1L << Math.min(attempts - 1, 16));
        Duration wait = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        Instant next = clock.instant().plus(wait);
        if (pastDeadline(message, next)) {
            drop(message, why);
            return;
        }
        outbox.retryAt(message.id(), attempts, next);
        log.warn("outbox message {} for {} not sent ({}); attempt {} again in {}", message.id(),
                message.chat().key(), why, attempts, wait);
    }

    private void await(Duration sleep) {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(Math.max(1, sleep.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /** Stops taking messages from the outbox and waits for the one on the wire to be sent and recorded. */
    @Override
    public void close() {
        running = false;
        wake();
        try {
            // The loop first, so that it hands the senders nothing more.
            if (loop.isAlive()) {
                loop.join(5_000);
            }
            if (renders != null) {
                renders.shutdownNow();
            }
            if (ownedSenders != null) {
                ownedSenders.shutdown();
                if (!ownedSenders.awaitTermination(8, TimeUnit.SECONDS)) {
                    log.warn("a message was still being sent when the bot stopped; it goes again after the restart");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
