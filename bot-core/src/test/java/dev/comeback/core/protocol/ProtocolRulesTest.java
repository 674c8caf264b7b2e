package dev.comeback.core.protocol;

import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.Recovery;
import dev.comeback.core.testkit.Triage;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12: every rule of the protocol kept, as transcripts. */
class ProtocolRulesTest {
    private final ChatDriver chat = ChatDriver.inMemory();

    private RecoveryProgress progress() {
        return chat.state().orElseThrow().recovery().orElseThrow();
    }

    private String phase() {
        return progress().phaseId();
    }

    /** Item 1: the gate passed with no check-in, then 60 silent days: no loads, still before hinge practice. */
    @Test
    void silenceIsNotSteadyNoLoadedPhaseStartsWithoutACheckIn() {
        Recovery.toFunctionalTests(chat);
        Recovery.passAllTests(chat);
        assertThat(chat.lastText()).contains("All 4 tests passed").contains("Hinge practice, due since")
                .contains("starts only after a steady check-in").doesNotContain("Test 1 of 4");
        assertThat(chat.lastButtonLabels()).contains("Check in now");
        chat.advance(Duration.ofDays(60)).send("/today");
        assertThat(phase()).isEqualTo("functional_tests");
        assertThat(chat.lastText()).doesNotContain(" kg").contains("send /checkin");
        chat.press("Check in now");
        assertThat(chat.lastText()).contains("First, safety");
        chat.press("No").press("2").press("2").press("No");
        assertThat(chat.lastText()).contains("A steady check-in: phase 6, Hinge practice, starts today");
        assertThat(phase()).isEqualTo("hinge_practice");
        assertThat(progress().phaseStartedAt()).isEqualTo(chat.now());
    }

    @Test
    void aRiseOfTwoIsNotSteadyEither() {
        Recovery.toFunctionalTests(chat);
        Recovery.passAllTests(chat);
        chat.advance(Duration.ofDays(1));
        Recovery.checkIn(chat, 2, 4, "");
        assertThat(phase()).isNotEqualTo("hinge_practice");
    }

    @Test
    void aSteadyCheckInWithin48HoursBeforeTheEndLetsThePhaseStartOnTime() {
        Recovery.toFunctionalTests(chat);
        Recovery.passAllTests(chat);
        Recovery.steadyCheckIn(chat);
        assertThat(phase()).isEqualTo("hinge_practice");
        chat.advance(Duration.ofDays(6));
        Recovery.steadyCheckIn(chat);
        chat.advance(Duration.ofDays(1)).send("/today");
        assertThat(phase()).isEqualTo("kb_rdl");
        chat.send("180");
        assertThat(chat.lastText()).contains("36 kg");
    }

    @Test
    void aSilentPersonInReloadingGetsNoLoadsAndTheNextBlockWaits() {
        Recovery.toReloading(chat, "180");
        chat.advance(Duration.ofDays(3)).send("/today");
        assertThat(chat.lastText()).contains("Loaded work needs a steady check-in").contains("Bodyweight hip hinge: 3 x 15")
                .doesNotContain("36 kg").doesNotContain("Accessory work");
        chat.advance(Duration.ofDays(57)).send("/today");
        assertThat(phase()).isEqualTo("reloading");
        assertThat(chat.lastText()).contains("week 2 of 8").contains("weeks 3-4 of Reloading, due since").doesNotContain("Deadlift: 5 x 3");
        chat.send("/plan");
        assertThat(chat.lastText()).contains("[now]  8. Reloading (8 weeks)").contains("week 2 of 8");
        Recovery.steadyCheckIn(chat);
        assertThat(chat.lastText()).contains("A steady check-in: week 3 of Reloading starts today");
        chat.send("/today");
        assertThat(chat.lastText()).contains("week 3 of 8").contains("Rack pull from knee height: 4 x 6, 72.5 kg");
    }

    /** Item 2: strain reported with a rise of 2+: one phase back and bodyweight hinges only for 7 days. */
    @Test
    void strainTogetherWithARiseAppliesBothRules() {
        Recovery.toReloading(chat, "180");
        chat.send("/checkin").press("No").press("1").press("3").press("No").press("Felt back strain");
        assertThat(chat.lastText()).contains("back in Kettlebell Romanian deadlifts").contains("bodyweight hip hinges only for the next 7 days");
        assertThat(phase()).isEqualTo("kb_rdl");
        chat.send("/today");
        assertThat(chat.lastText()).contains("on hold until").contains("Bodyweight hip hinge: 3 x 15").doesNotContain(" kg")
                .doesNotContain("The protocol sets no sets or reps here");
    }

