package dev.comeback.core.conversation;

import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.Triage;
import dev.comeback.core.triage.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class RedFlagInterruptTest {

    /** Every place a person can be when they type an emergency symptom. */
    enum Situation {
        NEVER_TALKED(chat -> { }),
        FIRST_QUESTION(chat -> chat.send("/start")),
        MID_QUIZ(chat -> chat.send("/start").pressRepeatedly("No", 6)),
        PATTERN_QUESTIONS(chat -> chat.send("/start").pressRepeatedly("No", Triage.CONCERN_QUESTIONS).press("Yes, no spikes")),
        ASKING_WEIGHT(Triage::toRecoveryProfile),
        ASKING_TIME_ZONE(chat -> Triage.toRecoveryProfile(chat).send("82")),
        IN_RECOVERY(Triage::toRecovery),
        SENT_TO_CLINICIAN(chat -> chat.send("/start").pressRepeatedly("No", 9).press("Yes")),
        SENT_TO_DOCTOR_TODAY(chat -> chat.send("/start").pressRepeatedly("No", 4).press("Yes")),
        PAUSED(chat -> Triage.toRecovery(chat).send("/stop")),
        CONFIRMING_RESET(chat -> Triage.toRecovery(chat).send("/reset")),
        ASKED_ABOUT_A_MENTION(chat -> chat.send("/start").send("maybe some numbness in my groin?"));

        final Consumer<ChatDriver> setUp;

        Situation(Consumer<ChatDriver> setUp) {
            this.setUp = setUp;
        }
    }

    @ParameterizedTest
    @EnumSource(Situation.class)
    void emergencyWordsInterruptAnyFlow(Situation situation) {
        ChatDriver chat = ChatDriver.inMemory();
        situation.setUp.accept(chat);

        chat.send("I just lost control of my bladder");

        assertThat(chat.lastText()).contains("EMERGENCY").contains("emergency number")
                .contains("loss of bladder or bowel control");
        assertThat(chat.lastButtons()).isEmpty();
        ConversationState state = chat.state().orElseThrow();
        assertThat(state.stage()).isEqualTo(Stage.REFERRED);
        assertThat(state.overlay()).isEqualTo(Overlay.NONE);
        assertThat(state.triageResult().orElseThrow().outcome()).isEqualTo(Outcome.EMERGENCY);
    }

    @Test
    void theProfileSurvivesAnEmergencyInterrupt() {
        ChatDriver chat = Triage.toRecovery(ChatDriver.inMemory());
        chat.send("my legs are getting weak");
        assertThat(chat.state().orElseThrow().profile().weightKg()).contains(82.0);
    }

    @Test
    void aHedgedMentionIsAskedAboutAndANoCarriesOnWithTheSameQuestion() {
        ChatDriver chat = ChatDriver.inMemory().send("/start").press("No").press("No");
        chat.send("not sure if there's numbness in my groin, mostly just back pain");
        assertThat(chat.lastText()).contains("numbness in the groin or saddle area").contains("happening to you now");
        assertThat(chat.lastButtonLabels()).containsExactly("Yes", "No", "Not sure");

        chat.send("what do you mean?");
        assertThat(chat.lastText()).contains("matters for your safety");

        chat.press("No");
        assertThat(chat.lastText()).contains("Question 3");
        assertThat(chat.state().orElseThrow().triageAnswers()).hasSize(2);
    }

    @Test
    void aNegatedMentionConfirmedWithYesIsAnEmergency() {
        ChatDriver chat = ChatDriver.inMemory().send("/start");
        chat.send("not sure, no feeling between my legs?");
        chat.press("Yes");
        assertThat(chat.lastText()).contains("EMERGENCY");
        assertThat(chat.state().orElseThrow().stage()).isEqualTo(Stage.REFERRED);
    }

    @Test
    void emergencyWordsInAGroupGetTheAdviceThereAndStopTheWritersPlan() {
        ChatDriver chat = Triage.toRecovery(ChatDriver.inMemory());
        chat.sendInGroup("team", "my groin went numb after the session");
        assertThat(chat.lastText()).contains("EMERGENCY").contains("emergency number").doesNotContain("82");
        assertThat(chat.state().orElseThrow().stage()).isEqualTo(Stage.REFERRED);
        chat.send("/today");
        assertThat(chat.lastText()).doesNotContain("Cat-cow").contains("clinician");
    }

    @Test
    void tiredLegsAfterTrainingAreAskedAboutNotDeclaredAnEmergency() {
        ChatDriver chat = Triage.toRecovery(ChatDriver.inMemory());
        chat.send("my legs are weak from leg day lol");
        assertThat(chat.lastText()).doesNotContain("EMERGENCY").contains("is that happening to you now");
        assertThat(chat.lastButtonLabels()).containsExactly("Yes", "No", "Not sure");
        chat.send("no");
        assertThat(chat.state().orElseThrow().stage()).isEqualTo(Stage.RECOVERY);
    }

    @Test
    void numbnessTypedAtTheFunctionalTestsIsAnEmergencyNotARequestForButtons() {
        ChatDriver chat = dev.comeback.core.testkit.Recovery.toFunctionalTests(ChatDriver.inMemory());
        chat.send("numbness down there since this morning");
        assertThat(chat.lastText()).contains("EMERGENCY").doesNotContain("Please answer with one of the buttons");
    }
}
