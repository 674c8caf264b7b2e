package dev.comeback.core.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * A platform's limits as data: its pacing windows, the most characters one message may hold, and how long
 * delivery keeps trying: a reply for {@code replyRetryFor} after it was decided, a reminder until it is
 * {@code staleAfter} old (a late reminder is worse than none). Then the message is dropped and logged.
 */
public record DeliveryLimits(Pacer.Limits pacing, int maxText, Duration replyRetryFor, Duration staleAfter) {
    public static final Duration REPLY_RETRY_FOR = Duration.ofMinutes(10);
    public static final Duration STALE_AFTER = Duration.ofHours(2);

    public DeliveryLimits {
        Objects.requireNonNull(pacing, "pacing");
        if (maxText < 100) {
            throw new IllegalArgumentException("maxText too small: " + maxText);
        }
        Objects.requireNonNull(replyRetryFor, "replyRetryFor");
        Objects.requireNonNull(staleAfter, "staleAfter");
    }

    public DeliveryLimits(Pacer.Limits pacing, int maxText) {
        this(pacing, maxText, REPLY_RETRY_FOR, STALE_AFTER);
    }

    public DeliveryLimits withPacing(Pacer.Limits pacing) {
        return new DeliveryLimits(pacing, maxText, replyRetryFor, staleAfter);
    }

    public DeliveryLimits withRetries(Duration replyRetryFor, Duration staleAfter) {
        return new DeliveryLimits(pacing, maxText, replyRetryFor, staleAfter);
    }
}
