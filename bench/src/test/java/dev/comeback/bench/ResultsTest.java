package dev.comeback.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsTest {
    @TempDir
    Path dir;

    @Test
    void verdictsFollowTheTargetsAndCorrectnessChecksFail() {
        Results results = new Results("demo", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        results.measured("rate", 2_500, "2,500 msg/s", Target.atLeast(2_000, "≥ 2,000 msg/s"));
        results.measured("p99", 25, "25 ms", Target.below(20, "< 20 ms"));
        results.check("nothing twice", false, "1 twice");
        results.info("db", "10 MB");

        assertThat(results.rows()).extracting(Results.Row::verdict)
                .containsExactly(Verdict.PASS, Verdict.MISS, Verdict.FAIL, Verdict.INFO);
    }

    @Test
    void whatAScenarioWritesIsReadBackWhole() throws Exception {
        Results results = new Results("demo", null);
        results.measured("lag p99", 0.3, "300 ms", Target.below(1, "< 1 s"));
        results.note("a note\twith a tab");
        Path file = dir.resolve("demo.results");

        results.write(file);
        Results read = Results.read(file);

        assertThat(read.rows()).containsExactly(new Results.Row("demo", "lag p99", "300 ms", "< 1 s", Verdict.PASS));
        assertThat(read.notes()).containsExactly(new Results.Note("demo", "a note with a tab"));
    }

    @Test
    void theReportHasOneTablePerScenarioWithItsNotes() {
        Results results = new Results("conversation", null);
        results.measured("messages per second", 2_500, "2,500 msg/s", Target.atLeast(2_000, "≥ 2,000 msg/s"));
        results.note("how it was measured");
        Scenario scenario = Scenarios.named("conversation").orElseThrow();
        Machine machine = new Machine(2, 4L << 30, "cpu", "jvm", "os");

        String md = new Report(java.time.LocalDate.of(2026, 11, 25), machine, "bench/run", false, java.util.List.of(scenario), results).markdown();

        assertThat(md).contains("- Date: 2026-11-25", "- Command: `bench/run`", "## 1. Conversation throughput",
                "| messages per second | 2,500 msg/s | ≥ 2,000 msg/s | PASS |", "- how it was measured");
    }
}
