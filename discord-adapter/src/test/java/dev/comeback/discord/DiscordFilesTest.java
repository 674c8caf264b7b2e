package dev.comeback.discord;

import dev.comeback.core.time.ShiftableClock;
import dev.comeback.discord.fake.FakeDiscord;
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

/** Files end to end on Discord: real JDA uploads them as multipart attachments to the fake Discord. */
class DiscordFilesTest {
    static final String ANN = "500000000000000011";

    @TempDir
    Path dir;
    FakeDiscord discord;
    DiscordHarness bot;
    final ShiftableClock clock = new ShiftableClock();

    @BeforeEach
    void start() {
        discord = FakeDiscord.start();
        bot = new DiscordHarness(discord, dir.resolve("discord"), DiscordHarness.FAST, clock);
        DiscordBotTest.toRecovery(bot, ANN);
        checkIn(4, 4);
        clock.shiftTo(clock.instant().plus(Duration.ofDays(1)));
        checkIn(3, 2);
    }

    @AfterEach
    void stop() {
        bot.close();
        discord.close();
    }

    private void checkIn(int before, int after) {
        bot.dm(ANN, "/checkin");
        bot.press(ANN, "No");
        bot.press(ANN, String.valueOf(before));
        bot.press(ANN, String.valueOf(after));
        bot.press(ANN, "No");
    }

    @Test
    void theChartAnswersASlashCommandAndTheReportComesByDmEachOnce() throws Exception {
        bot.slash(ANN, "progress");
        bot.dm(ANN, "/report");
        bot.settle();

        List<FakeDiscord.SentFile> files = List.copyOf(discord.files);
        assertThat(files).hasSize(2);
        assertThat(files.get(0).fileName()).isEqualTo("comeback-progress.png");
        assertThat(files.get(0).userId()).isEqualTo(ANN);
        assertThat(files.get(0).content()).startsWith("Your pain before (blue)");
        assertThat(ImageIO.read(new ByteArrayInputStream(files.get(0).bytes())).getHeight()).isEqualTo(1350);
        assertThat(files.get(1).fileName()).isEqualTo("comeback-report.pdf");
        assertThat(files.get(1).via()).isEqualTo("dm");
        assertThat(new String(files.get(1).bytes(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }
}
