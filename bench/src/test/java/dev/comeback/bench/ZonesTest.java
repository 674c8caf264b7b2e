package dev.comeback.bench;

import dev.comeback.core.content.ContentLoader;
import dev.comeback.core.conversation.ZoneReader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ZonesTest {
    @Test
    void theOffsetPutsTheInstantAtTheWantedWallClockTimeAndTheBotReadsIt() {
        for (String at : new String[]{"2026-11-25T09:41:44Z", "2026-11-25T23:59:10Z", "2026-11-25T00:00:00Z"}) {
            Instant instant = Instant.parse(at);
            for (LocalTime wanted : new LocalTime[]{LocalTime.of(12, 30), LocalTime.of(1, 0), LocalTime.of(23, 30)}) {
                String typed = Zones.whereItIs(wanted, instant);
                ZoneReader.Result read = new ZoneReader(ContentLoader.defaults().zones()).read(typed, instant);
                ZoneId zone = read instanceof ZoneReader.Result.Found found ? found.zone()
                        : ((ZoneReader.Result.Choose) read).fixed().orElseThrow();

                LocalTime there = instant.atZone(zone).toLocalTime();
                long apart = Math.abs(there.toSecondOfDay() - wanted.toSecondOfDay());
                assertThat(Math.min(apart, 86_400 - apart)).as("%s at %s", typed, at).isLessThanOrEqualTo(30);
            }
        }
    }
}
