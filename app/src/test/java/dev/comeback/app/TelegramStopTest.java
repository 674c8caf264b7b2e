package dev.comeback.app;

import dev.comeback.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM in the middle of a burst of replies: the bot stops receiving, finishes the message on the wire,
 * records it and closes the database, within 10 s and without an ERROR; after a restart the rest go out
 * and nothing is sent twice.
 */
class TelegramStopTest {
    private static final String TOKEN = "5151:stop-token";
    private static final int PEOPLE = 40;

    @TempDir
    Path dir;
    private final FakeBotApi api = FakeBotApi.start(TOKEN);
    private Process running;

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null) {
            running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        api.close();
    }

    @Test
    void sigtermDuringABurstStopsCleanlyAndNothingIsSentTwiceAfterTheRestart() throws Exception {
        Path firstLog = dir.resolve("first.log");
        running = launch(firstLog);
        // Each answer takes a while, so the burst is still going when the stop comes.
        api.latency(Duration.ofMillis(100));
        for (long chat = 1; chat <= PEOPLE; chat++) {
            api.pushText(chat, "private", chat, "/start");
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> api.sent().size() >= 5);

        long stopAt = System.nanoTime();
        running.destroy();
        assertThat(running.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s").isTrue();
        double took = (System.nanoTime() - stopAt) / 1e9;
        int sentBeforeStop = api.sent().size();
        String first = Files.readString(firstLog, StandardCharsets.UTF_8);
        assertThat(first).as("log of the stopped run").doesNotContain("ERROR");
        assertThat(sentBeforeStop).as("the burst was cut by the stop").isLessThan(PEOPLE);

        api.latency(Duration.ZERO);
        Path secondLog = dir.resolve("second.log");
        running = launch(secondLog);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.sent().size() >= PEOPLE);
        running.destroy();
        assertThat(running.waitFor(10, TimeUnit.SECONDS)).isTrue();

        for (long chat = 1; chat <= PEOPLE; chat++) {
            assertThat(api.sentTo(chat)).as("messages to %d", chat).hasSize(1)
                    .allSatisfy(m -> assertThat(m.text()).contains("Question 1"));
        }
        assertThat(Files.readString(secondLog, StandardCharsets.UTF_8)).doesNotContain("ERROR");
        System.out.printf("stop: %.1f s, %d of %d replies out before it%n", took, sentBeforeStop, PEOPLE);
    }

    private Process launch(Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder process = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--db", dir.resolve("stop").toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        process.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
        process.environment().put("TELEGRAM_API_URL", "http://127.0.0.1:" + api.port());
        Process started = process.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> !started.isAlive() || Files.readString(log, StandardCharsets.UTF_8).contains("running on Telegram"));
        assertThat(started.isAlive()).as("the bot exited: %s", Files.readString(log)).isTrue();
        return started;
    }
}
