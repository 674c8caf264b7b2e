package dev.comeback.app;

import dev.comeback.telegram.fake.FakeBotApi;
import dev.comeback.telegram.fake.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launcher in Telegram mode, as a separate process against a fake Bot API server, killed with SIGKILL
 * while a reply sits in the outbox and a message waits unread: after a restart both go out, once each.
 */
class TelegramHardKillTest {
    private static final String TOKEN = "777:hard-kill-token";
    private static final long KIM = 4242;

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

    private Process launch() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--db", dir.resolve("kill").toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out-" + System.nanoTime() + ".log").toFile());
        process.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
        process.environment().put("TELEGRAM_API_URL", "http://127.0.0.1:" + api.port());
        return process.start();
    }

    private void awaitSentTo(long chat, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> api.sentTo(chat).size() >= count);
    }

    private void press(String label) {
        FakeBotApi.SentMessage last = api.sentTo(KIM).get(api.sentTo(KIM).size() - 1);
        for (var row : last.replyMarkup().path("inline_keyboard")) {
            for (var button : row) {
                if (button.path("text").asText().equalsIgnoreCase(label)) {
                    api.pushCallback(KIM, KIM, last.messageId(), button.path("callback_data").asText());
                    return;
                }
            }
        }
        throw new AssertionError("no button " + label + " on: " + last.text());
    }

    @Test
    void killedWithAReplyInTheOutboxAndAnUpdateUnreadNothingIsLostOrSentTwice() throws Exception {
        running = launch();
        api.pushText(KIM, "private", KIM, "/start");
        awaitSentTo(KIM, 1);
        assertThat(api.sentTo(KIM).get(0).text()).contains("not a medical diagnosis").contains("Question 1");
        press("No");
        awaitSentTo(KIM, 2);

        // Telegram stops taking messages: the reply to the next answer stays in the outbox.
        for (int i = 0; i < 100; i++) {
            api.failNext("sendmessage", Fault.serverError());
        }
        press("No");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.calls("sendmessage").stream().anyMatch(c -> c.status() == 500));
        running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        api.pushText(KIM, "private", KIM, "/status");
        api.clearFaults();

        running = launch();
        awaitSentTo(KIM, 4);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> api.sentTo(KIM).size() == 4);

        List<String> texts = api.sentTo(KIM).stream().map(FakeBotApi.SentMessage::text).toList();
        assertThat(texts.get(1)).contains("Question 2");
        assertThat(texts.get(2)).contains("Question 3");
        assertThat(texts.get(3)).contains("2 answered");
        assertThat(Files.exists(dir.resolve("kill.mv.db"))).isTrue();
    }
}
