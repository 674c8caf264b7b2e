package dev.comeback.core.conversation;

import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.Recovery;
import dev.comeback.core.testkit.Triage;
import dev.comeback.core.triage.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** People type where buttons wait: their words press the right button, or get a short human reply. */
class TypedAnswersTest {
    private final ChatDriver chat = ChatDriver.inMemory();

    @ParameterizedTest
    @ValueSource(strings = {"nope", "nah", "n", "no.", "No!", "not really", "no, why?"})
    void aTypedNoAnswersAQuizQuestion(String typed) {
        chat.send("/start").send(typed);
        assertThat(chat.lastText()).contains("Question 2");
        assertThat(chat.state().orElseThrow().triageAnswers()).hasSize(1);
        assertThat(chat.state().orElseThrow().triageAnswers().get(0).optionId()).isEqualTo("no");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yep", "yeah", "y", "Yes!"})
    void aTypedYesAnswersAQuizQuestion(String typed) {
        chat.send("/start").send(typed);
        assertThat(chat.lastText()).contains("EMERGENCY");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"yes|Yes, no spikes", "No|No, pain spiked", "yeah|Yes, no spikes"})
    void yesAndNoPressTheButtonsThatStartWithThem(String typed, String pressed) {
        chat.send("/start").pressRepeatedly("No", Triage.CONCERN_QUESTIONS).send(typed);
        String option = chat.state().orElseThrow().triageAnswers().get(Triage.CONCERN_QUESTIONS).optionId();
        assertThat(option).isEqualTo(pressed.startsWith("Yes") ? "yes" : "no");
    }

    @Test
    void yeahABitEasesIt() {
        chat.send("/start").pressRepeatedly("No", Triage.CONCERN_QUESTIONS).press("Yes, no spikes")
                .press("A day or two later").press("Dull, even stiffness").send("yeah a bit");
        assertThat(chat.lastText()).contains("RECOVERY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kinda?", "idk", "not sure", "dunno"})
    void anUnsureAnswerToASeriousSignShowsHowToCheckAndAStillNotSureGivesThatTiersAdvice(String typed) {
        chat.send("/start").send(typed);
        assertThat(chat.lastText()).contains("Question 1").contains("How to check").contains("tissue");
        assertThat(chat.lastButtonLabels()).containsExactly("Yes", "No", "Still not sure");
        chat.send(typed);
        assertThat(chat.lastText()).contains("EMERGENCY").contains("you could not rule it out");
        assertThat(chat.state().orElseThrow().triageResult().orElseThrow().outcome()).isEqualTo(Outcome.EMERGENCY);
    }

