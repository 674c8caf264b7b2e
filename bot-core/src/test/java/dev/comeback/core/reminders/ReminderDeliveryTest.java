package dev.comeback.core.reminders;

import dev.comeback.core.message.Reply;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.Recovery;
import dev.comeback.core.testkit.Triage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reminders as proactive turns: delivered once, skipped when stale, snoozed, marked done. */
class ReminderDeliveryTest {
    private final ChatDriver chat = Triage.toRecovery(ChatDriver.at(Instant.parse("2026-03-02T13:00:00Z")));

    private PlannedReminder next(ReminderKind kind) {
        return chat.planned(Duration.ofDays(2)).stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void anIceReminderSaysHowLongAndNeverOnBareSkinWithDoneAndSnooze() {
        PlannedReminder ice = next(ReminderKind.ICE);
        chat.advance(Duration.between(chat.now(), ice.dueAt())).deliver(ice);
        assertThat(chat.lastText()).contains("15-20 minutes").contains("never on bare skin");
        assertThat(chat.lastButtonLabels()).containsExactly("Done", "Snooze 20 min", "Snooze 1 h");
    }

    @Test
    void theSameReminderIsNeverDeliveredTwice() {
        PlannedReminder ice = next(ReminderKind.ICE);
        chat.advance(Duration.between(chat.now(), ice.dueAt())).deliver(ice);
        assertThat(chat.last()).hasSize(1);
        chat.deliver(ice);
        assertThat(chat.last()).isEmpty();
    }

    @Test
    void doneIsRecordedOncePerReminder() {
        PlannedReminder ice = next(ReminderKind.ICE);
        chat.advance(Duration.between(chat.now(), ice.dueAt())).deliver(ice).press("Done");
        assertThat(chat.lastText()).contains("Noted");
        assertThat(chat.state().orElseThrow().reminders().done()).containsExactly(ice.id());
        chat.pressData("r:" + ice.id() + ":done");
        assertThat(chat.lastText()).contains("Already noted");
        assertThat(chat.state().orElseThrow().reminders().done()).hasSize(1);
    }

    @Test
    void snoozeBringsTheReminderBackLaterAndOnlyThen() {
        PlannedReminder ice = next(ReminderKind.ICE);
        chat.advance(Duration.between(chat.now(), ice.dueAt())).deliver(ice).press("Snooze 20 min");
        assertThat(chat.lastText()).contains("remind you again at 16:50");
        List<Reply> delivered = chat.waitDelivering(Duration.ofMinutes(25));
        assertThat(delivered).extracting(Reply::text).anySatisfy(t -> assertThat(t).startsWith("Ice time"));
    }

    @Test
    void snoozeCommandDelaysTheNextReminder() {
        chat.send("/snooze 30m");
        assertThat(chat.lastText()).contains("Your next reminder (Water at 16:00) moves to 16:30");
        assertThat(chat.planned(Duration.ofHours(4))).extracting(PlannedReminder::dueAt)
                .doesNotContain(Instant.parse("2026-03-02T15:00:00Z")).contains(Instant.parse("2026-03-02T15:30:00Z"));
        chat.send("/snooze soon");
        assertThat(chat.lastText()).contains("/snooze 30m");
    }

    @Test
    void aSnoozeIntoQuietHoursIsRefused() {
        PlannedReminder ice = chat.planned(Duration.ofHours(12)).stream().filter(r -> r.kind() == ReminderKind.ICE)
                .reduce((a, b) -> b).orElseThrow();
        chat.advance(Duration.between(chat.now(), ice.dueAt())).deliver(ice).press("Snooze 1 h");
        assertThat(chat.lastText()).contains("quiet hours");
    }

    @Test
    void afterDowntimeStaleRemindersAreSkippedWithOneNoteAndFreshOnesStillCome() {
        List<PlannedReminder> today = chat.planned(Duration.ofHours(10));
        chat.advance(Duration.ofHours(7)); // 20:00 Berlin: everything before 19:30 is stale
        int notes = 0;
        int sent = 0;
        for (PlannedReminder r : today) {
            if (r.dueAt().isAfter(chat.now())) {
                break;
            }
            chat.deliver(r);
            notes += chat.lastText().contains("skipped") ? 1 : 0;
            sent += chat.lastText().startsWith("Water") || chat.lastText().startsWith("Ice") ? 1 : 0;
        }
        assertThat(notes).isEqualTo(1);
        assertThat(sent).isEqualTo(1); // the 20:00 water reminder, on time
    }

    @Test
    void leavingAPhaseStopsItsRemindersAndARegressionRestartsThem() {
        chat.advance(Duration.ofHours(73)).send("/today");
        assertThat(chat.planned(Duration.ofDays(1))).noneMatch(r -> r.kind() == ReminderKind.ICE || r.kind() == ReminderKind.WALK);
        Recovery.checkIn(chat, 2, 5, "");
        assertThat(chat.lastText()).contains("back in Active recovery");
        assertThat(chat.planned(Duration.ofDays(1))).anyMatch(r -> r.kind() == ReminderKind.WALK);
        assertThat(chat.planned(Duration.ofDays(1))).anyMatch(r -> r.kind() == ReminderKind.ICE);
    }

    @Test
    void aReminderDroppedFromThePlanIsNotDelivered() {
        PlannedReminder ice = next(ReminderKind.ICE);
        chat.send("/stop");
        chat.advance(Duration.between(chat.now(), ice.dueAt())).deliver(ice);
        assertThat(chat.last()).isEmpty();
    }

    @Test
    void theCheckInReminderStartsACheckIn() {
        PlannedReminder checkin = next(ReminderKind.CHECKIN);
        chat.advance(Duration.between(chat.now(), checkin.dueAt())).deliver(checkin).press("Check in now");
        assertThat(chat.lastText()).contains("First, safety");
    }

    @Test
    void remindersListsWhatIsComing() {
        chat.send("/reminders");
        assertThat(chat.lastText()).contains("Coming up (Europe/Berlin)").contains("Mon 2 Mar 16:00 Water").contains("Mon 2 Mar 16:30 Ice");
    }
}
