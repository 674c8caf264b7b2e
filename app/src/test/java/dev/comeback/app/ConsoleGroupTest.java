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

/** The console playing a coaching group: several people over one database, a digest on the virtual clock. */
class ConsoleGroupTest {
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

    private String[] args(String... more) {
        List<String> all = new java.util.ArrayList<>(List.of("--db", dir.resolve("club").toString(), "--clock", "virtual",
                "--start", "2026-03-02T09:00", "--zone", "Europe/Berlin", "--group", "gym", "--coach", "ann",
                "--user", "bob", "--user", "cat"));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static String quiz(String who) {
        StringBuilder b = new StringBuilder(who + ": Start\n");
        for (int i = 0; i < 14; i++) {
            b.append(who).append(": no\n");
        }
        for (String answer : List.of("yes, no spikes", "A day or two later", "Dull, even stiffness", "Yes, it eases",
                "Today", "Europe/Berlin", "kg", "82")) {
            b.append(who).append(": ").append(answer).append('\n');
        }
        return b.toString();
    }

    @Test
    void aCoachSetsUpTheGroupMembersJoinAndTheDigestComesAtItsTime() {
        Run run = console(String.join("\n",
                "cat@gym: /coach",
                "ann@gym: /coach 19:00 Europe/Berlin",
                "bob@gym: /join",
                "bob: Also phase and pain trend",
                "bob: No") + "\n" + quiz("bob") + String.join("\n",
                "cat@gym: /join",
                "cat: Only check-ins",
                "cat: Yes, tell my coach",
                ":wait 11h",
                "ann@gym: /roster",
                "cat@gym: /leave",
                "ann@gym: /nudge @bob") + "\n", args());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.lines();
        assertThat(lines).contains(
                "[gym] bot> Only an admin of this group can make it a coaching group. Ask one of them to send /coach.",
                "[gym] bot> Welcome, bob! I have written to you privately.",
                "[bob] bot> You are joining the coaching group gym.",
                "[bob] buttons: [Only check-ins] [Also phase and pain trend]",
                "[bob] buttons: [Start]",
                "[bob] bot> RECOVERY: no warning signs found.",
                "[2026-03-02 19:00] [gym] bot> Daily digest for gym, Mon 2 Mar",
                "[2026-03-02 19:00] [gym] bot> Checked in today (0 of 2): nobody yet",
                "[2026-03-02 19:00] [gym] bot> Phases (1 member shares theirs): phase 1 Acute rest: 1",
                "[gym] bot> I have sent you the roster in our private chat.",
                "[ann] bot> Roster of gym (2 members)",
                "[gym] bot> cat has left this group's digests.",
                "[gym] bot> I have sent bob a friendly word in private.");
        assertThat(lines).anyMatch(l -> l.startsWith("[bob] bot> Your coach ann (gym) says hi"));
        assertThat(lines).anyMatch(l -> l.matches("\\[2026-03-02 \\d\\d:\\d\\d\\] \\[bob\\] bot> .*"))
                .as("bob's own reminders come on the same clock");
    }

    /** The files of /report and /export are written in group mode too, beside the database. */
    @Test
    void filesAreWrittenInGroupModeToo() {
        Run run = console(quiz("bob") + "bob: /report\nbob: /export\n", args());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines()).contains("file: " + dir.resolve("club-files").resolve("bob-comeback-report.pdf").toAbsolutePath(),
                "file: " + dir.resolve("club-files").resolve("bob-comeback-data.json").toAbsolutePath());
        assertThat(dir.resolve("club-files").resolve("bob-comeback-report.pdf")).isNotEmptyFile();
    }

    @Test
    void groupFlagsAreCheckedAndDocumentedInTheUsage() {
        Run noGroup = console("", "--user", "ann", "--user", "bob");
        assertThat(noGroup.exitCode()).isEqualTo(2);
        assertThat(noGroup.err()).contains("several --user names need --group").contains("--group NAME");
        Run sameName = console("", "--group", "ann", "--user", "ann");
        assertThat(sameName.exitCode()).isEqualTo(2);
        assertThat(console("", "--coach", "ann").err()).contains("--coach needs --group");
    }
}
