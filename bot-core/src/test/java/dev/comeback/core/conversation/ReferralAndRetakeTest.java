package dev.comeback.core.conversation;

import dev.comeback.core.protocol.RecoveryProgress;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.Recovery;
import dev.comeback.core.testkit.Triage;
import dev.comeback.core.triage.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12, items 3-5 and 12: after a referral, /triage mid-recovery, and a check-in left for days. */
class ReferralAndRetakeTest {
    private final ChatDriver chat = ChatDriver.inMemory();

    private ChatDriver seeClinician() {
        return chat.send("/start").pressRepeatedly("No", 9).press("Yes");
    }

    // ---- item 3: a retake after a red-flag outcome asks for a clinician's clearance first ----------------

    @Test
    void afterAnEmergencyTriageAsksForAClinicianFirstAndWithoutItTheOutcomeStands() {
        chat.send("/start").press("Yes");
        chat.send("/triage");
        assertThat(chat.lastText()).contains("cleared you to train").doesNotContain("Question 1");
        assertThat(chat.lastButtonLabels()).containsExactly("Yes, I'm cleared to train", "Not yet");
        chat.press("Not yet");
        assertThat(chat.lastText()).contains("advice stands").contains("EMERGENCY: get emergency care now.")
                .doesNotContain("cauda equina").doesNotContain("Question");
        ConversationState state = chat.state().orElseThrow();
        assertThat(state.stage()).isEqualTo(Stage.REFERRED);
        assertThat(state.triageResult().orElseThrow().outcome()).isEqualTo(Outcome.EMERGENCY);
        assertThat(state.clearance()).isEmpty();
    }

    @Test
    void aClearanceIsStoredWithItsDateAndStatusSaysSoThenTheQuizStarts() {
        seeClinician();
        chat.advance(Duration.ofDays(1)).send("/triage").send("yes");
        assertThat(chat.lastText()).contains("Question 1");
        Clearance clearance = chat.state().orElseThrow().clearance().orElseThrow();
        assertThat(clearance.at()).isEqualTo(chat.now());
        assertThat(clearance.after()).isEqualTo(Outcome.SEE_CLINICIAN);
        chat.send("/status");
        assertThat(chat.lastText()).contains("Cleared to train: yes, a clinician checked you (you told me on 3 Mar, after \"see a clinician\")");
    }

    @Test
    void aNewConcernAfterTheClearanceNeedsANewOne() {
        seeClinician();
        chat.advance(Duration.ofDays(3)).send("/triage").press("Yes, I'm cleared to train");
        chat.advance(Duration.ofMinutes(2)).pressRepeatedly("No", 9).press("Yes");
        assertThat(chat.lastText()).contains("SEE A CLINICIAN");
        chat.send("/status");
        assertThat(chat.lastText()).doesNotContain("Cleared to train");
        chat.send("/triage");
        assertThat(chat.lastText()).contains("cleared you to train");
    }

    // ---- item 4: the clinician outcome answers shortly --------------------------------------------------

    @Test
    void theClinicianOutcomeAnswersShortlyWithOnlyWhatTheProtocolSays() {
        seeClinician();
        String block = chat.lastText();
        chat.send("what can I do meanwhile to ease the pain?");
        String meanwhile = chat.lastText();
        assertThat(meanwhile).contains("stop all training").contains("loads your spine").contains("book a sports physician")
                .contains("Numbness between your legs").contains("emergency care")
                .doesNotContain("SEE A CLINICIAN").doesNotContain("Ice").doesNotContain("ibuprofen").doesNotContain("stretch");
        assertThat(meanwhile.length()).isLessThan(block.length());
        assertThat(chat.lastButtonLabels()).containsExactly("A clinician has checked me");
        chat.send("ok thanks");
        assertThat(chat.lastText()).startsWith("You're welcome").doesNotContain("SEE A CLINICIAN").doesNotContain("stop all training");
        chat.send("/status");
        assertThat(chat.lastText()).contains("Triage: see a clinician (since 2 Mar)").doesNotContain("SEE_CLINICIAN")
                .doesNotContain("This points to more than");
    }

    @Test
    void theClinicianCheckedButtonLeadsToTheClearanceQuestion() {
        seeClinician();
        chat.press("A clinician has checked me");
        assertThat(chat.lastText()).contains("cleared you to train");
        chat.press("Yes, I'm cleared to train");
        assertThat(chat.lastText()).contains("Question 1");
    }

    // ---- item 5: /triage mid-recovery confirms and keeps progress ----------------------------------------

    private void toCoreStabilityWithHistory() {
        Triage.toRecovery(chat);
        chat.send("/settings 1rm 180");
        Recovery.daysCheckingIn(chat, 5);
        assertThat(chat.lastText()).contains("Core stability");
    }

