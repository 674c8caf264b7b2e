package dev.comeback.core.safety;

import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.Triage;
import dev.comeback.core.triage.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs found by people typing as they talk: loss of bladder control in everyday words, a fever, weight lost without trying. */
class EverydayWordsTest {
    private final ChatDriver chat = ChatDriver.inMemory();

    @ParameterizedTest
    @ValueSource(strings = {"peeing myself since the lift", "been peeing myself", "i pee myself", "pissing myself when i stand up",
            "pooping myself a bit", "keep leaking pee"})
    void lossOfBladderControlInEverydayWordsIsAnEmergencyEvenMidCheckIn(String typed) {
        Triage.toRecovery(chat).send("/checkin").press("No").press("4").send(typed);
        assertThat(chat.lastText()).startsWith("EMERGENCY");
        assertThat(chat.state().orElseThrow().triageResult().orElseThrow().outcome()).isEqualTo(Outcome.EMERGENCY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fever", "i think i have a fever and chills", "running a fever of 39 since yesterday",
            "i lost 8 kg without trying this month", "been losing weight for no reason", "night sweats every night"})
    void anUrgentSignIsAskedAboutAndAYesIsUrgent(String typed) {
        Triage.toRecovery(chat).send("/checkin").press("No").press("3").send(typed);
        assertThat(chat.lastText()).contains("You mentioned").contains("is that true for you at the moment?");
        assertThat(chat.lastButtonLabels()).containsExactly("Yes", "No", "Not sure");
        chat.send("yes");
        assertThat(chat.lastText()).startsWith("URGENT");
        assertThat(chat.state().orElseThrow().triageResult().orElseThrow().outcome()).isEqualTo(Outcome.URGENT);
    }

    @Test
    void aNoToAnUrgentSignCarriesOnWhereThePersonWas() {
        Triage.toRecovery(chat).send("/checkin").press("No").press("3").send("i have a fever now");
        chat.press("No");
        assertThat(chat.lastText()).contains("Carrying on").contains("pain after moving");
        chat.press("3");
        assertThat(chat.state().orElseThrow().triageResult().orElseThrow().outcome()).isEqualTo(Outcome.RECOVERY);
    }

    @Test
    void notSureShowsTheQuizCheckAndStillNotSureIsUrgent() {
        Triage.toRecovery(chat).send("maybe a bit feverish?");
        chat.press("Not sure");
        assertThat(chat.lastText()).contains("take your temperature");
        chat.press("Still not sure");
        assertThat(chat.lastText()).startsWith("URGENT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no fever", "i lost 5 kg on my cut", "cabin fever from resting all day is real lol",
            "I passed", "never felt better", "weight feels heavy today", "dropped the bar, lost my grip"})
    void everydayTalkWithoutAnUrgentSignAsksNothing(String typed) {
        Triage.toRecovery(chat).send(typed);
        assertThat(chat.lastText()).doesNotContain("You mentioned").doesNotStartWith("URGENT").doesNotStartWith("EMERGENCY");
    }

    @Test
    void anOldButtonLabelIsNeverAYesToTheSafetyQuestion() {
        Triage.toRecovery(chat).send("/checkin").send("Passed");
        assertThat(chat.lastText()).doesNotStartWith("EMERGENCY");
        assertThat(chat.state().orElseThrow().triageResult().orElseThrow().outcome()).isEqualTo(Outcome.RECOVERY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"felt good, no pain", "all good", "pain free", "good form no pain", "went well"})
    void theLoadedSessionQuestionReadsEverydayAnswers(String typed) {
        dev.comeback.core.testkit.Recovery.toReloading(chat, "140");
        chat.send("/checkin").press("No").press("2").press("2").press("No");
        assertThat(chat.lastButtonLabels()).contains("All sets pain-free, good form");
        chat.send(typed);
        assertThat(chat.lastText()).contains("Check-in saved").contains("pain-free with good form");
    }

    @Test
    void aQuestionOrWorryDuringTheQuizIsHeardBeforeTheButtonsAreAskedFor() {
        chat.send("/start").send("is this a herniated disc??");
        assertThat(chat.last().get(0).text()).startsWith("Good question. I can't diagnose").contains("Please answer with one of the buttons");
        chat.send("it hurts so much and I'm scared");
        assertThat(chat.last().get(0).text()).startsWith("I hear you");
        assertThat(chat.lastButtonLabels()).containsExactly("Yes", "No", "Not sure");
    }

    /** "yes delete it" answers the /forget question, never the check-in's safety question under it. */
    @Test
    void typedAnswersAtForgetAnswerForgetOnly() {
        Triage.toRecovery(chat).send("/checkin").send("/forget").send("nah keep it");
        assertThat(chat.lastText()).doesNotStartWith("EMERGENCY");
        assertThat(chat.last().get(0).text()).contains("Nothing deleted");
        chat.send("/forget").send("yes delete it");
        assertThat(chat.lastText()).doesNotContain("EMERGENCY");
        assertThat(chat.lastText()).containsIgnoringCase("deleted");
        assertThat(chat.state().map(st -> st.stage())).isIn(java.util.Optional.empty(), java.util.Optional.of(dev.comeback.core.conversation.Stage.NEW));
    }
}
