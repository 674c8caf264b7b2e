package dev.comeback.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until told to move forward: the console's {@code :wait} and tests drive it. */
public final class VirtualClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public VirtualClock(Instant start, ZoneId zone) {
        this(new AtomicReference<>(start), zone);
    }

    private VirtualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        now.updateAndGet(t -> t.plus(duration));
    }

    /** Moves to {@code instant}, which must not be in the past. */
    public void advanceTo(Instant instant) {
        advance(java.time.Duration.between(instant(), instant));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new VirtualClock(now, other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
