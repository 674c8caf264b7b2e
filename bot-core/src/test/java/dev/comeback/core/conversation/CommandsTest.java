package dev.comeback.core.conversation;

import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.Triage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandsTest {
    private final ChatDriver chat = ChatDriver.inMemory();

    @Test
    void helpListsEveryCommandAndTheEmergencySigns() {
        chat.send("/help");
        assertThat(chat.lastText()).contains("/start", "/triage", "/status", "/stop", "/reset", "/help",
                "bladder");
    }

    @Test
    void stopPausesEverythingAndStartResumesWhereItWas() {
        chat.send("/start").press("No").send("/stop");
        assertThat(chat.lastText()).contains("Paused");
        assertThat(chat.state().orElseThrow().paused()).isTrue();

        chat.send("no");
        assertThat(chat.lastText()).contains("paused").contains("/start");
        assertThat(chat.state().orElseThrow().triageAnswers()).hasSize(1);

        chat.send("/start");
        assertThat(chat.lastText()).contains("not a medical diagnosis").contains("Question 2");
        assertThat(chat.state().orElseThrow().paused()).isFalse();
    }

    @Test
    void resetAsksFirstAndNoKeepsEverything() {
        Triage.toRecovery(chat).send("/reset");
        assertThat(chat.lastText()).contains("deletes");
        chat.press("No, keep everything");
        assertThat(chat.lastText()).contains("Nothing deleted");
        assertThat(chat.state().orElseThrow().profile().weightKg()).contains(82.0);
    }

    @Test
    void resetConfirmedDeletesTheProfileAndStartsTheQuizAgain() {
        Triage.toRecovery(chat).send("/reset").press("Yes, delete and start over");
        assertThat(chat.lastText()).contains("deleted").contains("not a medical diagnosis").contains("Question 1");
        ConversationState state = chat.state().orElseThrow();
        assertThat(state.profile()).isEqualTo(Profile.EMPTY);
        assertThat(state.stage()).isEqualTo(Stage.TRIAGE);
    }

    @Test
    void freeTextDuringTheResetQuestionAsksForTheButtons() {
        Triage.toRecovery(chat).send("/reset").send("hmm");
        assertThat(chat.lastText()).contains("Yes, delete and start over / No, keep everything");
        assertThat(chat.state().orElseThrow().profile().weightKg()).contains(82.0);
    }

    @Test
    void aGroupMessageIsSentToThePrivateChatWithNoHealthDetails() {
        Triage.toRecovery(chat);
        chat.sendInGroup("team", "/status");
        assertThat(chat.lastText()).contains("privately").doesNotContain("82").doesNotContain("RECOVERY");
    }
}
