package dev.comeback.core.conversation;

import dev.comeback.core.testkit.ChatDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ZoneReaderTest {
    private static final Instant WINTER = Instant.parse("2026-03-02T13:00:00Z");
    private static final Instant SUMMER = Instant.parse("2026-07-01T13:00:00Z");
    private final ZoneReader reader = new ZoneReader(ChatDriver.CONTENT.zones());

    @ParameterizedTest
    @CsvSource({
            "EST, America/New_York",
            "est, America/New_York",
            "PST, America/Los_Angeles",
            "CEST, Europe/Paris",
            "Eastern Time, America/New_York",
            "NYC, America/New_York",
            "LA, America/Los_Angeles",
            "Mumbai, Asia/Kolkata",
            "India, Asia/Kolkata",
            "Munich, Europe/Berlin",
            "Germany, Europe/Berlin",
            "Japan, Asia/Tokyo",
            "Europe/Berlin, Europe/Berlin",
            "europe/berlin, Europe/Berlin",
            "Berlin, Europe/Berlin",
            "new york, America/New_York",
            "Kolkata, Asia/Kolkata",
            "Calcutta, Asia/Kolkata",
            "Bogota, America/Bogota",
            "Myanmar, Asia/Yangon",
            "UK, Europe/London",
            "I'm in Berlin, Europe/Berlin",
            "GMT, UTC",
            "UTC, UTC",
            "UTC+0, UTC"})
    void readsWhatPeopleType(String typed, String zone) {
        assertThat(reader.read(typed, WINTER)).isEqualTo(new ZoneReader.Result.Found(ZoneId.of(zone)));
    }

    @Test
    void ambiguousAbbreviationsOfferTheirZones() {
        assertThat(reader.read("IST", WINTER)).isInstanceOfSatisfying(ZoneReader.Result.Choose.class, c -> {
            assertThat(c.zones()).containsExactly(ZoneId.of("Asia/Kolkata"), ZoneId.of("Asia/Jerusalem"), ZoneId.of("Europe/Dublin"));
            assertThat(c.fixed()).isEmpty();
        });
        assertThat(reader.read("BST", WINTER)).isInstanceOf(ZoneReader.Result.Choose.class);
        assertThat(reader.read("CST", WINTER)).isInstanceOf(ZoneReader.Result.Choose.class);
    }

    @Test
    void anOffsetOffersTheMajorZonesAtItNowAndAFixedOffsetLast() {
        ZoneReader.Result winter = reader.read("UTC-5", WINTER);
        assertThat(winter).isInstanceOfSatisfying(ZoneReader.Result.Choose.class, c -> {
            assertThat(c.zones()).first().isEqualTo(ZoneId.of("America/New_York"));
            assertThat(c.fixed()).contains(ZoneOffset.ofHours(-5));
            assertThat(c.question()).contains("daylight saving");
        });
        ZoneReader.Result summer = reader.read("UTC-5", SUMMER);
        assertThat(summer).isInstanceOfSatisfying(ZoneReader.Result.Choose.class,
                c -> assertThat(c.zones()).first().isEqualTo(ZoneId.of("America/Chicago")));
        assertThat(reader.read("GMT+2", WINTER)).isInstanceOfSatisfying(ZoneReader.Result.Choose.class, c -> {
            assertThat(c.zones()).contains(ZoneId.of("Africa/Johannesburg"));
            assertThat(c.fixed()).contains(ZoneOffset.ofHours(2));
        });
        assertThat(reader.read("+05:30", WINTER)).isInstanceOfSatisfying(ZoneReader.Result.Choose.class,
                c -> assertThat(c.zones()).containsExactly(ZoneId.of("Asia/Kolkata")));
    }

    @Test
    void offsetsNoPlaceUsesAreRefused() {
        assertThat(reader.read("UTC+15", WINTER)).isInstanceOf(ZoneReader.Result.Refused.class);
        assertThat(reader.read("UTC-13", WINTER)).isInstanceOf(ZoneReader.Result.Refused.class);
        assertThat(reader.read("UTC+14", WINTER)).isInstanceOf(ZoneReader.Result.Choose.class);
    }

    @Test
    void aCountryWithSeveralZonesOffersThem() {
        assertThat(reader.read("USA", WINTER)).isInstanceOfSatisfying(ZoneReader.Result.Choose.class, c -> {
            assertThat(c.zones()).startsWith(ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"))
                    .contains(ZoneId.of("America/Los_Angeles"), ZoneId.of("America/Anchorage"));
            assertThat(c.zones()).hasSizeLessThanOrEqualTo(ZoneReader.MAX_CHOICES);
        });
    }

    @Test
    void aCountryWithManyZonesOffersTheMajorOnesFirst() {
        assertThat(reader.read("Russia", WINTER)).isInstanceOfSatisfying(ZoneReader.Result.Choose.class, c -> {
            assertThat(c.zones()).hasSize(ZoneReader.MAX_CHOICES).contains(ZoneId.of("Europe/Moscow"));
            assertThat(c.question()).contains("If not, type your city");
        });
    }

    @Test
    void unknownTextIsUnknown() {
        assertThat(reader.read("my kitchen", WINTER)).isInstanceOf(ZoneReader.Result.Unknown.class);
        assertThat(reader.read("", WINTER)).isInstanceOf(ZoneReader.Result.Unknown.class);
    }

    @Test
    void namesAZoneByItsPlaceAndLocalTime() {
        assertThat(ZoneReader.describe(ZoneId.of("America/New_York"), Instant.parse("2026-03-02T14:14:00Z")))
                .isEqualTo("New York, 09:14 now (America/New_York)");
        assertThat(ZoneReader.describe(ZoneId.of("UTC"), WINTER)).isEqualTo("UTC, 13:00 now");
        assertThat(ZoneReader.label(ZoneId.of("Asia/Kolkata"))).isEqualTo("Kolkata, India");
        assertThat(ZoneReader.label(ZoneOffset.ofHours(-5))).isEqualTo("Fixed UTC-05:00");
    }
}
