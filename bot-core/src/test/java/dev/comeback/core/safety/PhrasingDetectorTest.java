package dev.comeback.core.safety;

import dev.comeback.core.testkit.ChatDriver;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The phrasing table straight through the detector: every sign found, nothing harmless flagged. */
class PhrasingDetectorTest {
    private final RedFlagDetector detector = new RedFlagDetector(ChatDriver.CONTENT.redFlags());

    @Test
    void everySignIsFoundAndNothingHarmlessIs() {
        Phrasings table = Phrasings.load();
        List<String> missed = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        table.signs().stream().filter(t -> detector.scan(t).isEmpty()).forEach(missed::add);
        table.harmless().stream().filter(t -> detector.scan(t).isPresent()).forEach(t -> falseAlarms.add(t + " -> " + detector.scan(t).get()));
        System.out.printf("detector: caught %d/%d, false alarms %d/%d%n", table.signs().size() - missed.size(),
                table.signs().size(), falseAlarms.size(), table.harmless().size());
        assertThat(missed).as("signs missed (false alarms: %s)", falseAlarms).isEmpty();
        assertThat(falseAlarms).as("false alarms").isEmpty();
    }
}
