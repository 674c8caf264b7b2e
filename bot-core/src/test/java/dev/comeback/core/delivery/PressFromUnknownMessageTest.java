package dev.comeback.core.delivery;

import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.message.Button;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.storage.Cursor;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import dev.comeback.core.storage.JdbcOutbox;
import dev.comeback.core.storage.TurnCommit;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.time.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A press is taken only from a message the dispatcher sent with buttons: one naming any other message is
 * answered "no longer valid" with the current question and stores nothing. Real core, real dispatcher and
 * outbox on an H2 file; the sender names each message it sends as a platform would.
 */
class PressFromUnknownMessageTest {
    @TempDir
    Path dir;

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-03-02T13:00:00Z"), ZoneId.of("UTC"));
    private Database db;
    private JdbcConversationStore store;
    private JdbcOutbox outbox;
    private ChatDriver chat;
    private NamingSender sender;
    private Dispatcher dispatcher;
    private long cursor;

    /** Sends by remembering, and answers each message with a fresh platform id ({@code m1}, {@code m2}, ...). */
    static class NamingSender implements PlatformSender {
        /** Platform message id to the part sent as it, in order. */
        final Map<String, Part> sent = new LinkedHashMap<>();

        @Override
        public String platform() {
            return "test";
        }

        @Override
        public DeliveryLimits limits() {
            return new DeliveryLimits(new Pacer.Limits(1000, 1000, Duration.ofMillis(1), 1000, Duration.ofMillis(1), 1000), 4000);
        }

        @Override
        public Outcome send(OutboxMessage message, Part part, int index) {
            String id = "m" + (sent.size() + 1);
            sent.put(id, part);
            return Outcome.sent(id);
        }

        String lastWithButtons() {
            String found = null;
            for (Map.Entry<String, Part> e : sent.entrySet()) {
                if (!e.getValue().buttons().isEmpty()) {
                    found = e.getKey();
                }
            }
            return found;
        }

        String lastText() {
            List<Part> parts = new ArrayList<>(sent.values());
            return parts.isEmpty() ? "" : parts.get(parts.size() - 1).text();
        }
    }

    @BeforeEach
    void open() {
        db = Database.open(Database.h2FileUrl(dir.resolve("press")), "sa", "", 2);
        store = new JdbcConversationStore(db.dataSource());
        outbox = new JdbcOutbox(db.dataSource());
        chat = new ChatDriver(store, clock, "dora");
        sender = new NamingSender();
        dispatcher = new Dispatcher(outbox, sender, (user, at) -> { }, clock, Runnable::run, 1);
    }

    @AfterEach
    void close() {
        dispatcher.close();
        db.close();
    }

