package dev.comeback.core.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a platform answered to one message, in the few kinds the {@link Dispatcher} acts on. A
 * {@link PlatformSender} maps its platform's answers (status codes, error codes, exceptions) onto these.
 */
public sealed interface Outcome {
    /**
     * Delivered. {@code messageId} is the platform's id of the message it made, unique on that platform
     * (Telegram numbers messages per chat, so its sender says {@code <chat id>/<message id>}; Discord's message
     * ids are unique already); empty when the platform did not say. The dispatcher records it for a message with
     * buttons, so that a press can be told to come from a message the bot really sent.
     */
    record Sent(Optional<String> messageId) implements Outcome {
        public Sent {
            Objects.requireNonNull(messageId, "messageId");
        }

        /** Delivered, with no message id to record. */
        public Sent() {
            this(Optional.empty());
        }
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

    /** Delivered as the platform's message {@code messageId} (see {@link Sent}). */
    static Outcome sent(String messageId) {
        return new Sent(Optional.of(messageId));
    }
}