    @Test
    void triageMidRecoveryConfirmsFirstAndNoKeepsEverything() {
        toCoreStabilityWithHistory();
        RecoveryProgress before = chat.state().orElseThrow().recovery().orElseThrow();
        chat.send("/triage");
        assertThat(chat.lastText()).contains("Go through the triage questions again").contains("phase 4, Core stability")
                .doesNotContain("Question 1");
        chat.press("No, carry on");
        assertThat(chat.state().orElseThrow().stage()).isEqualTo(Stage.RECOVERY);
        assertThat(chat.state().orElseThrow().recovery()).contains(before);
    }

    @Test
    void aRetakeThatFindsNothingNewKeepsPhaseCheckInsAndOneRepMax() {
        toCoreStabilityWithHistory();
        RecoveryProgress before = chat.state().orElseThrow().recovery().orElseThrow();
        assertThat(before.oneRepMaxKg()).contains(180.0);
        chat.send("/triage").press("Yes, ask me again");
        assertThat(chat.lastText()).contains("Question 1");
        chat.pressRepeatedly("No", Triage.CONCERN_QUESTIONS).press("Yes, no spikes").press("A day or two later")
                .press("Dull, even stiffness").press("Yes, it eases");
        assertThat(chat.lastText()).contains("Nothing new came up").contains("phase 4, Core stability")
                .doesNotContain("When did this pain start").doesNotContain("Acute rest");
        ConversationState after = chat.state().orElseThrow();
        assertThat(after.stage()).isEqualTo(Stage.RECOVERY);
        assertThat(after.recovery().orElseThrow().phaseId()).isEqualTo(before.phaseId());
        assertThat(after.recovery().orElseThrow().startedAt()).isEqualTo(before.startedAt());
        assertThat(after.recovery().orElseThrow().checkIns()).isEqualTo(before.checkIns());
        assertThat(after.recovery().orElseThrow().oneRepMaxKg()).contains(180.0);
    }

    @Test
    void triageTypedDuringACheckInDoesNotDropIt() {
        Triage.toRecovery(chat);
        chat.send("/checkin").press("No").press("3");
        chat.send("/triage");
        assertThat(chat.lastText()).contains("check-in you're in the middle of");
        chat.press("No, carry on");
        assertThat(chat.lastText()).contains("pain after moving");
        chat.send("/triage").press("Yes, ask me again").pressRepeatedly("No", Triage.CONCERN_QUESTIONS).press("Yes, no spikes")
                .press("A day or two later").press("Dull, even stiffness").press("Yes, it eases");
        assertThat(chat.lastText()).contains("Nothing new came up").contains("pain after moving");
        chat.press("4").press("No");
        assertThat(chat.lastText()).contains("Check-in saved: pain 3 before moving, 4 after");
    }

    // ---- item 12: a check-in older than 12 hours starts afresh -----------------------------------------

    @Test
    void aCheckInOlderThanTwelveHoursStartsAfresh() {
        Triage.toRecovery(chat);
        chat.send("/checkin").press("No").press("3").press("4");
        assertThat(chat.lastText()).contains("everyday tasks");
        chat.send("/stop").advance(Duration.ofDays(2)).send("/start");
        assertThat(chat.lastText()).contains("starts afresh").contains("First, safety").doesNotContain("everyday tasks");
        chat.press("No").press("2").press("2").press("No");
        assertThat(chat.lastText()).contains("Check-in saved: pain 2 before moving, 2 after");
    }

    @Test
    void aCheckInWithinTwelveHoursCarriesOn() {
        Triage.toRecovery(chat);
        chat.send("/checkin").press("No").press("3");
        chat.advance(Duration.ofHours(11)).send("/today");
        assertThat(chat.lastText()).contains("pain after moving").doesNotContain("starts afresh");
    }

    @Test
    void anOldStoredCheckInWithoutItsStartIsJudgedByWhenItWasLastTouched() {
        Conversation conversation = new Conversation(ChatDriver.CONTENT);
        Triage.toRecovery(chat);
        chat.send("/checkin").press("No").press("3");
        ConversationState stored = chat.state().orElseThrow();
        ConversationState old = stored.withTask(new Task(Task.Kind.CHECK_IN, stored.task().answers()));
        assertThat(old.task().startedAt()).isEmpty();
        java.time.Instant later = stored.updatedAt().plus(Duration.ofHours(13));
        Turn turn = conversation.step(old, new dev.comeback.core.message.Incoming.Text(chat.user(), chat.chat(), "/today", later));
        assertThat(turn.replies()).anyMatch(r -> r.text().contains("starts afresh"));
        Turn soon = conversation.step(old, new dev.comeback.core.message.Incoming.Text(chat.user(), chat.chat(), "/today",
                stored.updatedAt().plus(Duration.ofHours(1))));
        assertThat(soon.replies()).noneMatch(r -> r.text().contains("starts afresh"));
    }
}
