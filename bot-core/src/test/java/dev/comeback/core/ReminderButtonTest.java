package dev.comeback.core;

import dev.comeback.core.reminders.PlannedReminder;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.Triage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A Done button is taken only for a reminder the person was sent; a made-up one changes nothing. */
class ReminderButtonTest {
    @Test
    void doneForAReminderNeverSentIsRefusedAndNothingIsStored() {
        ChatDriver chat = Triage.toRecovery(ChatDriver.at(Instant.parse("2026-03-02T08:00:00Z")), "Europe/Berlin");
        var before = chat.state().orElseThrow();

        chat.pressData("r:nonexistent:done");
        assertThat(chat.lastText()).isEqualTo("That button is no longer valid.");
        assertThat(chat.state().orElseThrow()).isEqualTo(before);

        PlannedReminder first = chat.planned(Duration.ofHours(6)).get(0);
        chat.pressData("r:" + first.id() + ":done");
        assertThat(chat.lastText()).isEqualTo("That button is no longer valid.");
        assertThat(chat.state().orElseThrow()).isEqualTo(before);

        chat.deliver(first);
        chat.pressData("r:" + first.id() + ":done");
        assertThat(chat.lastText()).isEqualTo("Noted, well done.");
        assertThat(chat.state().orElseThrow().reminders().done()).contains(first.id());
    }
}
