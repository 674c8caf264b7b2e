package dev.comeback.core.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * A platform's limits as data: its pacing windows, the most characters one message may hold, and how long
 * delivery keeps trying: a reply for {@code replyRetryFor} after it was decided, a reminder until it is
 * {@code staleAfter} old (a late reminder is worse than none). Then the message is dropped and logged.
 * {@code maxCaption} is the most characters a file's caption may hold; {@code maxPhotoBytes} the largest
 * file sent as a photo (larger ones go as documents) and {@code maxFileBytes} the largest file at all, in
 * bytes (larger ones are replaced by a sentence saying so).
 */
public record DeliveryLimits(Pacer.Limits pacing, int maxText, Duration replyRetryFor, Duration staleAfter,
                             int maxCaption, long maxPhotoBytes, long maxFileBytes) {
    public static final Duration REPLY_RETRY_FOR = Duration.ofMinutes(10);
    public static final Duration STALE_AFTER = Duration.ofHours(2);
    /** Telegram's caption limit, 0-1024 characters (Bot API, sendPhoto and sendDocument "caption"). */
    public static final int DEFAULT_MAX_CAPTION = 1024;
    /** Telegram's photo limit: "The photo must be at most 10 MB in size" (Bot API, sendPhoto). */
    public static final long DEFAULT_MAX_PHOTO_BYTES = 10L * 1000 * 1000;
    /** 10 MiB: the smallest file limit of the platforms Comeback runs on (Discord's for a bot; Telegram allows 50 MB). */
    public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;

    public DeliveryLimits {
        Objects.requireNonNull(pacing, "pacing");
        if (maxText < 100) {
            throw new IllegalArgumentException("maxText too small: " + maxText);
        }
        Objects.requireNonNull(replyRetryFor, "replyRetryFor");
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (maxCaption < 100 || maxPhotoBytes < 1024 || maxFileBytes < 1024) {
            throw new IllegalArgumentException("file limits too small: " + maxCaption + ", " + maxPhotoBytes + ", " + maxFileBytes);
        }
    }

    public DeliveryLimits(Pacer.Limits pacing, int maxText, Duration replyRetryFor, Duration staleAfter) {
        this(pacing, maxText, replyRetryFor, staleAfter, DEFAULT_MAX_CAPTION, DEFAULT_MAX_PHOTO_BYTES, DEFAULT_MAX_FILE_BYTES);
    }

    public DeliveryLimits(Pacer.Limits pacing, int maxText) {
        this(pacing, maxText, REPLY_RETRY_FOR, STALE_AFTER);
    }

    public DeliveryLimits withPacing(Pacer.Limits pacing) {
        return new DeliveryLimits(pacing, maxText, replyRetryFor, staleAfter, maxCaption, maxPhotoBytes, maxFileBytes);
    }

    public DeliveryLimits withRetries(Duration replyRetryFor, Duration staleAfter) {
        return new DeliveryLimits(pacing, maxText, replyRetryFor, staleAfter, maxCaption, maxPhotoBytes, maxFileBytes);
    }

    public DeliveryLimits withFiles(int maxCaption, long maxPhotoBytes, long maxFileBytes) {
        return new DeliveryLimits(pacing, maxText, replyRetryFor, staleAfter, maxCaption, maxPhotoBytes, maxFileBytes);
    }
}
