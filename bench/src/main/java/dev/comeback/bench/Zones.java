package dev.comeback.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Time zones typed as offsets (as a person may: "UTC+05:30") chosen for where the wall clock stands, since
 * reminders follow each person's waking hours: a zone where it is night now gets no reminder for hours.
 */
public final class Zones {
    private static final long DAY_MINUTES = Duration.ofDays(1).toMinutes();

    private Zones() {
    }

    /** The offset, to the minute, at which {@code at} is about {@code local} on the wall clock (within 30 s). */
    public static String whereItIs(LocalTime local, Instant at) {
        long utcSeconds = at.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
        long minutes = Math.round((local.toSecondOfDay() - utcSeconds) / 60.0);
        minutes = Math.floorMod(minutes + DAY_MINUTES / 2, DAY_MINUTES) - DAY_MINUTES / 2;
        long abs = Math.abs(minutes);
        return String.format(Locale.ROOT, "UTC%s%02d:%02d", minutes < 0 ? "-" : "+", abs / 60, abs % 60);
    }
}
