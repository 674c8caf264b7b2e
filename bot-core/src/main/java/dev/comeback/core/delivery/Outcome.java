package dev.comeback.core.delivery;

import java.time.Instant;

/**
 * What a platform answered to one message, in the few kinds the {@link Dispatcher} acts on. A
 * {@link PlatformSender} maps its platform's answers (status codes, error codes, exceptions) onto these.
 */
public sealed interface Outcome {
    /** Delivered. */
    record Sent() implements Outcome {
    }

    /** Refused for now: try again no earlier than {@code until}; {@code botWide} when the whole bot must wait. */
    record RateLimited(Instant until, boolean botWide) implements Outcome {
    }

    /** The person cannot be reached (blocked the bot, closed their DMs): their reminders pause. */
    record Unreachable(String why) implements Outcome {
    }

    /** The message can never be sent as it is (malformed): dropped and logged. */
    record Rejected(String why) implements Outcome {
    }

    /** No answer, or a server error: retried with backoff, for a bounded time. */
    record Transient(String why) implements Outcome {
    }

    static Outcome sent() {
        return new Sent();
    }
}
