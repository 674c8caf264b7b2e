package dev.comeback.core.progress;

import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.SeededHistory;
import dev.comeback.core.time.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressFilesTest {
    @TempDir
    Path dir;
    Database db;
    ChatDriver chat;

    @BeforeEach
    void seed() {
        db = Database.open(Database.h2FileUrl(dir.resolve("comeback")), "sa", "", 4);
        chat = new ChatDriver(new JdbcConversationStore(db.dataSource()),
                new VirtualClock(Instant.parse("2026-03-02T08:00:00Z"), ZoneId.of("UTC")), "alice");
        SeededHistory.tenWeeks(chat, 16L);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ProgressData data() {
        return new ProgressData(chat.user().key(), chat.state().orElseThrow(),
                new JdbcProgressHistory(db.dataSource()).events(chat.user().key()), chat.now());
    }

    @Test
    void tenWeeksOfCheckInsAreRecordedWithPhasesRegressionsAndStrainHolds() {
        List<ProgressEvent> events = new JdbcProgressHistory(db.dataSource()).events(chat.user().key());
        assertThat(events).filteredOn(e -> e.kind() == ProgressEvent.Kind.CHECK_IN).hasSizeGreaterThan(60);
        assertThat(events).filteredOn(e -> e.kind() == ProgressEvent.Kind.PHASE && e.detail().equals("REGRESSED")).isNotEmpty();
        assertThat(events).filteredOn(e -> e.kind() == ProgressEvent.Kind.STRAIN_HOLD).hasSize(1);
        assertThat(events).filteredOn(e -> e.kind() == ProgressEvent.Kind.GATE_PASSED).hasSize(1);
        assertThat(events).filteredOn(e -> e.kind() == ProgressEvent.Kind.TRIAGE).hasSize(1);
        assertThat(events).filteredOn(e -> e.kind() == ProgressEvent.Kind.CHECK_IN && e.loadKg() > 0).isNotEmpty();
    }

    @Test
    void theChartIsAPhoneSizedPngThatIsNotBlank() throws Exception {
        byte[] png = new ProgressChart(ChatDriver.CONTENT.protocol()).png(data());
        Files.write(dir.resolve("chart.png"), png);
        Files.copy(dir.resolve("chart.png"), Path.of("target/progress-chart.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(ProgressChart.PHONE_WIDTH);
        assertThat(image.getHeight()).isEqualTo(ProgressChart.PHONE_HEIGHT);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertThat(colours).contains(ProgressChart.BLUE.getRGB() & 0xFFFFFF, ProgressChart.ORANGE.getRGB() & 0xFFFFFF);
        assertThat(colours.size()).isGreaterThan(20);
    }
}
