package dev.comeback.bench.startup;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One way to launch Comeback and wait for its first reply: the console today; a launch against the fake
 * Telegram server is another implementation, added to {@link StartupScenario#probes}.
 */
public interface FirstReplyProbe {
    /** How the results name it ("console"). */
    String name();

    /**
     * Launches Comeback on the H2 database at {@code db} (created if missing), has {@code user} send /start,
     * and returns the time from launch to the first reply; the launched process is ended before returning.
     */
    Duration firstReply(Path db, String user) throws Exception;
}
