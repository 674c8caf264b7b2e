package dev.comeback.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {
    @Test
    void byDefaultEveryScenarioRunsInFull() {
        Options options = Options.parse();

        assertThat(options.quick()).isFalse();
        assertThat(options.scenarios()).extracting(Scenario::name).containsExactly("conversation", "reminders", "telegram", "discord", "startup", "files", "soak");
        assertThat(options.appJar()).isEqualTo(Path.of("app/target/comeback.jar").toAbsolutePath());
        assertThat(options.workerResults()).isEmpty();
    }

    @Test
    void oneScenarioQuickWithAResultsFile() {
        Options options = Options.parse("--quick", "--scenario", "reminders", "--out", "bench/RESULTS.md");

        assertThat(options.quick()).isTrue();
        assertThat(options.scenarios()).extracting(Scenario::name).containsExactly("reminders");
        assertThat(options.out()).contains(Path.of("bench/RESULTS.md"));
    }

    @Test
    void aScenarioRunsInAJvmOfItsOwnWithItsHeapLimit() {
        Options options = Options.parse("--quick", "--scenario", "reminders");
        Scenario reminders = options.scenarios().get(0);

        assertThat(options.workerCommand(reminders, Path.of("r.results")))
                .contains("-Xmx512m", Bench.class.getName(), "--worker-results", "r.results", "--quick")
                .containsSubsequence("--scenario", "reminders");
    }

    @Test
    void unknownScenariosAndFlagsAreRefused() {
        assertThatThrownBy(() -> Options.parse("--scenario", "slack")).hasMessageContaining("no scenario slack");
        assertThatThrownBy(() -> Options.parse("--fast")).hasMessageContaining("unknown argument");
        assertThatThrownBy(() -> Options.parse("--out")).hasMessageContaining("needs a value");
    }
}
