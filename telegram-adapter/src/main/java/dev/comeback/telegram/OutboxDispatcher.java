package dev.comeback.telegram;

import dev.comeback.core.Coach;
import dev.comeback.core.delivery.OutboxMessage;
import dev.comeback.core.storage.JdbcOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends what turns left in the outbox, within Telegram's limits ({@link Pacer}). One loop decides what may go
 * now (replies before reminders, one message per chat at a time so a chat's messages keep their order);
 * a few sender threads make the calls, because each takes a network round trip. A row leaves the outbox
 * only once all its messages are sent; a crash in between resends at most the message that was in flight.
 *
 * <p>429: that chat waits {@code retry_after}, then the message goes. 403 (blocked): the person's reminders
 * pause and their queued reminders are dropped. 400: the message can never be sent as it is; logged, dropped.
 * Anything else, or no answer at all: retried with exponential backoff.
 */
final class OutboxDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 500;
    private static final Duration IDLE = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    /** What the dispatcher has done since it started. */
    record Stats(long sent, long rateLimited, long failed, long dropped) {
    }

    private final JdbcOutbox outbox;
    private final TelegramClient client;
    private final MessageWriter writer;
    private final Coach coach;
    private final Clock clock;
    private final Pacer pacer;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /**
     * Rows a sender changed (sent, delivered, rescheduled), with when the change was committed. A read of the
     * outbox that began before that may still show the row as it was, and sending from it would send a
     * message twice; such a row waits for the next read.
     */
    private final Map<Long, Long> changedAt = new ConcurrentHashMap<>();
    private final ExecutorService senders;
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

    OutboxDispatcher(JdbcOutbox outbox, TelegramClient client, MessageWriter writer, Coach coach, Clock clock,
                     Pacer.Limits limits, int senderThreads) {
        this.outbox = outbox;
        this.client = client;
        this.writer = writer;
        this.coach = coach;
        this.clock = clock;
        this.pacer = new Pacer(limits);
        this.senders = Executors.newFixedThreadPool(senderThreads, daemon("telegram-send"));
        this.idleSenders = new Semaphore(senderThreads);
        this.loop = daemon("telegram-outbox").newThread(this::run);
    }

    void start() {
        loop.start();
    }

    /** Something new is in the outbox: look now rather than at the next idle tick. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    Stats stats() {
        return new Stats(sent.get(), rateLimited.get(), failed.get(), dropped.get());
    }

    private void run() {
        while (running) {
            Duration sleep = IDLE;
            try {
                sleep = dispatchDue();
            } catch (RuntimeException e) {
                log.error("cannot read the outbox; trying again shortly", e);
                sleep = Duration.ofSeconds(1);
            }
            await(sleep);
        }
    }

    /** Starts sending everything that may go now; returns how long until something else may. */
    private Duration dispatchDue() {
        Duration sleep = IDLE;
        long readStart = System.nanoTime();
        List<OutboxMessage> due = outbox.due(UpdateReader.PLATFORM, clock.instant(), BATCH);
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
            if (!idleSenders.tryAcquire()) {
                // All senders busy: look again as soon as one is done (it wakes the loop).
                return IDLE;
            }
            Instant now = clock.instant();
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

    private void sendNextPart(OutboxMessage message, Instant reserved) {
        try {
            List<SendMessage> parts = writer.render(message);
            int part = message.partsSent();
            synchronized (pacer) {
                pacer.departed(message.chat(), reserved, clock.instant());
            }
            client.execute(parts.get(part));
            sent.incrementAndGet();
            if (part + 1 >= parts.size()) {
                outbox.delivered(message.id());
            } else {
                outbox.partSent(message.id(), part + 1);
            }
        } catch (TelegramApiRequestException e) {
            refused(message, e);
        } catch (TelegramApiException e) {
            retryLater(message, "no answer from Telegram: " + e.getMessage());
        } catch (RuntimeException e) {
            log.error("outbox message {} for {}: cannot record its delivery", message.id(), message.chat().key(), e);
        } finally {
            changedAt.put(message.id(), System.nanoTime());
            inFlight.remove(message.chat().key());
            idleSenders.release();
            wake();
        }
    }

    private void refused(OutboxMessage message, TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        Instant now = clock.instant();
        switch (code) {
            case 429 -> {
                rateLimited.incrementAndGet();
                Integer seconds = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                Instant until = now.plusSeconds(seconds == null || seconds < 1 ? 1 : seconds);
                synchronized (pacer) {
                    pacer.hold(message.chat(), until);
                }
                outbox.retryAt(message.id(), message.attempts(), until);
                log.warn("Telegram asked to slow down for chat {}: waiting until {}", message.chat().key(), until);
            }
            case 403 -> {
                dropped.incrementAndGet();
                if (!message.chat().isGroup()) {
                    coach.unreachable(message.user(), now);
                    outbox.dropProactive(message.user());
                }
                outbox.delivered(message.id());
                log.info("{} cannot be reached ({}); their reminders are paused", message.chat().key(), e.getApiResponse());
            }
            case 400 -> {
                dropped.incrementAndGet();
                outbox.delivered(message.id());
                log.error("Telegram rejected outbox message {} for {} as malformed ({}); dropped", message.id(),
                        message.chat().key(), e.getApiResponse());
            }
            default -> retryLater(message, "Telegram answered " + code + " " + e.getApiResponse());
        }
    }

    private void retryLater(OutboxMessage message, String why) {
        failed.incrementAndGet();
        int attempts = message.attempts() + 1;
        Duration backoff = Duration.ofSeconds(1L << Math.min(attempts - 1, 16));
        Duration wait = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        outbox.retryAt(message.id(), attempts, clock.instant().plus(wait));
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
            loop.join(5_000);
            senders.shutdown();
            if (!senders.awaitTermination(8, TimeUnit.SECONDS)) {
                log.warn("a message was still being sent when the bot stopped; it goes again after the restart");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
