package dev.comeback.core.conversation;

import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.Triage;
import dev.comeback.core.triage.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TriageConversationTest {
    private final ChatDriver chat = ChatDriver.inMemory();

    @Test
    void startSaysInOneLineThatThisIsNotAMedicalDiagnosisAndAsksTheFirstQuestion() {
        chat.send("/start");
        assertThat(chat.last().get(0).text()).contains("not a medical diagnosis").doesNotContain("\n");
        assertThat(chat.lastText()).contains("Question 1").contains("saddle area");
        assertThat(chat.lastButtonLabels()).containsExactly("Yes", "No", "Not sure");
    }

    @Test
    void aFirstMessageFromAnUnknownUserIsWelcomedLikeStart() {
        chat.send("hello?");
        assertThat(chat.lastText()).contains("not a medical diagnosis").contains("Question 1");
        assertThat(chat.state().orElseThrow().stage()).isEqualTo(Stage.TRIAGE);
    }

    @Test
    void aYesToSaddleNumbnessGivesEmergencyAdviceAndNothingElse() {
        chat.send("/start").press("Yes");
        assertThat(chat.lastText()).contains("EMERGENCY").contains("emergency number").contains("112");
        assertThat(chat.lastButtons()).isEmpty();
        assertThat(chat.lastText()).doesNotContain("Question");
        assertThat(chat.state().orElseThrow().stage()).isEqualTo(Stage.REFERRED);
        // Issue 12 item 4: later messages get a short answer, not the whole block again.
        chat.send("can I do some light stretching?");
        assertThat(chat.lastText()).contains("emergency care now").doesNotContain("stretch").doesNotContain("cauda equina");
    }

    @Test
    void feverIsUrgentWithTheReasonAndADoctorToday() {
        chat.send("/start").pressRepeatedly("No", 4).press("Yes");
        assertThat(chat.lastText()).contains("URGENT").contains("doctor").contains("today")
                .contains("fever or feeling unwell");
        assertThat(chat.state().orElseThrow().triageResult().orElseThrow().outcome()).isEqualTo(Outcome.URGENT);
    }

    @Test
    void oneSidedPainSendsToAClinicianAndOffersNoTraining() {
        chat.send("/start").pressRepeatedly("No", 9).press("Yes");
        assertThat(chat.lastText()).contains("SEE A CLINICIAN").contains("Stop all training")
                .contains("physiotherapist").contains("pain on one side");
        // Issue 12 item 4: the only button is for later, when a clinician has checked them; no training.
        assertThat(chat.lastButtonLabels()).containsExactly("A clinician has checked me");
        assertThat(chat.state().orElseThrow().stage()).isEqualTo(Stage.REFERRED);
    }

    @Test
    void painSpikesInHipHingesSendToAClinician() {
        chat.send("/start").pressRepeatedly("No", Triage.CONCERN_QUESTIONS).press("No, pain spiked");
        assertThat(chat.lastText()).contains("SEE A CLINICIAN");
    }

    @Test
    void recoveryAsksTimeZoneUnitAndWeightThenShowsTheAcutePlanWithTheirWater() {
        Triage.toOnsetQuestion(chat);
        assertThat(chat.lastText()).contains("RECOVERY").contains("2-5 days").contains("When did this pain start");
        chat.press("Today");
        assertThat(chat.lastText()).contains("time zone");
        chat.send("berlin");
        assertThat(chat.lastText()).contains("Time zone set: Berlin, 14:00 now (Europe/Berlin)").contains("kilograms or pounds");
        assertThat(chat.lastButtonLabels()).containsExactly("kg", "lb");
        chat.press("kg");
        assertThat(chat.lastText()).contains("body weight in kg");
        chat.send("82");
        assertThat(chat.lastText()).contains("Noted: 82 kg.")
                .contains("day 0 of your recovery: phase 1, Acute rest")
                .contains("2.9-3.3 litres")
                .contains("131-180 g of protein")
                .contains("Ice: every 2-3 hours while awake")
                .contains("15-20 minutes at a time")
                .contains("never on bare skin")
                .contains("ibuprofen 200-400 mg with food");
        ConversationState state = chat.state().orElseThrow();
        assertThat(state.stage()).isEqualTo(Stage.RECOVERY);
        assertThat(state.profile().weightKg()).contains(82.0);
        assertThat(state.profile().timeZone()).contains("Europe/Berlin");
    }

    @Test
    void aStrainPatternIsToldToExpectSevenToFourteenDays() {
        chat.send("/start").pressRepeatedly("No", Triage.CONCERN_QUESTIONS).press("Yes, no spikes")
                .press("During or right after the lift").press("Sharp or stabbing").press("No, same or worse");
        assertThat(chat.lastText()).contains("RECOVERY").contains("minor muscle strain").contains("7-14 days");
    }

    @Test
    void typingAButtonLabelCountsAsPressingIt() {
        chat.send("/start").send("no").send("NO");
        assertThat(chat.lastText()).contains("Question 3");
    }

    @Test
    void triageRetakesTheQuizButKeepsTheProfile() {
        Triage.toRecovery(chat);
        chat.send("/triage").press("Yes, ask me again");
        assertThat(chat.lastText()).contains("Question 1");
        chat.pressRepeatedly("No", Triage.CONCERN_QUESTIONS).press("Yes, no spikes")
                .press("Not sure").press("Dull, even stiffness").press("Yes, it eases");
        assertThat(chat.lastText()).contains("Nothing new came up").contains("phase 1, Acute rest").contains("2.9-3.3 litres");
        assertThat(chat.state().orElseThrow().stage()).isEqualTo(Stage.RECOVERY);
    }

    @Test
    void statusSaysWhereThePersonStands() {
        Triage.toRecovery(chat);
        chat.send("/status");
        assertThat(chat.lastText()).contains("recovery").contains("Triage: no warning signs, recovery plan, looks like").contains("82 kg")
                .contains("Europe/Berlin").contains("Paused: no");
    }
}
