package dev.comeback.core.storage;

/**
 * When an H2 file is compacted: once it holds more than {@code liveRatio} times its live data or more than
 * {@code maxDeadBytes} of dead data, whichever comes first, and is at least {@code fromBytes} long. With every
 * commit appended (see {@link Database#durable}) the file grows by about 19 KB a commit until then.
 *
 * <p>The defaults (8 MB, 2x, 128 MB; {@code db.compact.*} in comeback.properties) keep a running file under
 * 3x its live data and under live data + 256 MB, above a floor of a few MB past {@code fromBytes}: the trigger
 * leaves a live data's worth (or 128 MB) of room for what is written while the compaction waits for the
 * connections in use to be returned.
 *
 * @param fromBytes    files smaller than this are never compacted while running, in bytes (0 or more)
 * @param liveRatio    compact once the file is more than this many times its live data (above 1.0)
 * @param maxDeadBytes compact once the file holds more than this many bytes that are not live data (above 0)
 */
public record CompactionPolicy(long fromBytes, double liveRatio, long maxDeadBytes) {
    /** 8 MB, 2x, 128 MB: the defaults of comeback.properties. */
    public static final CompactionPolicy DEFAULT = new CompactionPolicy(8L << 20, 2.0, 128L << 20);

    public CompactionPolicy {
        if (fromBytes < 0) {
            throw new IllegalArgumentException("fromBytes must be 0 or more, was " + fromBytes);
        }
        if (!(liveRatio > 1.0)) {
            throw new IllegalArgumentException("liveRatio must be above 1, was " + liveRatio);
        }
        if (maxDeadBytes <= 0) {
            throw new IllegalArgumentException("maxDeadBytes must be above 0, was " + maxDeadBytes);
        }
    }

    /** From settings in MB (whole numbers) and a ratio, as comeback.properties holds them. */
    public static CompactionPolicy ofMegabytes(long fromMb, double liveRatio, long maxDeadMb) {
        return new CompactionPolicy(fromMb << 20, liveRatio, maxDeadMb << 20);
    }

    /** The file size in bytes at which a file holding {@code liveBytes} of live data is due for compaction. */
    public long dueAt(long liveBytes) {
        long byRatio = (long) Math.min(Long.MAX_VALUE / 2.0, liveBytes * liveRatio);
        return Math.max(fromBytes, Math.min(byRatio, liveBytes + maxDeadBytes));
    }

    /** Whether a file of {@code fileBytes} holding {@code liveBytes} of live data is due for compaction. */
    public boolean due(long fileBytes, long liveBytes) {
        return fileBytes >= dueAt(liveBytes) && fileBytes > liveBytes;
    }
}
