package dev.comeback.bench.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The real clock, ticking at its real rate, shifted to a chosen moment (when the reminders fall due). */
final class ShiftedClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void shiftTo(Instant target) {
        offset = Duration.between(Instant.now(), target);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
