package dev.comeback.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The real clock, ticking, plus an offset that tests and benchmarks move forward (to the instant a reminder
 * falls due) while everything else keeps real time; always UTC.
 */
public final class ShiftableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    /** From now on {@link #instant()} reads {@code target} at this moment and ticks on from there. */
    public void shiftTo(Instant target) {
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
