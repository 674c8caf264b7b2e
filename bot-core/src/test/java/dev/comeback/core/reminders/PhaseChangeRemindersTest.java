package dev.comeback.core.reminders;

import dev.comeback.core.message.Reply;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.Recovery;
import dev.comeback.core.testkit.Triage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12, item 15: after a regression the plan is redone at once, and a phase change is told in the morning. */
class PhaseChangeRemindersTest {
    /** Triage at Mon 2 Mar 14:00 Berlin. */
    private final ChatDriver chat = ChatDriver.inMemory();

    private void regressOnDaySix() {
        Triage.toRecovery(chat);
        chat.advance(Duration.ofDays(6)).send("/today");
        assertThat(chat.lastText()).contains("Core stability");
        Recovery.checkIn(chat, 2, 4, "");
        assertThat(chat.lastText()).contains("back in Gentle mobility");
    }

    @Test
    void afterARegressionTheNextMorningsCheckInReminderIsPlanned() {
        regressOnDaySix();
        // Mon 9 Mar 09:00 Berlin.
        assertThat(chat.planned(Duration.ofDays(1)))
                .anyMatch(r -> r.kind() == ReminderKind.CHECKIN && r.dueAt().equals(Instant.parse("2026-03-09T08:00:00Z")));
    }

    @Test
    void thePhaseChangeIsToldInTheMorningMessageOfItsFirstDay() {
        regressOnDaySix();
        // Gentle mobility again until Tue 10 Mar 14:00; wait until 09:30 that morning without writing.
        List<Reply> delivered = chat.waitDelivering(Duration.between(chat.now(), Instant.parse("2026-03-10T08:30:00Z")));
        String morning = delivered.stream().map(Reply::text).filter(t -> t.contains("Today from 14:00")).collect(Collectors.joining());
        assertThat(morning).contains("Today from 14:00 you move on to phase 4: Core stability");
        List<Reply> afternoon = chat.waitDelivering(Duration.ofHours(6));
        assertThat(afternoon.stream().map(Reply::text)).anyMatch(t -> t.contains("You've moved on to phase 4: Core stability"));
    }
}
