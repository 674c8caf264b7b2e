package dev.comeback.core.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every commit that returned survives SIGKILL with the URL the bot opens H2 files with
 * ({@link Database#durable}), even once H2 would reuse file space (a 1 s retention time here instead of
 * 45 s, so it starts at once).
 *
 * <p>This is the minimal reproduction of what lost committed turns: without {@code REUSE_SPACE=FALSE} about
 * one round in four ends with the last commits missing after the restart (H2 2.5.252 writes a chunk into
 * reused space but records the previous chunk in the file header; see {@link Database#durable}). Run
 * {@link #rounds} by hand with {@code ;REUSE_SPACE=TRUE} appended to see it.
 */
class H2ChunkReuseTest {
    private static final int ROUNDS = 12;

    @TempDir
    Path dir;

    @Test
    void noReturnedCommitIsLostToAKillRightAfterIt() throws Exception {
        String url = Database.durable("jdbc:h2:file:" + dir.resolve("burst") + ";RETENTION_TIME=1000");
        List<String> lost = rounds(url, ROUNDS);
        assertThat(lost).as("rounds that came back with fewer rows than were committed").isEmpty();
    }

    /** Runs {@code rounds} bursts, each killed right after its last commit; returns the rounds that lost rows. */
    static List<String> rounds(String url, int rounds) throws IOException, InterruptedException {
        List<String> lost = new ArrayList<>();
        long committed = -1;
        for (int round = 0; round <= rounds; round++) {
            Process writer = new ProcessBuilder(javaCommand(url)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
                long found = Long.parseLong(expect(out, "rows "));
                if (committed >= 0 && found != committed) {
                    lost.add("round " + round + ": " + found + " rows of " + committed + " committed");
                }
                committed = Long.parseLong(expect(out, "done "));
            } finally {
                writer.destroyForcibly();
                assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
        }
        return lost;
    }

    private static String expect(BufferedReader out, String prefix) throws IOException {
        String line = out.readLine();
        if (line == null || !line.startsWith(prefix)) {
            throw new AssertionError("expected '" + prefix + "...' from the writer, got " + line);
        }
        return line.substring(prefix.length()).trim();
    }

    private static List<String> javaCommand(String url) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", System.getProperty("java.class.path"), BurstWriter.class.getName(), url, "4", "50");
    }
}
