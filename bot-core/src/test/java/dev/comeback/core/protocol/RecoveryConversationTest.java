package dev.comeback.core.protocol;

import dev.comeback.core.conversation.Stage;
import dev.comeback.core.conversation.Task;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.Recovery;
import dev.comeback.core.testkit.Triage;
import dev.comeback.core.triage.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveryConversationTest {
    private final ChatDriver chat = ChatDriver.inMemory();

    private String phase() {
        return chat.state().orElseThrow().recovery().orElseThrow().phaseId();
    }

    @Test
    void phasesFollowTheProtocolTimelineFromTriage() {
        Triage.toRecovery(chat);
        assertThat(phase()).isEqualTo("acute_rest");
        chat.advance(Duration.ofHours(47)).send("/today");
        assertThat(phase()).isEqualTo("acute_rest");
        chat.advance(Duration.ofHours(1)).send("/today");
        assertThat(chat.lastText()).contains("moved on to phase 2: Active recovery")
                .contains("Walk on flat ground: 10-15 min, twice a day")
                .contains("Cat-cow: 2 x 10")
                .contains("Diaphragmatic breathing in child's pose: 5 min");
        chat.advance(Duration.ofHours(24)).send("/today");
        assertThat(chat.lastText()).contains("phase 3, Gentle mobility").contains("Cat-cow: 2 x 10, twice a day")
                .contains("20-30 min, in total over the day");
        chat.advance(Duration.ofHours(48)).send("/today");
        assertThat(chat.lastText()).contains("phase 4, Core stability").contains("Bird-dog: 3 x 8 per side")
                .contains("Dead bug: 3 x 10").contains("lower back stays pressed into the floor");
        chat.advance(Duration.ofHours(72)).send("/today");
        assertThat(chat.lastText()).contains("phase 5: Functional tests").contains("Test 1 of 4")
                .contains("15 bodyweight hip hinges with a neutral spine");
    }

    @Test
    void someoneBackAfterDaysLandsWhereTheTimelinePutsThem() {
        Triage.toRecovery(chat);
        chat.advance(Duration.ofDays(6)).send("/today");
        assertThat(phase()).isEqualTo("core_stability");
        assertThat(chat.state().orElseThrow().recovery().orElseThrow().phaseStartedAt())
                .isEqualTo(chat.state().orElseThrow().recovery().orElseThrow().startedAt().plus(Duration.ofHours(120)));
    }

    @Test
    void painRiseOfTwoRegressesOnePhase() {
        Triage.toRecovery(chat);
        chat.advance(Duration.ofHours(73)).send("/today");
        assertThat(phase()).isEqualTo("gentle_mobility");
        Recovery.checkIn(chat, 3, 5, "");
        assertThat(chat.lastText()).contains("pain 3 before moving, 5 after (+2)").contains("back in Active recovery");
        assertThat(phase()).isEqualTo("active_recovery");
    }

    @Test
    void aRiseOfOneDoesNotRegress() {
        Triage.toRecovery(chat);
        chat.advance(Duration.ofHours(73));
        Recovery.checkIn(chat, 3, 4, "");
        assertThat(phase()).isEqualTo("gentle_mobility");
        assertThat(chat.lastText()).contains("(+1)").contains("2-5 days");
    }

    @Test
    void aRiseInTheFirstPhaseCannotRegressButAdvisesRest() {
        Triage.toRecovery(chat);
        Recovery.checkIn(chat, 2, 6, "");
        assertThat(chat.lastText()).contains("already in the first phase");
        assertThat(phase()).isEqualTo("acute_rest");
    }

    @Test
    void typedPainWorksAsNumberOrOutOfTenAndAnythingElseIsAskedAgainStoringNothing() {
        Triage.toRecovery(chat);
        chat.send("/checkin").press("No").send("7/10");
        assertThat(chat.lastText()).contains("pain after moving");
        chat.send("eleven");
        assertThat(chat.lastText()).contains("number from 0 to 10, like 3, 3/10");
        chat.send("11");
        assertThat(chat.lastText()).contains("number from 0 to 10");
        chat.send("6").press("No");
        assertThat(chat.lastText()).contains("pain 7 before moving, 6 after (-1)");
        assertThat(chat.state().orElseThrow().recovery().orElseThrow().checkIns()).hasSize(1);
    }

    @Test
    void aYesToTheCheckInSafetyQuestionIsAnEmergency() {
        Triage.toRecovery(chat);
        chat.advance(Duration.ofDays(3)).send("/checkin").press("Yes");
        assertThat(chat.lastText()).contains("EMERGENCY").contains("emergency number");
        assertThat(chat.state().orElseThrow().stage()).isEqualTo(Stage.REFERRED);
    }

    @Test
    void aWarningSignTypedAtACheckInSendsToAClinician() {
        Triage.toRecovery(chat);
        chat.send("/checkin").press("No").send("it's shooting down my left leg now");
        assertThat(chat.lastText()).contains("SEE A CLINICIAN").contains("pain shooting below the glutes");
        assertThat(chat.state().orElseThrow().triageResult().orElseThrow().outcome()).isEqualTo(Outcome.SEE_CLINICIAN);
        chat.send("/today");
        assertThat(chat.lastText()).contains("No training plan");
    }

    @Test
    void painNotImprovingAfterFourteenDaysAdvisesAPhysicalTherapist() {
        Triage.toRecovery(chat);
        Recovery.checkIn(chat, 4, 4, "");
        assertThat(chat.lastText()).doesNotContain("physical therapist");
        chat.advance(Duration.ofDays(14));
        Recovery.checkIn(chat, 4, 4, "");
        assertThat(chat.lastText()).contains("14 days").contains("has not improved").contains("physical therapist");
    }

    @Test
    void aCheckInWithThePainGivenAsksSafetyFirstThenOnlyThePainAfterMoving() {
        Triage.toRecovery(chat);
        chat.advance(Duration.ofDays(15));
        chat.send("/checkin 2");
        assertThat(chat.lastButtonLabels()).containsExactly("Yes", "No");
        chat.press("No");
        assertThat(chat.lastText()).contains("pain after moving");
        chat.press("2").press("Yes");
        assertThat(chat.lastText()).contains("everyday tasks still hurt, 15 days into your recovery");
    }

    @Test
    void dailyTasksStillPainfulAfterFourteenDaysAdvisesAPhysicalTherapist() {
        Triage.toRecovery(chat);
        chat.advance(Duration.ofDays(15));
        chat.send("/checkin").press("No").press("2").press("2").press("Yes");
        assertThat(chat.lastText()).contains("everyday tasks still hurt, 15 days into your recovery").contains("physical therapist");
    }

    @Test
    void aFailedFunctionalTestHoldsTheGateAndOffersTheTestsAgainLater() {
        Recovery.toFunctionalTests(chat);
        chat.press("Passed").press("Not yet");
        assertThat(chat.lastText()).contains("Back to Core stability").contains("again in 2 days");
        assertThat(phase()).isEqualTo("core_stability");
        chat.advance(Duration.ofDays(1)).send("/today");
        assertThat(phase()).isEqualTo("core_stability");
        chat.advance(Duration.ofDays(1)).send("/today");
        assertThat(chat.lastText()).contains("Test 1 of 4");
        Recovery.steadyCheckIn(chat);
        Recovery.passAllTests(chat);
        assertThat(chat.lastText()).contains("All 4 tests passed").contains("Hinge practice")
                .contains("Hip hinge with a dowel along the spine: 3 x 15");
        assertThat(phase()).isEqualTo("hinge_practice");
    }

    @Test
    void theGateWaitsForTheTestsHoweverLongItTakes() {
        Recovery.toFunctionalTests(chat);
        chat.advance(Duration.ofDays(30)).send("/today");
        assertThat(phase()).isEqualTo("functional_tests");
        assertThat(chat.state().orElseThrow().task().kind()).isEqualTo(Task.Kind.FUNCTIONAL_TESTS);
    }

    @Test
    void loadedWorkAsksForTheOneRepMaxAndShowsLoadsInKilograms() {
        Recovery.toFunctionalTests(chat);
        Recovery.steadyCheckIn(chat);
        chat.send("/today");
        Recovery.passAllTests(chat);
        Recovery.daysCheckingIn(chat, 7);
        assertThat(chat.lastText()).contains("Kettlebell Romanian deadlifts").contains("one-rep max from before the injury");
        chat.send("a lot");
        assertThat(chat.lastText()).contains("one-rep max as a number of kilograms");
        chat.send("180");
        assertThat(chat.lastText()).contains("one-rep max 180 kg")
                .contains("Kettlebell Romanian deadlift from blocks: 36 kg (one 36 kg kettlebell) this session (20-30% of your 180 kg one-rep max is 36-54 kg; up to 48 kg with what exists)");
    }

    @ParameterizedTest(name = "reloading week {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "1|Kettlebell deadlift from blocks: 4 x 8, 36 kg (one 36 kg kettlebell) this session (20-30% of your 180 kg one-rep max is 36-54 kg; up to 48 kg with what exists)",
            "2|Kettlebell deadlift from blocks: 4 x 8, 36 kg (one 36 kg kettlebell) this session (20-30% of your 180 kg one-rep max is 36-54 kg; up to 48 kg with what exists)",
            "3|Rack pull from knee height: 4 x 6, 72.5 kg this session (40-50% of your 180 kg one-rep max is 72-90 kg; up to 90 kg with what exists)",
            "4|Rack pull from knee height: 4 x 6, 72.5 kg this session (40-50% of your 180 kg one-rep max is 72-90 kg; up to 90 kg with what exists)",
            "5|Rack pull from mid-shin: 5 x 5, 107.5 kg (60% of your 180 kg one-rep max is 108 kg)",
            "6|Rack pull from mid-shin: 5 x 5, 107.5 kg (60% of your 180 kg one-rep max is 108 kg)",
            "7|Deadlift: 5 x 3, 125 kg (70% of your 180 kg one-rep max is 126 kg)",
            "8|Deadlift: 5 x 3, 125 kg (70% of your 180 kg one-rep max is 126 kg)"})
    void eachReloadingWeekGivesTheProtocolsLoadForA180KgOneRepMax(int week, String expected) {
        Recovery.toReloading(chat, "180");
        Recovery.daysCheckingIn(chat, 7 * (week - 1));
        assertThat(chat.lastText()).contains("phase 8, Reloading, week " + week + " of 8").contains(expected)
                .contains("Accessory work, twice a week").contains("Barbell hip thrust: 4 x 8")
                .contains("Pallof press: 3 x 12 per side");
    }

    @Test
    void aPainFreeSessionRaisesTheLoadByAtMostFivePercentWithinTheBlock() {
        Recovery.toReloading(chat, "180");
        Recovery.daysCheckingIn(chat, 14);
        assertThat(chat.lastText()).contains("Rack pull from knee height: 4 x 6, 72.5 kg this session");
        Recovery.checkIn(chat, 1, 1, "All sets pain-free, good form");
        // 72.5 x 1.05 = 76.1: the largest plate load not above it is 75 kg (+3.4%)
        assertThat(chat.lastText()).contains("Rack pull from knee height goes from 72.5 kg to 75 kg next session (+3.4%)");
        chat.send("/today");
        assertThat(chat.lastText()).contains("Rack pull from knee height: 4 x 6, 75 kg this session");
    }

    /** A person who uses pounds hears of a rise in the pounds /today shows, never a kilogram figure of its own. */
    @Test
    void aRiseForSomeoneInPoundsIsSaidAsTodayShowsIt() {
        Recovery.toReloading(chat, "397 lb");
        chat.send("/settings units lb");
        Recovery.daysCheckingIn(chat, 14);
        String today = chat.lastText();
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("Rack pull from knee height: 4 x 6, (\\d+ lb \\(\\d+ kg\\))").matcher(today);
        assertThat(shown.find()).as(today).isTrue();
        Recovery.checkIn(chat, 1, 1, "All sets pain-free, good form");
        assertThat(chat.lastText()).contains("Rack pull from knee height goes from " + shown.group(1) + " to ")
                .containsPattern("Rack pull from knee height goes from \\d+ lb \\(\\d+ kg\\) to \\d+ lb \\(\\d+ kg\\) next session");
        String said = chat.lastText().replaceAll("(?s).*goes from [^)]*\\) to (\\d+ lb \\(\\d+ kg\\)).*", "$1");
        chat.send("/today");
        assertThat(chat.lastText()).contains("Rack pull from knee height: 4 x 6, " + said);
    }

    @Test
    void aRiseThatWouldBeMoreThanFivePercentWaitsAndThePersonIsTold() {
        Recovery.toReloading(chat, "180");
        Recovery.checkIn(chat, 1, 1, "All sets pain-free, good form");
        assertThat(chat.lastText()).contains("no rise this time")
                .contains("Kettlebell deadlift from blocks stays at 36 kg: the next load up, 40 kg, would be +11.1%, more than the protocol's 5%");
        chat.send("/today");
        assertThat(chat.lastText()).contains("Kettlebell deadlift from blocks: 4 x 8, 36 kg (one 36 kg kettlebell) this session");
    }

    @Test
    void reportedBackStrainDropsToBodyweightHingesForAWeekAndTheTableWaits() {
        Recovery.toReloading(chat, "180");
        chat.advance(Duration.ofDays(10));
        Recovery.checkIn(chat, 1, 1, "Felt back strain");
        assertThat(chat.lastText()).contains("Back strain noted").contains("7 days");
        chat.send("/today");
        assertThat(chat.lastText()).contains("on hold").contains("Bodyweight hip hinge: 3 x 15").doesNotContain("Rack pull");
        chat.advance(Duration.ofDays(7));
        Recovery.steadyCheckIn(chat).send("/today");
        assertThat(chat.lastText()).contains("week 2 of 8").contains("Kettlebell deadlift from blocks");
    }

    @Test
    void afterEightWeeksOfReloadingComesPreventionForGood() {
        Recovery.toReloading(chat, "180");
        Recovery.daysCheckingIn(chat, 56);
        assertThat(chat.lastText()).contains("phase 9, Prevention").contains("Rowing machine: 3-4 min")
                .contains("Leg swings: 15 reps, front and side, on each leg.").contains("World's greatest stretch: 5 per side")
                .contains("Ankle pumps: 20 reps").contains("flat shoes").contains("trap bar");
        chat.advance(Duration.ofDays(400)).send("/today");
        assertThat(phase()).isEqualTo("prevention");
    }

    @Test
    void planShowsTheRoadMapAndWhereThePersonStands() {
        Triage.toRecovery(chat);
        chat.advance(Duration.ofHours(80)).send("/plan");
        assertThat(chat.lastText()).contains("[done] 1. Acute rest (days 0-1)").contains("[done] 2. Active recovery (hours 48-72)")
                .contains("[now]  3. Gentle mobility (days 3-4)").contains("5. Functional tests (all 4 tests must pass)")
                .contains("8. Reloading (8 weeks)").contains("9. Prevention (for good)");
    }

    @Test
    void checkInsAndPlansWaitForRecovery() {
        chat.send("/start").send("/checkin");
        assertThat(chat.lastText()).contains("once the triage questions say RECOVERY").contains("Question 1");
    }
}