    @Test
    void aNoAfterTheCheckCarriesOnWithTheNextQuestion() {
        chat.send("/start").press("Not sure").press("No");
        assertThat(chat.lastText()).contains("Question 2 of");
        chat.pressRepeatedly("No", 3).press("Not sure").press("Still not sure");
        assertThat(chat.lastText()).contains("URGENT");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"about 6|6", "like a 5|5", "seven|7", "7 out of 10|7", "6ish|6", "a 4|4", "ten|10"})
    void painInWordsIsTaken(String typed, int pain) {
        Triage.toRecovery(chat).send("/checkin").press("No").send(typed);
        assertThat(chat.lastText()).contains("pain after moving");
        chat.press("2").press("No");
        assertThat(chat.state().orElseThrow().recovery().orElseThrow().checkIns().get(0).before()).isEqualTo(pain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"13", "1-3", "3-4", "3 to 4", "5 or 6"})
    void painRangesAndOutOfScaleNumbersAreAskedAgain(String typed) {
        Triage.toRecovery(chat).send("/checkin").press("No").send(typed);
        assertThat(chat.lastText()).contains("one number from 0 to 10");
        assertThat(chat.state().orElseThrow().task().answer("before")).isEmpty();
    }

    @Test
    void theRedFlagQuestionIsAYesNoQuestionAndTypedNoCarriesOn() {
        chat.send("/start").send("maybe some numbness down there?");
        assertThat(chat.lastText()).contains("is that happening to you now, new since your back pain began?");
        assertThat(chat.lastButtonLabels()).containsExactly("Yes", "No", "Not sure");
        chat.send("nope");
        assertThat(chat.lastText()).contains("Question 1");
    }

    @Test
    void aClearDenialAtTheSafetyQuestionIsANo() {
        Triage.toRecovery(chat).send("/checkin").send("no numbness, my bladder is fine, legs are not weak");
        assertThat(chat.lastText()).contains("Pain right now");
        assertThat(chat.state().orElseThrow().task().answer("safety")).contains("no");
    }

    @Test
    void aSignTypedAtTheSafetyQuestionIsAYes() {
        Triage.toRecovery(chat).send("/checkin").send("since yesterday I can't get the pee out");
        assertThat(chat.lastText()).contains("EMERGENCY");
    }

    @Test
    void aHedgedAnswerToTheSafetyQuestionAsksAboutThatSignThenTheWholeSafetyQuestionAgain() {
        Triage.toRecovery(chat).send("/checkin").send("a bit of numbness, not sure");
        assertThat(chat.lastButtonLabels()).containsExactly("Yes", "No", "Not sure");
        chat.press("No");
        // A no about one sign does not answer for the others.
        assertThat(chat.lastText()).contains("First, safety");
        chat.press("No");
        assertThat(chat.lastText()).contains("Pain right now");
    }

    @Test
    void typedYesAndPassAnswerTheFunctionalTests() {
        Recovery.toFunctionalTests(chat).send("yes").send("passed").send("yep");
        assertThat(chat.lastText()).contains("Test 4 of 4");
        chat.send("not yet");
        assertThat(chat.lastText()).contains("Not yet, and that's fine");
    }

    @Test
    void painOrFearGetsACheckInOfferAndTheEmergencySignsNotThePlan() {
        Triage.toRecovery(chat).send("it hurts a lot today, like really bad, I'm scared");
        assertThat(chat.lastText()).contains("check-in").contains("emergency care").doesNotContain("Drink");
        assertThat(chat.lastButtonLabels()).containsExactly("Check in now");
        chat.press("Check in now");
        assertThat(chat.lastText()).contains("First, safety");
    }

    @Test
    void aTrainingQuestionIsAnsweredFromThePhasesRules() {
        Triage.toRecovery(chat).send("can I still do squats and bench this week?");
        assertThat(chat.lastText()).contains("phase 1").contains("No squats, deadlifts, bench").contains("functional tests")
                .doesNotContain("Drink");
    }

    @ParameterizedTest
    @ValueSource(strings = {"thanks", "thank you so much", "cheers"})
    void thanksGetsAShortReply(String typed) {
        Triage.toRecovery(chat).send(typed);
        assertThat(chat.lastText()).isEqualTo("You're welcome. I'm here whenever you need me.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"👍", "ok", "ok iced", "got it"})
    void anEmojiOrAnOkIsNotedBriefly(String typed) {
        Triage.toRecovery(chat).send(typed);
        assertThat(chat.lastText()).isEqualTo("Noted.");
    }

    @Test
    void aQuestionAboutPainkillersGetsTheProtocolsNoteAndAPharmacist() {
        Triage.toRecovery(chat).send("is it ok to take advil?");
        assertThat(chat.lastText()).contains("ibuprofen 200-400 mg").contains("pharmacist").doesNotContain("No squats");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no pain", "no problem", "nothing hurts anymore", "not bad at all"})
    void noPainAtAFunctionalTestIsAskedAgainNotTakenAsAFail(String typed) {
        Recovery.toFunctionalTests(chat).send(typed);
        assertThat(chat.lastText()).contains("Please answer with one of the buttons: Passed / Not yet").doesNotContain("Back to");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"day after|delayed", "the next day|delayed", "stiff|dull_even", "stabbing when i bend|sharp",
            "during the lift|during"})
    void aDistinctWordOfALabelPressesIt(String typed, String option) {
        chat.send("/start").pressRepeatedly("No", Triage.CONCERN_QUESTIONS).press("Yes, no spikes");
        if (!option.equals("during") && !option.equals("delayed")) {
            chat.press("A day or two later");
        }
        chat.send(typed);
        assertThat(chat.state().orElseThrow().triageAnswers().get(chat.state().orElseThrow().triageAnswers().size() - 1).optionId())
                .isEqualTo(option);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lol no", "no its just from leg day", "nah just doms"})
    void aPlainNoInFrontOfASentenceAnswersTheRedFlagQuestion(String typed) {
        Triage.toRecovery(chat).send("my legs are weak from leg day lol").send(typed);
        assertThat(chat.lastText()).contains("Thank you. If that ever changes");
    }

    @Test
    void notSureAboutARedFlagShowsHowToCheckAndStillNotSureIsAnEmergency() {
        Triage.toRecovery(chat).send("maybe a bit numb down there?").send("not sure");
        assertThat(chat.lastText()).contains("How to check").contains("tissue");
        assertThat(chat.lastButtonLabels()).containsExactly("Yes", "No", "Still not sure");
        chat.send("idk");
        assertThat(chat.lastText()).contains("EMERGENCY").contains("you could not rule it out");
    }

    @Test
    void aNegativePainScoreIsAskedAgain() {
        Triage.toRecovery(chat).send("/checkin").press("No").send("-1");
        assertThat(chat.lastText()).contains("one number from 0 to 10");
    }

    @Test
    void fearTypedInTheMiddleOfACheckInIsHeard() {
        Triage.toRecovery(chat).send("/checkin").press("No").send("it hurts a lot today, like really bad, I'm scared");
        assertThat(chat.lastText()).contains("I hear you").contains("Pain right now");
    }
}
