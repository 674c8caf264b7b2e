package dev.comeback.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A reply is only sent after the change behind it is on disk: SIGKILL right after a reply loses nothing. */
class HardKillTest {
    @TempDir
    Path dir;

    private Process launch() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--db", dir.resolve("kill").toString(), "--user", "kim"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static String readUntil(BufferedReader out, String marker) throws IOException {
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains(marker)) {
                return seen.toString();
            }
        }
        throw new AssertionError("never saw '" + marker + "' in:\n" + seen);
    }

    @Test
    void aHardKillRightAfterAReplyLosesNothing() throws Exception {
        Process first = launch();
        Writer in = new OutputStreamWriter(first.getOutputStream(), StandardCharsets.UTF_8);
        BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
        in.write("/start\nno\nno\nno\n");
        in.flush();
        readUntil(out, "Question 4 of up to");
        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();

        Process second = launch();
        Writer in2 = new OutputStreamWriter(second.getOutputStream(), StandardCharsets.UTF_8);
        in2.write("/status\n");
        in2.close();
        String transcript = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(transcript).contains("3 answered").contains("Question 4 of up to");
    }
}
