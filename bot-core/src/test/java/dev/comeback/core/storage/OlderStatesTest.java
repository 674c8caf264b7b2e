package dev.comeback.core.storage;

import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.conversation.Stage;
import dev.comeback.core.conversation.Task;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.InMemoryConversationStore;
import dev.comeback.core.testkit.Triage;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** States stored by the build before schema 5 (no pain-start question, clearance or task start) still work. */
class OlderStatesTest {
    private static final Conversation CONVERSATION = new Conversation(ChatDriver.CONTENT);
    private static final UserRef USER = UserRef.of("test", "old");
    private static final ChatRef CHAT = ChatRef.privateChat("test", "old");

    /** The stored JSON as schema 4 wrote it: the new fields left out. */
    private static ConversationState asVersion4(ConversationState state) {
        String json = StateCodec.encode(state).replace("\"schemaVersion\":5", "\"schemaVersion\":4")
                .replace(",\"clearance\":null", "").replaceAll(",\"startedAt\":(null|\"[^\"]*\")},\"reminders\"", "},\"reminders\"");
        assertThat(json).doesNotContain("clearance").doesNotContainPattern("\"task\":\\{[^}]*\\},?[^}]*startedAt[^}]*\\},\"reminders\"");
        return StateCodec.decode(json);
    }

    @Test
    void aPersonMidOnboardingCarriesOnWithoutThePainStartQuestion() {
        ChatDriver chat = ChatDriver.inMemory();
        Triage.toRecoveryProfile(chat);
        ConversationState old = asVersion4(chat.state().orElseThrow());
        assertThat(old.stage()).isEqualTo(Stage.ASK_TIME_ZONE);
        ConversationState next = CONVERSATION.step(old, new Incoming.Text(USER, CHAT, "Berlin", chat.now())).state();
        assertThat(next.stage()).isEqualTo(Stage.ASK_UNIT);
        assertThat(next.schemaVersion()).isEqualTo(ConversationState.SCHEMA_VERSION);
    }

    @Test
    void aReferredPersonStillNeedsAClearanceAndAnOldCheckInStillCarriesOn() {
        ChatDriver referred = ChatDriver.inMemory();
        referred.send("/start").pressRepeatedly("No", 9).press("Yes");
        ConversationState old = asVersion4(referred.state().orElseThrow());
        assertThat(old.clearance()).isEmpty();
        var turn = CONVERSATION.step(old, new Incoming.Text(USER, CHAT, "/triage", referred.now()));
        assertThat(turn.replies().get(0).text()).contains("cleared you to train");

        ChatDriver checking = new ChatDriver(new InMemoryConversationStore(), new dev.comeback.core.time.VirtualClock(referred.now(), java.time.ZoneId.of("UTC")), "c");
        Triage.toRecovery(checking);
        checking.send("/checkin").press("No").press("3");
        ConversationState oldCheckIn = asVersion4(checking.state().orElseThrow());
        assertThat(oldCheckIn.task().kind()).isEqualTo(Task.Kind.CHECK_IN);
        assertThat(oldCheckIn.task().startedAt()).isEmpty();
        var soon = CONVERSATION.step(oldCheckIn, new Incoming.Text(USER, CHAT, "4", checking.now().plus(Duration.ofMinutes(5))));
        assertThat(soon.replies().get(soon.replies().size() - 1).text()).contains("everyday tasks");
    }
}
