package dev.comeback.bench;

import java.util.Locale;

/** Numbers as the results show them. */
public final class Fmt {
    private Fmt() {
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String rate(double perSecond, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s/s", perSecond, unit);
    }

    public static String millis(double ms) {
        return ms < 10 ? String.format(Locale.ROOT, "%.2f ms", ms) : String.format(Locale.ROOT, "%,.0f ms", ms);
    }

    public static String nanosAsMillis(long nanos) {
        return millis(nanos / 1e6);
    }

    public static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    public static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    public static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f", r);
    }
}
