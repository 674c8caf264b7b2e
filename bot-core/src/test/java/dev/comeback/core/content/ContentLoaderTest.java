package dev.comeback.core.content;

import dev.comeback.core.testkit.ChatDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentLoaderTest {
    @TempDir
    Path dir;

    private static String packaged(String file) throws IOException {
        try (InputStream in = ContentLoader.class.getResourceAsStream("/comeback/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ContentException loadWith(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text);
        return (ContentException) org.junit.jupiter.api.Assertions.assertThrows(ContentException.class,
                () -> new ContentLoader(Optional.of(dir)).load());
    }

    @Test
    void theDefaultsLoadAndHaveEveryOutcome() {
        assertThat(ChatDriver.CONTENT.triage().questions()).hasSizeGreaterThan(10);
        assertThat(ChatDriver.CONTENT.triage().outcomes()).hasSize(4);
    }

    @Test
    void aFileInTheConfigFolderReplacesTheDefault() throws IOException {
        Files.writeString(dir.resolve("triage.json"), packaged("triage.json").replace("A few quick questions", "Some questions"));
        assertThat(new ContentLoader(Optional.of(dir)).load().triage().intro()).startsWith("Some questions");
    }

    @Test
    void timeZoneAliasesCanBeReplacedFromTheConfigFolder() throws IOException {
        Files.writeString(dir.resolve("time-zones.json"), packaged("time-zones.json").replace("\"nyc\": \"America/New_York\"", "\"gotham\": \"America/New_York\""));
        ZoneAliases zones = new ContentLoader(Optional.of(dir)).load().zones();
        assertThat(zones.places()).containsEntry("gotham", "America/New_York").doesNotContainKey("nyc");
    }

    @Test
    void anUnknownZoneInTheAliasesIsNamedWithItsFileAndField() throws IOException {
        ContentException e = loadWith("time-zones.json", packaged("time-zones.json").replace("\"munich\": \"Europe/Berlin\"", "\"munich\": \"Europe/Munich\""));
        assertThat(e).hasMessageContaining("time-zones.json").hasMessageContaining("places.munich").hasMessageContaining("Europe/Munich");
    }

    @Test
    void aDuplicateQuestionIdIsNamedWithItsFileAndField() throws IOException {
        ContentException e = loadWith("triage.json", packaged("triage.json").replace("\"id\": \"both_legs\"", "\"id\": \"saddle\""));
        assertThat(e).hasMessageContaining("triage.json").hasMessageContaining("questions[2].id").hasMessageContaining("used twice");
    }

    @Test
    void aConcernWithoutAReasonIsRefused() throws IOException {
        ContentException e = loadWith("triage.json", packaged("triage.json").replace(", \"reason\": \"a hard fall or major impact\"", ""));
        assertThat(e).hasMessageContaining("questions[6].options[0].reason");
    }

    @Test
    void anUnknownOutcomeIsRefusedWithTheFile() throws IOException {
        ContentException e = loadWith("triage.json", packaged("triage.json").replaceFirst("\"URGENT\", \"reason\"", "\"SOON\", \"reason\""));
        assertThat(e).hasMessageContaining("triage.json").hasMessageContaining("SOON");
    }

    @Test
    void aRedFlagRuleNamingAnUnknownConceptIsNamed() throws IOException {
        ContentException e = loadWith("red-flags.json", packaged("red-flags.json").replace("[[\"saddle_region\", \"numb\"]]", "[[\"saddle_regoin\", \"numb\"]]"));
        assertThat(e).hasMessageContaining("red-flags.json").hasMessageContaining("signs[0]").hasMessageContaining("saddle_regoin");
    }

    @Test
    void anInvertedWaterRangeIsRefused() throws IOException {
        ContentException e = loadWith("protocol.json", packaged("protocol.json").replace("\"min\": 35", "\"min\": 45"));
        assertThatThrownBy(() -> { throw e; }).hasMessageContaining("protocol.json").hasMessageContaining("nutrition.waterMlPerKg");
    }
}
