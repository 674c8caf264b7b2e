package dev.comeback.core.conversation;

import dev.comeback.core.reminders.PlannedReminder;
import dev.comeback.core.reminders.ReminderKind;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.Triage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12, item 9: when the pain started places the person on the timeline. */
class PainStartTest {
    /** Wednesday 4 March 2026, 14:00 in Berlin. */
    private final ChatDriver chat = ChatDriver.at(Instant.parse("2026-03-04T13:00:00Z"));

    private ChatDriver answer(String onset) {
        Triage.toOnsetQuestion(chat);
        assertThat(chat.lastText()).contains("When did this pain start?");
        assertThat(chat.lastButtonLabels()).containsExactly("Today", "Yesterday", "2 days ago", "3 or more days ago");
        return chat.send(onset).send("Berlin").press("kg").send("82");
    }

    @Test
    void todayStartsAtHourZero() {
        answer("Today");
        assertThat(chat.lastText()).contains("day 0 of your recovery: phase 1, Acute rest");
    }

    @Test
    void aDomsUserAlreadyOnDayTwoDoesNotRestartRestAndIce() {
        answer("2 days ago");
        assertThat(chat.lastText()).contains("day 2 of your recovery: phase 2, Active recovery");
        Instant seventyTwoHours = Instant.parse("2026-03-02T13:00:00Z").plus(Duration.ofHours(72));
        List<PlannedReminder> ice = chat.planned(Duration.ofDays(3)).stream().filter(r -> r.kind() == ReminderKind.ICE).toList();
        assertThat(ice).allMatch(r -> r.dueAt().isBefore(seventyTwoHours));
        assertThat(chat.state().orElseThrow().recovery().orElseThrow().startedAt()).isEqualTo(Instant.parse("2026-03-02T13:00:00Z"));
    }

    @Test
    void typedYesterdayIsADayBack() {
        answer("yesterday");
        assertThat(chat.lastText()).contains("day 1 of your recovery: phase 1, Acute rest");
    }

    @Test
    void onMondayCountsBackToMonday() {
        answer("on monday");
        assertThat(chat.lastText()).contains("day 2 of your recovery: phase 2, Active recovery");
    }

    @Test
    void threeOrMoreDaysStartsAtGentleMobility() {
        answer("3 or more days ago");
        assertThat(chat.lastText()).contains("day 3 of your recovery: phase 3, Gentle mobility").doesNotContain("moved on to phase");
    }

    @Test
    void anAnswerThatNamesNoDayAsksAgain() {
        Triage.toOnsetQuestion(chat);
        chat.send("after my heavy pulls");
        assertThat(chat.lastText()).contains("didn't catch the day").contains("When did this pain start?");
        assertThat(chat.state().orElseThrow().stage()).isEqualTo(Stage.ASK_ONSET);
    }

    @Test
    void statusShowsWhereTheRecoveryIsCountedFrom() {
        answer("Yesterday");
        chat.send("/status");
        assertThat(chat.lastText()).contains("Recovery counted from: 3 Mar");
    }

    @Test
    void typedAnswersReadAsDaysBack() {
        LocalDate wednesday = LocalDate.of(2026, 3, 4);
        assertThat(Onset.read("today", wednesday)).contains(0);
        assertThat(Onset.read("this morning", wednesday)).contains(0);
        assertThat(Onset.read("Yesterday!", wednesday)).contains(1);
        assertThat(Onset.read("last night", wednesday)).contains(1);
        assertThat(Onset.read("2 days ago", wednesday)).contains(2);
        assertThat(Onset.read("two days ago", wednesday)).contains(2);
        assertThat(Onset.read("the day before yesterday", wednesday)).contains(2);
        assertThat(Onset.read("on monday", wednesday)).contains(2);
        assertThat(Onset.read("Tuesday", wednesday)).contains(1);
        assertThat(Onset.read("last wednesday", wednesday)).contains(3);
        assertThat(Onset.read("5 days ago", wednesday)).contains(3);
        assertThat(Onset.read("3+ days", wednesday)).contains(3);
        assertThat(Onset.read("a week ago", wednesday)).contains(3);
        assertThat(Onset.read("banana", wednesday)).isEmpty();
    }
}