    private void drain() {
        for (int i = 0; i < 50 && outbox.pending("test") > 0; i++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofMillis(10));
        }
        assertThat(outbox.pending("test")).isZero();
    }

    private void text(String text) {
        assertThat(chat.coach().handleQueued(new Incoming.Text(chat.user(), chat.chat(), text, clock.instant()),
                Optional.of(new Cursor("test", ++cursor)))).isTrue();
        drain();
    }

    private void press(UserRef user, ChatRef where, String data, Optional<String> messageId) {
        assertThat(chat.coach().handleQueued(new Incoming.Press(user, where, data, clock.instant(), messageId),
                Optional.of(new Cursor("test", ++cursor)))).isTrue();
        drain();
    }

    /** The data of the "No" button under the message sent as {@code messageId}. */
    private String no(String messageId) {
        return sender.sent.get(messageId).buttons().stream().filter(b -> b.label().equals("No")).findFirst().orElseThrow().data();
    }

    private String stateJson(String userKey) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT state_json FROM conversation WHERE user_key = ?")) {
            s.setString(1, userKey);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : "";
            }
        }
    }

    @Test
    void aPressFromAMessageNeverSentIsRefusedAndStoresNothingThenTheRealButtonWorks() throws SQLException {
        text("/start");
        String question = sender.lastWithButtons();
        Button no = sender.sent.get(question).buttons().stream().filter(b -> b.label().equals("No")).findFirst().orElseThrow();
        ConversationState before = chat.state().orElseThrow();
        String rowBefore = stateJson(chat.user().key());
        int sentBefore = sender.sent.size();
        clock.advance(Duration.ofMinutes(3));

        press(chat.user(), chat.chat(), no.data(), Optional.of("m999"));

        assertThat(stateJson(chat.user().key())).isEqualTo(rowBefore);
        assertThat(chat.state()).contains(before);
        assertThat(store.cursor("test")).hasValue(cursor);
        // One message: the refusal, then the question again with its buttons, so the person is not stuck.
        assertThat(sender.sent).hasSize(sentBefore + 1);
        Part answer = sender.sent.get(sender.lastWithButtons());
        assertThat(answer.text()).startsWith("That button is no longer valid.\n\nQuestion 1 of up to 18: Do you have any numbness");
        assertThat(answer.buttons()).isEqualTo(sender.sent.get(question).buttons());

        String again = sender.lastWithButtons();
        press(chat.user(), chat.chat(), no.data(), Optional.of(again));

        assertThat(chat.state().orElseThrow().triageAnswers()).hasSize(before.triageAnswers().size() + 1);
        assertThat(sender.lastText()).startsWith("Question 2 of");
    }

    @Test
    void anotherPersonsMessageIsNotTheirsToPress() throws SQLException {
        text("/start");
        String question = sender.lastWithButtons();
        String no = no(question);
        UserRef eve = UserRef.of("test", "eve");
        ChatDriver eves = new ChatDriver(store, clock, "eve");
        eves.coach().handleQueued(new Incoming.Text(eve, eves.chat(), "/start", clock.instant()), Optional.empty());
        drain();
        String eveBefore = stateJson(eve.key());

        press(eve, eves.chat(), no, Optional.of(question));

        assertThat(stateJson(eve.key())).isEqualTo(eveBefore);
        assertThat(sender.lastText()).startsWith("That button is no longer valid.\n\nQuestion 1 of");
        assertThat(store.sentButtons(new Incoming.Press(chat.user(), chat.chat(), no, clock.instant(), Optional.of(question)))).isTrue();
        assertThat(store.sentButtons(new Incoming.Press(eve, eves.chat(), no, clock.instant(), Optional.of(question)))).isFalse();
    }

    @Test
    void aGroupMessagesButtonsAreAnyMembersAndAMessageWithoutButtonsIsNotRecorded() {
        ChatRef group = ChatRef.group("test", "-100");
        UserRef coach = UserRef.of("test", "coach");
        store.commit(new TurnCommit("", Optional.empty(), Optional.of(new Outgoing(coach, group, Urgency.REPLY,
                List.of(Reply.text("Hello, group."), Reply.choices("Join?", List.of(new Button("Join", "grp:join:x:y")))),
                clock.instant())), Optional.empty()));
        drain();

        assertThat(sender.sent).hasSize(1);
        String posted = sender.lastWithButtons();
        UserRef member = UserRef.of("test", "member");
        assertThat(store.sentButtons(new Incoming.Press(member, group, "grp:join:x:y", clock.instant(), Optional.of(posted)))).isTrue();
        // On a platform whose presses in a group come through the person's own interaction (Discord), too.
        assertThat(store.sentButtons(new Incoming.Press(member, ChatRef.privateChat("test", "i1"), "grp:join:x:y",
                clock.instant(), Optional.of(posted)))).isTrue();

        store.commit(new TurnCommit("", Optional.empty(), Optional.of(new Outgoing(coach, ChatRef.privateChat("test", "coach"),
                Urgency.REPLY, List.of(Reply.text("No buttons here.")), clock.instant())), Optional.empty()));
        drain();
        String plain = new ArrayList<>(sender.sent.keySet()).get(1);
        assertThat(store.sentButtons(new Incoming.Press(coach, ChatRef.privateChat("test", "coach"), "grp:join:x:y",
                clock.instant(), Optional.of(plain)))).isFalse();
    }

    @Test
    void inAGroupTheRefusalSaysNothingOfThePersonsOwnQuestion() throws SQLException {
        text("/start");
        String rowBefore = stateJson(chat.user().key());
        int sentBefore = sender.sent.size();

        press(chat.user(), ChatRef.group("test", "-100"), "grp:join:x:y", Optional.of("m999"));

        assertThat(sender.sent).hasSize(sentBefore + 1);
        assertThat(sender.lastText()).isEqualTo("That button is no longer valid.");
        assertThat(sender.sent.get(new ArrayList<>(sender.sent.keySet()).get(sentBefore)).buttons()).isEmpty();
        assertThat(stateJson(chat.user().key())).isEqualTo(rowBefore);
    }

    @Test
    void aRecordOlderThanTheRetentionIsPrunedAndItsButtonsNoLongerTaken() {
        text("/start");
        String question = sender.lastWithButtons();
        String no = no(question);
        clock.advance(Duration.ofDays(31));

        assertThat(outbox.forgetButtonsSentBefore(clock.instant().minus(Duration.ofDays(30)))).isEqualTo(1);
        ConversationState before = chat.state().orElseThrow();
        press(chat.user(), chat.chat(), no, Optional.of(question));

        assertThat(chat.state()).contains(before);
        assertThat(sender.lastText()).startsWith("That button is no longer valid.\n\nQuestion 1 of");
    }

    @Test
    void aPressArrivingBeforeItsMessageIsRecordedWaitsForTheRecordAndIsTaken() throws Exception {
        text("/start");
        String no = no(sender.lastWithButtons());
        ConversationState before = chat.state().orElseThrow();
        // The next message goes out slowly: the person presses it before the platform's answer is back.
        chat.coach().handleQueued(new Incoming.Text(chat.user(), chat.chat(), "/help", clock.instant()), Optional.empty());
        Thread[] pressing = new Thread[1];
        Dispatcher slow = new Dispatcher(outbox, new NamingSender() {
            @Override
            public Outcome send(OutboxMessage message, Part part, int index) {
                String id = "slow-" + index;
                pressing[0] = new Thread(() -> chat.coach().handleQueued(new Incoming.Press(chat.user(), chat.chat(), no,
                        clock.instant(), Optional.of(id)), Optional.empty()));
                pressing[0].start();
                sleep(300);
                sender.sent.put(id, part);
                return Outcome.sent(id);
            }
        }, (user, at) -> { }, clock, Runnable::run, 1);
        slow.dispatchDue();
        pressing[0].join(10_000);
        slow.close();
        drain();

        assertThat(chat.state().orElseThrow().triageAnswers()).hasSize(before.triageAnswers().size() + 1);
        assertThat(sender.lastText()).startsWith("Question 2 of");
    }

    @Test
    void aMessageSentAgainAfterARestartLeavesItsFirstCopysButtonsPressable() {
        chat.coach().handleQueued(new Incoming.Text(chat.user(), chat.chat(), "/start", clock.instant()), Optional.empty());
        // The process died after the platform took the first question (its id, "lost", never recorded) and
        // before the outbox heard of it: the next start sends it again.
        dispatcher.close();
        dispatcher = new Dispatcher(outbox, sender, (user, at) -> { }, clock, Runnable::run, 1);
        drain();
        String resent = sender.lastWithButtons();
        String no = no(resent);
        ConversationState before = chat.state().orElseThrow();

        // A button the first copy did not carry, under its id, is still refused.
        press(chat.user(), chat.chat(), "t:not_a_question:no", Optional.of("lost"));
        assertThat(sender.lastText()).startsWith("That button is no longer valid.");
        assertThat(chat.state()).contains(before);

        press(chat.user(), chat.chat(), no, Optional.of("lost"));
        assertThat(chat.state().orElseThrow().triageAnswers()).hasSize(before.triageAnswers().size() + 1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aPressNamingNoMessageIsTakenAsBefore() {
        text("/start");
        String no = no(sender.lastWithButtons());
        ConversationState before = chat.state().orElseThrow();

        press(chat.user(), chat.chat(), no, Optional.empty());

        assertThat(chat.state().orElseThrow().triageAnswers()).hasSize(before.triageAnswers().size() + 1);
    }
}
