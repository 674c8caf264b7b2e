package dev.comeback.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's :wait delivers the reminder stream on the virtual clock, stamped with virtual times. */
class ReminderStreamTest {
    @TempDir
    Path dir;

    @Test
    void waitingThreeDaysShowsTheFirst72HoursOfReminders() {
        String input = "/start\n" + "no\n".repeat(14)
                + "Yes, no spikes\nA day or two later\nDull, even stiffness\nYes, it eases\nToday\nEurope/Berlin\nkg\n82\n:wait 72h\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"--db", dir.resolve("stream").toString(), "--clock", "virtual",
                        "--start", "2026-03-02T14:00", "--zone", "Europe/Berlin"},
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), Map.of());
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(code).isZero();
        List<String> stamped = lines.stream().filter(l -> l.startsWith("[2026-")).toList();
        assertThat(stamped).filteredOn(l -> l.contains("bot> Ice time")).hasSize(18);
        assertThat(stamped).filteredOn(l -> l.contains("bot> Ice off now")).hasSize(18);
        assertThat(stamped).filteredOn(l -> l.contains("bot> Water check")).hasSize(17);
        assertThat(stamped).filteredOn(l -> l.contains("bot> Time to walk")).hasSize(2);
        // Issue 12: the third unanswered check-in prompt says so instead of repeating itself.
        assertThat(stamped).filteredOn(l -> l.contains("bot> Time for your daily check-in")).hasSize(2);
        assertThat(stamped).filteredOn(l -> l.contains("bot> I haven't heard from you")).hasSize(1);
        assertThat(stamped).contains(
                "[2026-03-02 16:00] bot> Water check: by 16:00 aim for about 1.6-1.9 litres of today's 2.9-3.3 litres.",
                "[2026-03-02 16:30] bot> Ice time: 15-20 minutes at a time with a gel pack wrapped in cloth, never on bare skin.",
                "[2026-03-04 14:00] bot> You've moved on to phase 2: Active recovery. From passive rest to gentle, controlled movement, so the back does not stiffen.",
                "[2026-03-04 17:00] bot> Time to walk. Walk on flat ground: 10-15 min, twice a day. Cues: easy pace, upright, arms swinging.");
        assertThat(stamped).isSortedAccordingTo((a, b) -> a.substring(0, 18).compareTo(b.substring(0, 18)));
        assertThat(stamped).allSatisfy(l -> assertThat(l.substring(12, 17)).isGreaterThanOrEqualTo("08:00").isLessThan("22:00"));
        assertThat(lines).contains("buttons: [Done] [Snooze 20 min] [Snooze 1 h]");
    }
}
