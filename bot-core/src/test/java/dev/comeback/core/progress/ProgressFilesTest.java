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

    @Test
    void theReportIsOnePdfPageWithTheTriageDateAndTheLatestPainScores() throws Exception {
        byte[] pdf = new ClinicianReport(ChatDriver.CONTENT).pdf(data());
        Files.write(Path.of("target/progress-report.pdf"), pdf);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 90);
            ImageIO.write(page, "png", Path.of("target/progress-report.png").toFile());
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            var state = chat.state().orElseThrow();
            ZoneId zone = ZoneId.of(state.profile().timeZone().orElseThrow());
            String triageDay = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
                    .format(state.triageResult().orElseThrow().at().atZone(zone));
            var checkIns = state.recovery().orElseThrow().checkIns();
            var last = checkIns.get(checkIns.size() - 1);
            assertThat(text).contains("Triage on " + triageDay);
            assertThat(text).contains("pain " + last.before() + "/10 before moving, " + last.after() + "/10 after");
            assertThat(text).contains("Regressions and why").contains("pain rose from");
            assertThat(text).doesNotContain("more than fits on one page");
        }
    }

    @Test
    void theExportIsJsonThatRoundTripsAndHoldsEveryCheckIn() throws Exception {
        ProgressFiles files = new ProgressFiles(db.dataSource(), chat.coach(), ChatDriver.CONTENT);
        byte[] json = files.render(chat.user(), dev.comeback.core.message.Attachment.of(dev.comeback.core.message.Attachment.Kind.EXPORT), chat.now()).bytes();
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode tree = mapper.readTree(json);
        assertThat(mapper.readTree(mapper.writeValueAsBytes(tree))).isEqualTo(tree);
        List<ProgressEvent> checkIns = new JdbcProgressHistory(db.dataSource()).events(chat.user().key()).stream()
                .filter(e -> e.kind() == ProgressEvent.Kind.CHECK_IN).toList();
        assertThat(tree.get("checkIns")).hasSize(checkIns.size());
        Set<String> exported = new HashSet<>();
        tree.get("checkIns").forEach(c -> exported.add(c.get("at").asText() + "/" + c.get("painBefore").asInt() + "/" + c.get("painAfter").asInt()));
        for (ProgressEvent e : checkIns) {
            assertThat(exported).contains(e.at() + "/" + e.painBefore() + "/" + e.painAfter());
        }
        assertThat(tree.get("format").asText()).isEqualTo(DataExport.FORMAT);
        assertThat(tree.get("person").asText()).isEqualTo(chat.user().key());
        assertThat(tree.get("profile").get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(tree.get("rows").get("conversation")).hasSize(1);
        assertThat(tree.get("rows").get("progress_event").size()).isGreaterThan(checkIns.size());
        assertThat(tree.get("remindersPlanned")).isNotEmpty();
        assertThat(tree.get("adherence").get("remindersDelivered").asInt()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void historyShowsTheLastFourteenCheckInsNewestFirstInThePersonsZone() {
        String table = chat.send("/history").last().get(0).text();
        var checkIns = chat.state().orElseThrow().recovery().orElseThrow().checkIns();
        var last = checkIns.get(checkIns.size() - 1);
        String[] lines = table.split("\n");
        assertThat(lines).hasSize(15);
        assertThat(lines[0]).contains("last 14 check-ins");
        String day = java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.ENGLISH)
                .format(last.at().atZone(ZoneId.of("Europe/Berlin")));
        assertThat(lines[1]).startsWith(day + ": " + last.before() + " \u2192 " + last.after() + ", ");
        assertThat(table).contains("pain rose: one phase back").doesNotContain(", -");
    }

    @Test
    void progressSendsTheChartAndReportTheDocumentAsFileReplies() {
        assertThat(chat.send("/progress").last().get(0).attachment()).contains(dev.comeback.core.message.Attachment.of(dev.comeback.core.message.Attachment.Kind.CHART));
        assertThat(chat.send("/report").last().get(0).attachment()).contains(dev.comeback.core.message.Attachment.of(dev.comeback.core.message.Attachment.Kind.REPORT));
        assertThat(chat.send("/export").last().get(0).attachment()).contains(dev.comeback.core.message.Attachment.of(dev.comeback.core.message.Attachment.Kind.EXPORT));
    }
}
