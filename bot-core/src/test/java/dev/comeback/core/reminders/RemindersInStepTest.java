package dev.comeback.core.reminders;

import dev.comeback.core.message.Reply;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.Triage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12, items 13, 16 and 17: reminders that stay in step. */
class RemindersInStepTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    private static ChatDriver recovering() {
        return Triage.toRecovery(ChatDriver.at(LocalDateTime.parse("2026-03-02T14:00").atZone(BERLIN).toInstant()));
    }

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    private static List<String> times(ChatDriver chat, ReminderKind kind, Duration ahead) {
        return chat.planned(ahead).stream().filter(r -> r.kind() == kind).map(r -> HM.format(r.dueAt().atZone(BERLIN))).toList();
    }

    private static void waitUntil(ChatDriver chat, String local) {
        chat.waitDelivering(Duration.between(chat.now(), berlin(local)));
    }

    private static void assertEveryIceOffFollowsItsIce(ChatDriver chat) {
        List<PlannedReminder> plan = chat.planned(Duration.ofHours(30));
        for (PlannedReminder off : plan) {
            if (off.kind() == ReminderKind.ICE_OFF && off.dueAt().minus(Duration.ofMinutes(20)).isAfter(chat.now())) {
                assertThat(plan).as("ice before the ice-off at " + off.dueAt())
                        .anyMatch(r -> r.kind() == ReminderKind.ICE && r.dueAt().plus(Duration.ofMinutes(20)).equals(off.dueAt()));
            }
        }
    }

    @Test
    void iceOffMovesWithItsSnoozedIce() {
        ChatDriver chat = recovering();
        waitUntil(chat, "2026-03-03T10:30");
        assertThat(chat.lastText()).contains("Ice time");
        chat.press("Snooze 1 h");
        assertThat(times(chat, ReminderKind.ICE, Duration.ofHours(2))).containsExactly("03-03 11:30");
        assertThat(times(chat, ReminderKind.ICE_OFF, Duration.ofHours(2))).containsExactly("03-03 11:50");
        assertEveryIceOffFollowsItsIce(chat);
        List<Reply> next = chat.waitDelivering(Duration.ofMinutes(85));
        assertThat(next.stream().map(Reply::text).toList()).containsExactly(
                next.get(0).text(), next.get(1).text());
        assertThat(next.get(0).text()).contains("Ice time");
        assertThat(next.get(1).text()).contains("Ice off now");
    }

    @Test
    void aTwentyMinuteSnoozeKeepsTheIceOffTwentyMinutesAfterTheIce() {
        ChatDriver chat = recovering();
        waitUntil(chat, "2026-03-03T10:30");
        chat.press("Snooze 20 min");
        assertThat(times(chat, ReminderKind.ICE, Duration.ofHours(2))).containsExactly("03-03 10:50");
        assertThat(times(chat, ReminderKind.ICE_OFF, Duration.ofHours(2))).containsExactly("03-03 11:10");
    }

    @Test
    void theSnoozeCommandNeverMovesAnIceOffOnItsOwn() {
        ChatDriver chat = recovering();
        chat.send("/stop");
        chat.advance(Duration.ofDays(2));
        waitUntil(chat, "2026-03-05T08:00");
        chat.send("/start");
        // The next reminder due is the 08:20 ice-off; /snooze moves the next one that can move instead.
        chat.send("/snooze 2h");
        assertThat(chat.lastText()).contains("(Daily check-in at 09:00) moves to 11:00");
        assertThat(times(chat, ReminderKind.ICE_OFF, Duration.ofHours(6))).contains("03-05 08:20", "03-05 10:50").doesNotContain("03-05 10:20");
        assertEveryIceOffFollowsItsIce(chat);
    }

    @Test
    void nightShiftWakingHoursCrossMidnight() {
        ChatDriver chat = recovering();
        chat.send("/settings waking 22:00-06:00");
        assertThat(chat.lastText()).contains("Waking hours set to 22:00-06:00").contains("your day starts at 22:00");
        List<PlannedReminder> plan = chat.planned(Duration.ofDays(3));
        assertThat(times(chat, ReminderKind.CHECKIN, Duration.ofDays(3))).contains("03-02 23:00", "03-03 23:00");
        assertThat(plan).isNotEmpty().allSatisfy(r -> {
            LocalTime t = r.dueAt().atZone(BERLIN).toLocalTime();
            assertThat(t.isBefore(LocalTime.of(6, 0)) || !t.isBefore(LocalTime.of(22, 0))).as(t.toString()).isTrue();
        });
        assertThat(times(chat, ReminderKind.ICE, Duration.ofHours(24))).contains("03-03 00:30", "03-03 03:00");
        chat.send("/settings waking 16:00-24:00");
        assertThat(chat.lastText()).contains("Waking hours set to 16:00-24:00");
        assertThat(chat.planned(Duration.ofDays(2))).isNotEmpty().allSatisfy(r ->
                assertThat(r.dueAt().atZone(BERLIN).toLocalTime()).isAfterOrEqualTo(LocalTime.of(16, 0)));
        chat.send("/settings waking 22:00-02:00");
        assertThat(chat.lastText()).contains("at least 6 hours");
    }

    @Test
    void remindersDueWithinTheSameFifteenMinutesGoOutAsOneMessage() {
        ChatDriver chat = recovering();
        waitUntil(chat, "2026-03-03T00:00");
        List<Reply> day = chat.waitDelivering(Duration.ofDays(1)).stream().filter(r -> !r.text().isEmpty()).toList();
        assertThat(day).anySatisfy(r -> assertThat(r.text()).startsWith("Ice time").contains("\n\nWater check: by 18:00"));
        int planned = 6 + 6 + 6 + 1;
        assertThat(day.size()).isLessThan(planned);
        assertThat(day).allSatisfy(r -> assertThat(r.buttons().stream().map(b -> b.data()).distinct().count()).isEqualTo(r.buttons().size()));
    }

    @Test
    void afterTwoUnansweredCheckInPromptsOneSaysSoAndThenTheyThinOut() {
        ChatDriver chat = recovering();
        List<String> prompts = chat.waitDelivering(Duration.ofDays(21)).stream().map(Reply::text)
                .filter(t -> t.contains("check-in")).toList();
        assertThat(prompts).hasSize(6);
        assertThat(prompts.get(2)).contains("haven't heard from you");
        assertThat(prompts).filteredOn(t -> t.contains("haven't heard")).hasSize(1);
        chat.send("/today");
        List<String> after = chat.waitDelivering(Duration.ofDays(2)).stream().map(Reply::text)
                .filter(t -> t.contains("check-in")).toList();
        assertThat(after).hasSize(2).allSatisfy(t -> assertThat(t).startsWith("Time for your daily check-in"));
    }
}
