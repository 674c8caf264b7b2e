package dev.comeback.core.protocol;

import java.time.Instant;
import java.util.Objects;

/** One daily check-in: pain 0-10 before and after movement, and whether daily tasks still hurt. */
public record CheckIn(Instant at, int before, int after, boolean dailyTasksPainful) {
    public CheckIn {
        Objects.requireNonNull(at, "at");
    }

    public int rise() {
        return after - before;
    }
}
