package dev.comeback.bench.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    /** The launcher jar as {@code ./comeback} runs it, with default JVM options, and {@code args}. */
    static ProcessBuilder launcher(Path appJar, String... args) {
        if (!Files.isRegularFile(appJar)) {
            throw new IllegalStateException("no launcher jar at " + appJar + " (build it: mvn -o -q -DskipTests package)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", appJar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    /** Ends whatever the probe keeps between launches. */
    @Override
    default void close() throws Exception {
    }
}
