package dev.comeback.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleChatTest {
    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private Run console(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String db() {
        return dir.resolve("chat").toString();
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void aWholeQuizToRecoveryReadsAsAChatTranscript() {
        String no14 = "no\n".repeat(14);
        Run run = console("/start\n" + no14 + lines("yes, no spikes", "A day or two later", "Dull, even stiffness",
                "Yes, it eases", "Europe/Berlin", "kg", "82"),
                "--db", db(), "--clock", "virtual", "--start", "2026-03-02T14:00", "--zone", "Europe/Berlin");

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.lines();
        assertThat(lines.get(0)).isEqualTo(
                "bot> Comeback is a coaching aid, not a medical diagnosis: if you are worried about your back, see a doctor or physiotherapist.");
        assertThat(lines).contains(
                "bot> Question 1 of up to 18: Do you have any numbness, tingling or odd feeling in the saddle area: between your legs, around your anus or genitals?",
                "buttons: [Yes] [No] [Not sure]",
                "buttons: [Yes, no spikes] [No, pain spiked]",
                "bot> RECOVERY: no warning signs found.",
                "bot> Time zone set: Berlin, 14:00 now (Europe/Berlin).",
                "buttons: [kg] [lb]",
                "bot> Noted: 82 kg.",
                "bot> Today, day 0 of your recovery: phase 1, Acute rest.",
                "bot> Drink 2.9-3.3 litres of water a day (35-40 ml per kg of body weight).");
        assertThat(lines).allMatch(l -> l.startsWith("bot> ") || l.startsWith("buttons: ["));
    }

    @Test
    void eachOfTheFourOutcomesCanBeReachedInTheConsole() {
        assertThat(console(lines("/start", "yes"), "--db", db(), "--user", "e").out()).contains("bot> EMERGENCY: get emergency care now.");
        assertThat(console("/start\n" + "no\n".repeat(4) + "yes\n", "--db", db(), "--user", "u").out()).contains("bot> URGENT: see a doctor today.");
        assertThat(console("/start\n" + "no\n".repeat(9) + "yes\n", "--db", db(), "--user", "c").out()).contains("bot> SEE A CLINICIAN: stop training and get it checked.");
        assertThat(console("/start\n" + "no\n".repeat(14) + lines("yes, no spikes", "not sure", "sharp or stabbing", "no, same or worse"),
                "--db", db(), "--user", "r").out()).contains("bot> RECOVERY: no warning signs found.");
    }

    @Test
    void quittingMidQuizAndStartingAgainContinuesWhereItWas() {
        console(lines("/start", "no", "no"), "--db", db());
        Run again = console(lines("no"), "--db", db());
        assertThat(again.out()).contains("bot> Question 4 of up to 18");
    }

    @Test
    void usersAreKeptApart() {
        console(lines("/start", "no", "no"), "--db", db(), "--user", "ann");
        Run ben = console(lines("/status"), "--db", db(), "--user", "ben");
        assertThat(ben.out()).contains("not started").doesNotContain("answered");
    }

    @Test
    void waitMovesTheVirtualClock() {
        Run run = console(lines("/start", ":wait 2h", "/start", "no", ":wait 1d2h30m", "no"), "--db", db(),
                "--clock", "virtual", "--start", "2026-03-02T08:00", "--zone", "Europe/Berlin");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).doesNotContain("console:");
        assertThat(ConsoleChat.parseWait(":wait 1d2h30m")).contains(Duration.ofMinutes(26 * 60 + 30));
        assertThat(ConsoleChat.parseWait(":wait 45m")).contains(Duration.ofMinutes(45));
        assertThat(ConsoleChat.parseWait(":wait soon")).isEmpty();
        assertThat(ConsoleChat.parseWait(":wait 366d")).contains(Duration.ofDays(366));
        assertThat(ConsoleChat.parseWait(":wait 367d")).isEmpty();
        assertThat(ConsoleChat.parseWait(":wait 1000000d")).isEmpty();
        assertThat(ConsoleChat.parseWait(":wait 9223372036854775807s")).isEmpty();
        assertThat(ConsoleChat.parseWait(":wait 99999999999999999999d")).isEmpty();
    }

    @Test
    void waitWithoutTheVirtualClockIsExplainedAndChangesNothing() {
        Run run = console(lines(":wait 2h", ":wait later"), "--db", db());
        assertThat(run.err()).contains(":wait needs the virtual clock").contains("like :wait 2h");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aWaitTooLongToBeUsefulIsRefusedAndTheChatGoesOn() {
        Run run = console(lines(":wait 99999999999999999999d", ":wait 9223372036854775807s", ":wait 1000000d", "/status"),
                "--db", db(), "--clock", "virtual", "--start", "2026-03-02T08:00", "--zone", "Europe/Berlin");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("up to 366d").doesNotContain("overflow");
        assertThat(run.out()).contains("not started");
    }

    @Test
    void aConfigFolderThatIsNotThereOrIsAFileStopsTheStart() throws Exception {
        Run missing = console("", "--config", dir.resolve("nonexistent").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--config").contains("does not exist");
        Path file = Files.writeString(dir.resolve("a-file"), "{}");
        Run notAFolder = console("", "--config", file.toString());
        assertThat(notAFolder.exitCode()).isEqualTo(2);
        assertThat(notAFolder.err()).contains("--config").contains("not a folder");
    }

    @Test
    void badArgumentsExitWithUsage() {
        Run run = console("", "--clock", "sundial");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--clock takes 'virtual' or 'real'").contains("usage: ./comeback");
        assertThat(console("", "--user").err()).contains("--user needs a value");
        assertThat(console("", "--start", "2026-03-02T08:00").err()).contains("--start needs --clock virtual");
    }

    @Test
    void emptyInputExitsCleanly() {
        Run run = console("", "--db", db());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
    }
}
