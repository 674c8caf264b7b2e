package dev.comeback.core.reminders;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

/**
 * Waking hours as a person gives them: {@code from}-{@code to} in their own clock time. A window whose end is
 * at or before its start crosses midnight (a night shift, {@code 22:00-06:00}) and belongs to the day it
 * starts; {@code 24:00} means midnight at the end of the day. At least {@link #MIN_HOURS} hours long.
 */
public record WakingHours(LocalTime from, LocalTime to) {
    public static final int MIN_HOURS = 6;

    /** Parses "7", "07:00", "7:30" or "24:00" for each end; empty when a time is bad or the window too short. */
    public static Optional<WakingHours> parse(String from, String to) {
        Optional<LocalTime> f = time(from);
        Optional<LocalTime> t = time(to);
        if (f.isEmpty() || t.isEmpty() || f.get().equals(t.get())) {
            return Optional.empty();
        }
        WakingHours hours = new WakingHours(f.get(), t.get());
        return hours.minutes() < MIN_HOURS * 60L ? Optional.empty() : Optional.of(hours);
    }

    /** Length in minutes, across midnight when the end is before the start. */
    public long minutes() {
        long m = Duration.between(from, to).toMinutes();
        return m > 0 ? m : m + 24 * 60;
    }

    public boolean crossesMidnight() {
        return !to.isAfter(from) && !to.equals(LocalTime.MIDNIGHT);
    }

    /** "22:00-06:00", with a midnight end shown as 24:00. */
    public String text() {
        return from + "-" + (to.equals(LocalTime.MIDNIGHT) ? "24:00" : to.toString());
    }

    private static Optional<LocalTime> time(String text) {
        String s = text.strip();
        if (s.equals("24") || s.equals("24:00")) {
            return Optional.of(LocalTime.MIDNIGHT);
        }
        try {
            return Optional.of(s.contains(":") ? LocalTime.parse(s.length() == 4 ? "0" + s : s) : LocalTime.of(Integer.parseInt(s), 0));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
