package dev.comeback.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Recorded values (latencies in nanoseconds, lags in milliseconds) and their percentiles, by sorting a copy:
 * exact, and cheap enough for the few hundred thousand values a scenario records. Not thread-safe; give
 * each thread its own and {@link #merge} them.
 */
public final class Samples {
    private long[] values = new long[1024];
    private int count;

    public void add(long value) {
        if (count == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[count++] = value;
    }

    public static Samples merge(Collection<Samples> parts) {
        Samples all = new Samples();
        for (Samples part : parts) {
            for (int i = 0; i < part.count; i++) {
                all.add(part.values[i]);
            }
        }
        return all;
    }

    /** A copy of the values recorded, in the order recorded. */
    public long[] values() {
        return Arrays.copyOf(values, count);
    }

    public int count() {
        return count;
    }

    /** The summary of everything recorded so far. */
    public Summary summary() {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return new Summary(count, rank(sorted, 50), rank(sorted, 99), count == 0 ? 0 : sorted[count - 1]);
    }

    /** Nearest rank: the smallest recorded value that at least {@code percent}% of all values do not exceed. */
    static long rank(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    public long percentile(double percent) {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return rank(sorted, percent);
    }

    public record Summary(int count, long p50, long p99, long max) {
    }
}
