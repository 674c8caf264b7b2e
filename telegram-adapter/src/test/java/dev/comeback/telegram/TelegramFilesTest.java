package dev.comeback.telegram;

import dev.comeback.telegram.fake.Fault;
import dev.comeback.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Files end to end on Telegram: the real TelegramBots client uploads them as multipart sendPhoto and
 * sendDocument to the fake Bot API over loopback, through the paced outbox.
 */
class TelegramFilesTest {
    private static final long ANN = 601;

    @TempDir
    Path dir;
    private FakeBotApi api;
    private BotHarness bot;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(BotHarness.TOKEN);
        bot = new BotHarness(api, dir.resolve("telegram"), BotHarness.FAST);
        TelegramBotTestFlows.toRecovery(bot, ANN);
        checkIn(4, 4);
        bot.clock.shiftTo(bot.clock.instant().plus(Duration.ofDays(1)));
        checkIn(3, 2);
    }

    @AfterEach
    void stop() {
        bot.close();
        api.close();
    }

    private void checkIn(int before, int after) {
        bot.say(ANN, "/checkin");
        bot.press(ANN, "No");
        bot.press(ANN, String.valueOf(before));
        bot.press(ANN, String.valueOf(after));
        bot.press(ANN, "No");
    }

    @Test
    void progressArrivesOnceAsAPhotoAndReportOnceAsADocument() throws Exception {
        bot.say(ANN, "/progress");
        bot.say(ANN, "/report");
        bot.settle();

        List<FakeBotApi.SentFile> files = api.files();
        assertThat(files).hasSize(2);
        FakeBotApi.SentFile photo = files.get(0);
        assertThat(photo.method()).isEqualTo("sendphoto");
        assertThat(photo.chatId()).isEqualTo(ANN);
        assertThat(photo.fileName()).isEqualTo("comeback-progress.png");
        assertThat(photo.caption()).startsWith("Your pain before (blue)");
        assertThat(ImageIO.read(new ByteArrayInputStream(photo.bytes())).getWidth()).isEqualTo(1080);
        FakeBotApi.SentFile report = files.get(1);
        assertThat(report.method()).isEqualTo("senddocument");
        assertThat(report.fileName()).isEqualTo("comeback-report.pdf");
        assertThat(new String(report.bytes(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(api.calls("sendphoto")).hasSize(1);
        assertThat(api.calls("senddocument")).hasSize(1);
        // The prompt after each file still comes, in order, as a message of its own.
        assertThat(bot.last(ANN).text()).isNotBlank();
    }

    @Test
    void aFileQueuedWhenTheBotStopsIsSentOnceAfterTheRestart() {
        api.failNext("senddocument", Fault.serverError());
        api.pushText(ANN, "private", ANN, "/export");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.calls("senddocument").size() == 1);
        bot.restart();
        List<FakeBotApi.SentFile> files = api.awaitFiles(1, Duration.ofSeconds(30));
        bot.settle();
        assertThat(files).hasSize(1);
        assertThat(api.files()).hasSize(1);
        assertThat(files.get(0).fileName()).isEqualTo("comeback-data.json");
        assertThat(new String(files.get(0).bytes(), StandardCharsets.UTF_8)).contains("\"person\" : \"telegram:" + ANN + "\"");
    }

    @Test
    void fewerThanTwoCheckInsSaysSoInsteadOfSendingAChart() {
        long bob = 602;
        TelegramBotTestFlows.toRecovery(bot, bob);
        assertThat(bot.say(bob, "/progress").text()).isNotBlank();
        bot.settle();
        assertThat(api.sentTo(bob).stream().map(FakeBotApi.SentMessage::text))
                .anyMatch(t -> t.contains("A chart needs at least two check-ins"));
        assertThat(api.files()).isEmpty();
    }
}
