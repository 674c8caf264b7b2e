package dev.comeback.core.reminders;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The reminder timeline, exactly, for people in different time zones. */
class ReminderScheduleTest {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ChatDriver recoveringFrom(String localStart, String zone) {
        ZoneId z = ZoneId.of(zone);
        ChatDriver chat = ChatDriver.at(LocalDateTime.parse(localStart).atZone(z).toInstant());
        return Triage.toRecovery(chat, zone);
    }

    private static Map<ReminderKind, List<String>> byKind(List<PlannedReminder> reminders, ZoneId zone) {
        Map<ReminderKind, List<String>> out = new TreeMap<>();
        for (PlannedReminder r : reminders) {
            out.computeIfAbsent(r.kind(), k -> new java.util.ArrayList<>()).add(LOCAL.format(r.dueAt().atZone(zone)));
        }
        return out;
    }

    @Test
    void theFirst72HoursOfABerlinUserWhoFinishesTriageAt1400() {
        ChatDriver chat = recoveringFrom("2026-03-02T14:00", "Europe/Berlin");
        List<PlannedReminder> first72 = chat.planned(Duration.ofHours(72));
        Map<ReminderKind, List<String>> times = byKind(first72, BERLIN);

        assertThat(times.get(ReminderKind.ICE)).containsExactly(
                "03-02 16:30", "03-02 19:00", "03-02 21:30",
                "03-03 08:00", "03-03 10:30", "03-03 13:00", "03-03 15:30", "03-03 18:00", "03-03 20:30",
                "03-04 08:00", "03-04 10:30", "03-04 13:00", "03-04 15:30", "03-04 18:00", "03-04 20:30",
                "03-05 08:00", "03-05 10:30", "03-05 13:00");
        assertThat(times.get(ReminderKind.ICE_OFF)).hasSize(18).startsWith("03-02 16:50").endsWith("03-05 13:20");
        assertThat(times.get(ReminderKind.HYDRATION)).containsExactly(
                "03-02 16:00", "03-02 18:00", "03-02 20:00",
                "03-03 10:00", "03-03 12:00", "03-03 14:00", "03-03 16:00", "03-03 18:00", "03-03 20:00",
                "03-04 10:00", "03-04 12:00", "03-04 14:00", "03-04 16:00", "03-04 18:00", "03-04 20:00",
                "03-05 10:00", "03-05 12:00");
        assertThat(times.get(ReminderKind.WALK)).containsExactly("03-04 17:00", "03-05 11:00");
        assertThat(times.get(ReminderKind.CHECKIN)).containsExactly("03-03 09:00", "03-04 09:00", "03-05 09:00");
        assertThat(first72).hasSize(18 + 18 + 17 + 2 + 3);
        assertThat(first72).allSatisfy(r -> {
            LocalTime t = r.dueAt().atZone(BERLIN).toLocalTime();
            assertThat(t).isBetween(LocalTime.of(8, 0), LocalTime.of(21, 59));
        });
    }

    @Test
    void afterTheFirst72HoursIceStopsAndTheDailyWalkingTotalTakesOver() {
        ChatDriver chat = recoveringFrom("2026-03-02T14:00", "Europe/Berlin");
        chat.advance(Duration.ofHours(72));
        Map<ReminderKind, List<String>> next2Days = byKind(chat.planned(Duration.ofHours(48)), BERLIN);
        assertThat(next2Days).doesNotContainKeys(ReminderKind.ICE, ReminderKind.ICE_OFF, ReminderKind.WALK);
        assertThat(next2Days.get(ReminderKind.WALK_TOTAL)).containsExactly("03-06 12:00", "03-07 12:00");
    }

