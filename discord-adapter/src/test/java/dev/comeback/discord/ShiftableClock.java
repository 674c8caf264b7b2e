package dev.comeback.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The real clock, ticking, plus an offset a test can move forward (to the time a reminder falls due). */
public final class ShiftableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

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