    /** Item 11: /plan and /today agree during a strain hold; no future "since" date. */
    @Test
    void planAndTodayTellTheSameStoryDuringAStrainHold() {
        Recovery.toReloading(chat, "180");
        String today = chat.now().atZone(java.time.ZoneId.of("Europe/Berlin")).format(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.ENGLISH));
        Recovery.checkIn(chat, 1, 1, "Felt back strain");
        chat.send("/plan");
        assertThat(chat.lastText()).contains("[now]  8. Reloading (8 weeks): since").contains("loaded work on hold until");
        String since = chat.lastText().replaceAll("(?s).*Reloading \\(8 weeks\\): since ([A-Za-z]{3} \\d+ [A-Za-z]{3}).*", "$1");
        assertThat(progress().enteredPhaseAt(chat.now())).isBeforeOrEqualTo(chat.now());
        String holdPlan = chat.lastText().replaceAll("(?s).*on hold until ([A-Za-z]{3} \\d+ [A-Za-z]{3}).*", "$1");
        chat.send("/today");
        assertThat(chat.lastText()).contains("on hold until " + holdPlan).doesNotContain("The protocol sets no sets or reps here");
        assertThat(since).isNotEqualTo(holdPlan);
        assertThat(today).isNotNull();
    }

    @Test
    void phaseSummariesNameNoStaleDays() {
        Triage.toRecovery(chat);
        chat.advance(Duration.ofDays(6)).send("/today");
        Recovery.checkIn(chat, 1, 3, "");
        chat.send("/today");
        assertThat(chat.lastText()).contains("day 6").contains("Gentle mobility").doesNotContain("Days 3-4").doesNotContain("Days 5-7");
    }

    /** Item 10: pain 5 -> 0 over weeks, then a bad day: no "has not improved". */
    @Test
    void escalationComparesTheTrendAndNamesItsTrigger() {
        Triage.toRecovery(chat);
        int[] pains = {5, 5, 4, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        for (int pain : pains) {
            Recovery.checkIn(chat, pain, pain, "");
            chat.advance(Duration.ofDays(1));
        }
        Recovery.checkIn(chat, 1, 3, "");
        assertThat(chat.lastText()).doesNotContain("has not improved").doesNotContain("physical therapist");
    }

    @Test
    void escalationForPainThatStaysSaysWhatTheTrendIs() {
        Triage.toRecovery(chat);
        for (int i = 0; i < 15; i++) {
            Recovery.checkIn(chat, 4, 4, "");
            chat.advance(Duration.ofDays(1));
        }
        assertThat(chat.lastText()).contains("Your pain before moving was 4 on average at your first 3 check-ins and is 4 at your latest 3 check-ins")
                .contains("physical therapist");
    }

    /** "Escalate immediately if daily activities like driving become painful": on day 3, not only after 14 days. */
    @Test
    void everydayTasksThatStartToHurtEscalateAtAnyDay() {
        Triage.toRecovery(chat);
        Recovery.checkIn(chat, 3, 3, "");
        chat.advance(Duration.ofDays(1));
        Recovery.checkIn(chat, 2, 2, "");
        assertThat(chat.lastText()).doesNotContain("physical therapist");
        chat.advance(Duration.ofDays(1));
        chat.send("/checkin").press("No").press("3").press("3").press("Yes");
        assertThat(chat.lastText()).contains("did not hurt at your last check-in and they do now")
                .contains("physical therapist");
    }

    /** Everyday tasks that hurt from the first check-in on are expected early; only the 14-day rule applies then. */
    @Test
    void everydayTasksHurtingFromTheStartDoNotEscalateEarly() {
        Triage.toRecovery(chat);
        for (int day = 0; day < 3; day++) {
            chat.send("/checkin").press("No").press("4").press("4").press("Yes");
            assertThat(chat.lastText()).doesNotContain("physical therapist");
            chat.advance(Duration.ofDays(1));
        }
    }

    /** Waiting for a steady check-in before hinge practice: reminders of the phases after it never go out. */
    @Test
    void aPersonWaitingForASteadyCheckInGetsNoRemindersOfLaterPhases() {
        Recovery.toFunctionalTests(chat);
        Recovery.passAllTests(chat);
        java.util.List<dev.comeback.core.message.Reply> sent = chat.waitDelivering(Duration.ofDays(30));
        assertThat(sent).isNotEmpty();
        assertThat(sent).extracting(dev.comeback.core.message.Reply::text)
                .noneMatch(t -> t.contains("Accessory day") || t.contains("Training day"))
                .noneMatch(t -> t.strip().endsWith(":"));
        assertThat(phase()).isEqualTo("functional_tests");
    }

    /** /checkin during a check-in keeps the answers given; a pain with it fills the pain before moving if still open. */
    @Test
    void checkInAgainMidwayKeepsTheAnswersGiven() {
        Triage.toRecovery(chat);
        chat.send("/checkin").press("No").send("like a 7").send("/checkin 7");
        assertThat(chat.lastText()).contains("pain after moving");
        assertThat(chat.last().get(0).text()).contains("answers so far are kept");
        chat.send("/checkin 5");
        assertThat(chat.last().get(0).text()).contains("you already gave 7");
        chat.press("7").press("No");
        assertThat(chat.lastText()).contains("Check-in saved: pain 7 before moving, 7 after");
        chat.send("/checkin 3");
        assertThat(chat.lastText()).contains("First, safety");
    }
}