    @Test
    void aDaylightSavingChangeKeepsRemindersOnTheWallClock() {
        // Berlin springs forward on Sunday 29 March 2026 at 02:00.
        ChatDriver chat = recoveringFrom("2026-03-27T14:00", "Europe/Berlin");
        List<PlannedReminder> reminders = chat.planned(Duration.ofHours(72));
        Map<ReminderKind, List<String>> times = byKind(reminders, BERLIN);
        assertThat(times.get(ReminderKind.CHECKIN)).containsExactly("03-28 09:00", "03-29 09:00", "03-30 09:00");
        assertThat(times.get(ReminderKind.ICE)).contains("03-28 08:00", "03-29 08:00", "03-29 20:30");
        Instant saturday = reminders.stream().filter(r -> r.kind() == ReminderKind.CHECKIN).findFirst().orElseThrow().dueAt();
        Instant sunday = reminders.stream().filter(r -> r.kind() == ReminderKind.CHECKIN).skip(1).findFirst().orElseThrow().dueAt();
        assertThat(Duration.between(saturday, sunday)).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void aUserInAucklandGetsRemindersInTheirOwnDay() {
        ChatDriver chat = recoveringFrom("2026-03-02T14:00", "Pacific/Auckland");
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        List<PlannedReminder> reminders = chat.planned(Duration.ofHours(72));
        assertThat(byKind(reminders, auckland).get(ReminderKind.CHECKIN)).containsExactly("03-03 09:00", "03-04 09:00", "03-05 09:00");
        assertThat(reminders).allSatisfy(r -> assertThat(r.dueAt().atZone(auckland).getHour()).isBetween(8, 21));
        // 09:00 in Auckland (UTC+13 in March) is 20:00 UTC the day before
        assertThat(reminders.stream().filter(r -> r.kind() == ReminderKind.CHECKIN).findFirst().orElseThrow().dueAt())
                .isEqualTo(Instant.parse("2026-03-02T20:00:00Z"));
    }

    @Test
    void changedWakingHoursMoveRemindersAndNothingComesOutsideThem() {
        ChatDriver chat = recoveringFrom("2026-03-02T14:00", "Europe/Berlin");
        chat.send("/settings waking 10:00-20:00");
        assertThat(chat.lastText()).contains("Waking hours set to 10:00-20:00");
        Map<ReminderKind, List<String>> times = byKind(chat.planned(Duration.ofHours(48)), BERLIN);
        assertThat(times.get(ReminderKind.CHECKIN)).containsExactly("03-03 11:00", "03-04 11:00");
        assertThat(times.values().stream().flatMap(List::stream).map(s -> s.substring(6)).collect(Collectors.toList()))
                .allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo("10:00").isLessThan("20:00"));
    }

    @Test
    void badSettingsAreExplained() {
        ChatDriver chat = recoveringFrom("2026-03-02T14:00", "Europe/Berlin");
        chat.send("/settings waking 22:00-06:00");
        assertThat(chat.lastText()).contains("Waking hours set to 22:00-06:00");
        chat.send("/settings days funday");
        assertThat(chat.lastText()).contains("/settings days mon wed fri");
        chat.send("/settings days tue thu sat");
        assertThat(chat.lastText()).contains("Training days set to Tue, Thu, Sat");
    }

    @Test
    void aPausedUserHasNoReminders() {
        ChatDriver chat = recoveringFrom("2026-03-02T14:00", "Europe/Berlin");
        chat.send("/stop");
        assertThat(chat.planned(Duration.ofDays(3))).isEmpty();
        chat.send("/reminders");
        assertThat(chat.lastText()).contains("paused");
        chat.send("/start");
        assertThat(chat.planned(Duration.ofDays(3))).isNotEmpty();
    }

    @Test
    void reloadingRemindsAccessoriesTwiceAWeekAndPreventionTheWarmUpOnTrainingDays() {
        ChatDriver chat = ChatDriver.at(Instant.parse("2026-03-02T13:00:00Z"));
        dev.comeback.core.testkit.Recovery.toReloading(chat, "180");
        List<PlannedReminder> week = chat.planned(Duration.ofDays(7));
        assertThat(week.stream().filter(r -> r.kind() == ReminderKind.ACCESSORIES)
                .map(r -> r.dueAt().atZone(BERLIN).getDayOfWeek().toString())).containsExactlyInAnyOrder("TUESDAY", "FRIDAY");
        dev.comeback.core.testkit.Recovery.daysCheckingIn(chat, 57);
        assertThat(chat.state().orElseThrow().recovery().orElseThrow().phaseId()).isEqualTo("prevention");
        List<PlannedReminder> prevention = chat.planned(Duration.ofDays(7));
        assertThat(prevention.stream().filter(r -> r.kind() == ReminderKind.WARMUP)
                .map(r -> r.dueAt().atZone(BERLIN).getDayOfWeek().toString())).containsExactlyInAnyOrder("MONDAY", "WEDNESDAY", "FRIDAY");
    }

    /** Silence keeps a person in reloading (prevention loads the spine): its warm-ups are not planned by time alone. */
    @Test
    void aSilentPersonIsNotRemindedOfAPhaseTheyHaveNotReached() {
        ChatDriver chat = ChatDriver.at(Instant.parse("2026-03-02T13:00:00Z"));
        dev.comeback.core.testkit.Recovery.toReloading(chat, "180");
        chat.advance(Duration.ofDays(56)).send("/today");
        assertThat(chat.planned(Duration.ofDays(7))).extracting(PlannedReminder::kind).doesNotContain(ReminderKind.WARMUP);
    }
}
