package dev.comeback.bench.conversation;

import dev.comeback.bench.Samples;
import dev.comeback.core.delivery.Messenger;
import dev.comeback.core.delivery.OutboxMessage;
import dev.comeback.core.storage.JdbcOutbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A platform dispatcher without the platform: takes due outbox rows, hands each to the messenger and deletes
 * it (one commit per message, as a real dispatcher does after the platform accepted it). Records for each
 * the time from the incoming message (the row's not-before, which a reply takes from it) to the hand-off.
 */
public final class OutboxDrain implements Runnable {
    private static final int BATCH = 256;

    private final JdbcOutbox outbox;
    private final String platform;
    private final Messenger messenger;
    private final BooleanSupplier producersDone;
    private final Samples handOffMicros = new Samples();
    private volatile long handedOff;
    private volatile Instant lastHandOff = Instant.EPOCH;

    public OutboxDrain(JdbcOutbox outbox, String platform, Messenger messenger, BooleanSupplier producersDone) {
        this.outbox = outbox;
        this.platform = platform;
        this.messenger = messenger;
        this.producersDone = producersDone;
    }

    @Override
    public void run() {
        while (true) {
            boolean done = producersDone.getAsBoolean();
            List<OutboxMessage> due = outbox.due(platform, Instant.now(), BATCH);
            if (due.isEmpty()) {
                if (done && outbox.pending(platform) == 0) {
                    return;
                }
                sleep(Duration.ofMillis(1));
                continue;
            }
            for (OutboxMessage m : due) {
                messenger.send(m.user(), m.replies());
                Instant now = Instant.now();
                handOffMicros.add(Duration.between(m.notBefore(), now).toNanos() / 1_000);
                outbox.delivered(m.id());
                handedOff++;
                lastHandOff = now;
            }
        }
    }

    public long handedOff() {
        return handedOff;
    }

    public Instant lastHandOff() {
        return lastHandOff;
    }

    /** Read after the thread ended. */
    Samples handOffMicros() {
        return handOffMicros;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
