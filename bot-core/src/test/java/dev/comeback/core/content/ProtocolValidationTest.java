package dev.comeback.core.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each broken protocol file stops the start with the file, the field and the problem. */
class ProtocolValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ContentException broken(Consumer<ObjectNode> edit) throws IOException {
        ObjectNode protocol;
        try (InputStream in = ContentLoader.class.getResourceAsStream("/comeback/protocol.json")) {
            protocol = (ObjectNode) JSON.readTree(in);
        }
        edit.accept(protocol);
        Files.writeString(dir.resolve("protocol.json"), JSON.writeValueAsString(protocol));
        return assertThrows(ContentException.class, () -> new ContentLoader(Optional.of(dir)).load());
    }

    private static ObjectNode phase(ObjectNode protocol, int index) {
        return (ObjectNode) protocol.get("phases").get(index);
    }

    @Test
    void theUneditedProtocolIsValid() throws IOException {
        try (InputStream in = ContentLoader.class.getResourceAsStream("/comeback/protocol.json")) {
            Files.write(dir.resolve("protocol.json"), in.readAllBytes());
        }
        assertThat(new ContentLoader(Optional.of(dir)).load().protocol().phases()).hasSize(9);
    }

    @Test
    void anUnknownExerciseReferenceIsNamed() throws IOException {
        ContentException e = broken(p -> ((ObjectNode) phase(p, 3).get("items").get(0)).put("exercise", "superman_hold"));
        assertThat(e).hasMessage("protocol.json: phases[3].items[0].exercise: unknown exercise 'superman_hold'");
    }

    @Test
    void overlappingPhasesAreRefused() throws IOException {
        ContentException e = broken(p -> phase(p, 1).put("fromHour", 40));
        assertThat(e).hasMessage("protocol.json: phases[1].fromHour: overlaps the phase before, which runs to hour 48");
    }

    @Test
    void aGapBetweenPhasesIsRefused() throws IOException {
        ContentException e = broken(p -> phase(p, 2).put("fromHour", 80));
        assertThat(e).hasMessage("protocol.json: phases[2].fromHour: leaves hours 72-80 without a phase");
    }

    @Test
    void aPhaseThatNeverEndsBeforeOthersIsRefused() throws IOException {
        ContentException e = broken(p -> phase(p, 5).remove("minDays"));
        assertThat(e).hasMessageContaining("protocol.json: phases[5]: needs fromHour and toHour, minDays, or a gate");
    }

    @Test
    void aPercentageAbove100IsRefused() throws IOException {
        ContentException e = broken(p -> {
            JsonNode week = phase(p, 7).get("weeks").get(3);
            ((ObjectNode) week.get("items").get(0).get("loadPercent")).put("max", 170);
        });
        assertThat(e).hasMessageStartingWith("protocol.json: phases[7].weeks[3].items[0].loadPercent: percentage outside 0-100");
    }

    @Test
    void aNegativePercentageIsRefused() throws IOException {
        ContentException e = broken(p -> ((ObjectNode) phase(p, 6).get("items").get(0).get("loadPercent")).put("min", -5));
        assertThat(e).hasMessageStartingWith("protocol.json: phases[6].items[0].loadPercent: percentage outside 0-100");
    }

    @Test
    void aGapInTheLoadingTableIsRefused() throws IOException {
        ContentException e = broken(p -> ((ObjectNode) phase(p, 7).get("weeks").get(1)).put("from", 4));
        assertThat(e).hasMessageStartingWith("protocol.json: phases[7].weeks[1]: weeks must run on from week 3");
    }

    @Test
    void anUnknownReminderIsRefused() throws IOException {
        ContentException e = broken(p -> ((ArrayNode) phase(p, 0).get("reminders")).add("sauna"));
        assertThat(e).hasMessageStartingWith("protocol.json: phases[0].reminders[3]: unknown reminder 'sauna'");
    }

    @Test
    void aGateFallingBackToAnUnknownPhaseIsRefused() throws IOException {
        ContentException e = broken(p -> ((ObjectNode) phase(p, 4).get("gate")).put("failBackTo", "yoga"));
        assertThat(e).hasMessage("protocol.json: phases[4].gate.failBackTo: 'yoga' is not an earlier phase");
    }

    @Test
    void aMisspelledFieldIsRefusedWithItsName() throws IOException {
        ContentException e = broken(p -> phase(p, 0).put("toHours", 48));
        assertThat(e).hasMessageContaining("protocol.json").hasMessageContaining("toHours");
    }
}
