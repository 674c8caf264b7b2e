package dev.comeback.core.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A reminder recorded as delivered in the delivery log ({@code reminder_delivery}) in the same transaction
 * as the turn that delivers it, so the turn and the record are on disk together or not at all: a reminder
 * handed off again after a crash finds its record and is not delivered twice.
 */
public record DeliveryMark(String userKey, String reminderId, Instant due, Instant at) {
    public DeliveryMark {
        Objects.requireNonNull(userKey, "userKey");
        Objects.requireNonNull(reminderId, "reminderId");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(at, "at");
    }
}
