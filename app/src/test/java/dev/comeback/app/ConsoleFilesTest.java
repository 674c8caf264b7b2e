package dev.comeback.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /progress, /history, /report, /export and /forget in the console: files beside the database, their paths printed. */
class ConsoleFilesTest {
    @TempDir
    Path dir;

    private String console(String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--db", dir.resolve("chat").toString(), "--clock", "virtual", "--start", "2026-03-02T14:00",
                        "--zone", "Europe/Berlin"}, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of());
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String checkIn(int before, int after) {
        return ":wait 1d\n/checkin\nNo\n" + before + "\n" + after + "\nNo\n";
    }

    private static Path file(String out, String name) {
        List<String> lines = out.lines().filter(l -> l.startsWith("file: ") && l.endsWith(name)).toList();
        assertThat(lines).hasSize(1);
        return Path.of(lines.get(0).substring("file: ".length()));
    }

    @Test
    void theFourCommandsWriteFilesBesideTheDatabaseAndForgetDeletesEverything() throws Exception {
        String onboarding = "/start\n" + "no\n".repeat(14) + "yes, no spikes\nA day or two later\nDull, even stiffness\nYes, it eases\nToday\nEurope/Berlin\nkg\n82\n";
        String early = console(onboarding + checkIn(4, 4) + "/progress\n");
        assertThat(early).contains("bot> A chart needs at least two check-ins, and you have one so far.");
        assertThat(early).doesNotContain("file: ");

        String out = console(checkIn(3, 3) + checkIn(3, 2) + "/progress\n/history\n/report\n/export\n");
        Path chart = file(out, "me-comeback-progress.png");
        assertThat(chart.getParent()).isEqualTo(dir.resolve("chat-files").toAbsolutePath());
        var image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(chart)));
        assertThat(image.getWidth()).isEqualTo(1080);
        assertThat(out).contains("bot> Your last 3 check-ins (pain before \u2192 after moving), newest first:");
        assertThat(out).contains("bot> Wed 4 Mar: 3 \u2192 2, steady");
        assertThat(new String(Files.readAllBytes(file(out, "me-comeback-report.pdf")), StandardCharsets.ISO_8859_1)).startsWith("%PDF");
        assertThat(Files.readString(file(out, "me-comeback-data.json"))).contains("\"painBefore\" : 3", "\"person\" : \"console:me\"");
        assertThat(out.lines()).allMatch(l -> l.startsWith("bot> ") || l.startsWith("buttons: [") || l.startsWith("file: ")
                || l.startsWith("["));

        String forget = console("/forget\nYes, delete everything\n/status\n");
        assertThat(forget).contains("buttons: [Yes, delete everything] [No, keep it]",
                "bot> Done: everything I had stored about you is deleted, and no reminders will come. If you write again, we start from the beginning.");
        assertThat(forget.substring(forget.indexOf("bot> Done:"))).contains("not started (send /start)");
    }
}
