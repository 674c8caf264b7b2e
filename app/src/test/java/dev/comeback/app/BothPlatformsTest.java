package dev.comeback.app;

import dev.comeback.discord.fake.FakeDiscord;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ./comeback with both tokens: Telegram and Discord in one process on one database, a person on each at
 * once, each answered on their own platform; then SIGKILL mid-conversation and a restart, with both
 * conversations carrying on where they were. Neither token appears in the output.
 */
class BothPlatformsTest {
    private static final String TELEGRAM_TOKEN = "7373:both-platforms-telegram-token";
    private static final String DISCORD_TOKEN = "MTk5OTk5.BOTH.discord-secret-token";
    private static final long TOM = 4242;
    private static final String DANA = "500000000000000099";

    @TempDir
    Path dir;
    private final FakeBotApi telegram = FakeBotApi.start(TELEGRAM_TOKEN);
    private final FakeDiscord discord = FakeDiscord.start();
    private Process running;

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null) {
            running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        telegram.close();
        discord.close();
    }

    @Test
    void aTelegramUserAndADiscordUserAtOnceEachAnsweredOnTheirOwnAndBothSurviveSigkill() throws Exception {
        Path firstLog = dir.resolve("first.log");
        running = launch(firstLog);
        telegram.pushText(TOM, "private", TOM, "/start");
        discord.slash(DANA, null, "start", Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> !telegram.sentTo(TOM).isEmpty() && !discord.sentTo(DANA).isEmpty());
        assertThat(telegram.sentTo(TOM).get(0).text()).contains("Question 1");
        assertThat(discord.sentTo(DANA).get(0).content()).contains("Question 1");
        assertThat(discord.sentTo(DANA).get(0).via()).isEqualTo("original");

        discord.press(discord.sentTo(DANA).get(0), "No");
        await().atMost(Duration.ofSeconds(20)).until(() -> discord.sentTo(DANA).size() == 2);
        assertThat(discord.sentTo(DANA).get(1).content()).contains("Question 2");

        running.destroyForcibly();
        assertThat(running.waitFor(10, TimeUnit.SECONDS)).isTrue();
        running = launch(dir.resolve("second.log"));

        discord.dm(DANA, "No");
        telegram.pushText(TOM, "private", TOM, "No");
        await().atMost(Duration.ofSeconds(20)).until(() -> discord.sentTo(DANA).size() == 3 && telegram.sentTo(TOM).size() == 2);
        assertThat(discord.sentTo(DANA).get(2).content()).contains("Question 3");
        assertThat(telegram.sentTo(TOM).get(1).text()).contains("Question 2");
        running.destroy();
        assertThat(running.waitFor(10, TimeUnit.SECONDS)).isTrue();

        for (Path log : List.of(firstLog, dir.resolve("second.log"))) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain(DISCORD_TOKEN).doesNotContain(TELEGRAM_TOKEN);
        }
    }

    private Process launch(Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder process = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--db", dir.resolve("both").toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        process.environment().put("TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN);
        process.environment().put("TELEGRAM_API_URL", "http://127.0.0.1:" + telegram.port());
        process.environment().put("DISCORD_BOT_TOKEN", DISCORD_TOKEN);
        process.environment().put("DISCORD_API_URL", discord.apiUrl());
        process.environment().put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
        Process started = process.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> !started.isAlive() || Files.readString(log, StandardCharsets.UTF_8).contains("running on"));
        assertThat(started.isAlive()).as("the bot exited: %s", Files.readString(log)).isTrue();
        assertThat(Files.readString(log)).contains("Telegram as @").contains("Discord as comeback_test");
        return started;
    }
}
