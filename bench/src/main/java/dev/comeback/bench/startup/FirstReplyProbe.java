package dev.comeback.bench.startup;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One way to launch Comeback and wait for its first reply: the console, or Telegram against the fake Bot API
 * server. Each is listed in {@link StartupScenario#probes}.
 */
public interface FirstReplyProbe extends AutoCloseable {
    /** How the results name it ("console"). */
    String name();

    /**
     * Launches Comeback on the H2 database at {@code db} (created if missing), has {@code user} send /start,
     * and returns the time from launch to the first reply; the launched process is ended before returning.
     */
    Duration firstReply(Path db, String user) throws Exception;

    /** Ends whatever the probe keeps between launches. */
    @Override
    default void close() throws Exception {
    }
}
