package dev.comeback.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One person from triage to the end of reloading, through the console entry point on the virtual clock. */
class RecoveryWalkTest {
    @TempDir
    Path dir;

    @Test
    void aUserWalksEveryPhaseFromTriageToTheEndOfReloading() {
        List<String> input = new ArrayList<>();
        input.add("/start");
        for (int i = 0; i < 14; i++) {
            input.add("No");
        }
        input.addAll(List.of("Yes, no spikes", "A day or two later", "Dull, even stiffness", "Yes, it eases", "Today", "Europe/Berlin", "kg", "90",
                "/checkin", "No", "4", "4", "No",
                ":wait 2d", "/today",
                ":wait 1d", "/today", "/checkin", "no", "3", "3/10", "no",
                ":wait 2d", "/today",
                ":wait 3d", "/today",
                "/checkin", "No", "1", "1", "No", "Passed", "Passed", "Passed", "Passed",
                ":wait 6d", "/checkin", "No", "1", "1", "No", ":wait 1d", "/today", "180",
                ":wait 13d", "/checkin", "No", "1", "1", "No", "No session since last check-in", ":wait 1d", "/today",
                "/checkin", "No", "1", "1", "No", "All sets pain-free, good form",
                ":wait 13d", "/checkin", "No", "1", "1", "No", "No session since last check-in", ":wait 1d", "/today",
                ":wait 13d", "/checkin", "No", "1", "1", "No", "No session since last check-in", ":wait 1d", "/today",
                ":wait 13d", "/checkin", "No", "1", "1", "No", "No session since last check-in", ":wait 1d", "/today",
                ":wait 13d", "/checkin", "No", "1", "1", "No", "No session since last check-in", ":wait 1d", "/today", "/plan", "/status"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"--db", dir.resolve("walk").toString(), "--clock", "virtual",
                        "--start", "2026-03-02T14:00", "--zone", "Europe/Berlin"},
                new ByteArrayInputStream((String.join("\n", input) + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), Map.of());
        String transcript = out.toString(StandardCharsets.UTF_8);

        assertThat(code).isZero();
        assertThat(transcript).containsSubsequence(
                "bot> RECOVERY: no warning signs found.",
                "bot> Today, day 0 of your recovery: phase 1, Acute rest.",
                "bot> Drink 3.2-3.6 litres of water a day",
                "bot> Check-in saved: pain 4 before moving, 4 after (0).",
                "bot> You've moved on to phase 2: Active recovery.",
                "bot> - Walk on flat ground: 10-15 min, twice a day.",
                "bot> You've moved on to phase 3: Gentle mobility.",
                "bot> Check-in saved: pain 3 before moving, 3 after (0).",
                "bot> You've moved on to phase 4: Core stability.",
                "bot> - Bird-dog: 3 x 8 per side.",
                "bot> You've moved on to phase 5: Functional tests.",
                "Test 1 of 4: 15 bodyweight hip hinges with a neutral spine, without pain. Did you pass?",
                "buttons: [Passed] [Not yet]",
                "bot> All 4 tests passed. Well done: on to phase 6, Hinge practice.",
                "bot> - Hip hinge with a dowel along the spine: 3 x 15.",
                "bot> You've moved on to phase 7: Kettlebell Romanian deadlifts.",
                "bot> Noted: one-rep max 180 kg. Your loads:",
                "bot> - Kettlebell Romanian deadlift from blocks: 36 kg (one 36 kg kettlebell) this session",
                "bot> You've moved on to phase 8: Reloading.",
                "bot> Today, day 29 of your recovery: phase 8, Reloading, week 1 of 8.",
                "bot> - Kettlebell deadlift from blocks: 4 x 8, 36 kg (one 36 kg kettlebell) this session",
                "Kettlebell deadlift from blocks stays at 36 kg: the next load up, 40 kg, would be +11.1%",
                "bot> Today, day 43 of your recovery: phase 8, Reloading, week 3 of 8.",
                "bot> - Rack pull from knee height: 4 x 6, 72.5 kg this session",
                "week 5 of 8.",
                "bot> - Rack pull from mid-shin: 5 x 5, 107.5 kg (60% of your 180 kg one-rep max is 108 kg).",
                "week 7 of 8.",
                "bot> - Deadlift: 5 x 3, 125 kg (70% of your 180 kg one-rep max is 126 kg).",
                "bot> You've moved on to phase 9: Prevention.",
                "bot> - Rowing machine: 3-4 min.",
                "bot> [done] 8. Reloading (8 weeks)",
                "bot> [now]  9. Prevention (for good)",
                "bot> - Stage: recovery, phase 9 of 9: Prevention",
                "bot> - One-rep max before the injury: 180 kg");
    }
}
