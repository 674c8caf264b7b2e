package dev.comeback.core.testkit;

import dev.comeback.core.Coach;
import dev.comeback.core.content.Content;
import dev.comeback.core.content.ContentLoader;
import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.message.Button;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.reminders.PlannedReminder;
import dev.comeback.core.storage.ConversationStore;
import dev.comeback.core.time.VirtualClock;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Drives the real core like a chat: {@code chat.send("/start").press("No")}, then look at {@link #last()}.
 * Pressing a label finds the button among those shown in the latest turn, as a person would.
 */
public final class ChatDriver {
    public static final Content CONTENT = ContentLoader.defaults();

    private final Coach coach;
    private final ConversationStore store;
    private final VirtualClock clock;
    private final UserRef user;
    private final ChatRef chat;
    private List<Reply> last = List.of();
    private final List<Reply> all = new ArrayList<>();

    public ChatDriver(ConversationStore store, VirtualClock clock, String userId) {
        this.store = store;
        this.clock = clock;
        this.coach = new Coach(new Conversation(CONTENT), store);
        this.user = UserRef.of("test", userId);
        this.chat = ChatRef.privateChat("test", userId);
    }

    public static ChatDriver inMemory() {
        return at(Instant.parse("2026-03-02T13:00:00Z"));
    }

    public static ChatDriver at(Instant start) {
        return new ChatDriver(new InMemoryConversationStore(), new VirtualClock(start, ZoneId.of("UTC")), "alice");
    }

    public ChatDriver send(String text) {
        return record(coach.handle(new Incoming.Text(user, chat, text, clock.instant())));
    }

    public ChatDriver sendInGroup(String groupId, String text) {
        return record(coach.handle(new Incoming.Text(user, ChatRef.group("test", groupId), text, clock.instant())));
    }

    /** Presses the button with this label (case-insensitive) from the latest turn. */
    public ChatDriver press(String label) {
        Button button = last.stream().flatMap(r -> r.buttons().stream())
                .filter(b -> b.label().equalsIgnoreCase(label)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no button '" + label + "' in: " + lastText()));
        return pressData(button.data());
    }

    public ChatDriver pressData(String data) {
        return record(coach.handle(new Incoming.Press(user, chat, data, clock.instant())));
    }

    public ChatDriver pressRepeatedly(String label, int times) {
        for (int i = 0; i < times; i++) {
            press(label);
        }
        return this;
    }

    /** Like the console's :wait: moves the clock, delivering each reminder as it falls due, in order. */
    public List<Reply> waitDelivering(Duration duration) {
        List<Reply> delivered = new ArrayList<>();
        coach.deliverDueUntil(user, chat, clock, clock.instant().plus(duration), (reminder, replies) -> {
            if (!replies.isEmpty()) {
                // A reminder already sent inside an earlier one's message says nothing of its own.
                last = replies;
            }
            all.addAll(replies);
            delivered.addAll(replies);
        });
        return delivered;
    }

    /** Hands the core a due reminder at the clock's current time (which may be late, as after downtime). */
    public ChatDriver deliver(PlannedReminder reminder) {
        return record(coach.handle(new Incoming.Due(user, chat, reminder.id(), reminder.dueAt(), clock.instant())));
    }

    public List<PlannedReminder> planned(Duration ahead) {
        return coach.plannedReminders(user, clock.instant(), clock.instant().plus(ahead));
    }

    public Instant now() {
        return clock.instant();
    }

    public ChatDriver advance(Duration duration) {
        clock.advance(duration);
        return this;
    }

    private ChatDriver record(List<Reply> replies) {
        last = replies;
        all.addAll(replies);
        return this;
    }

    public List<Reply> last() {
        return last;
    }

    public String lastText() {
        return last.stream().map(Reply::text).collect(Collectors.joining("\n"));
    }

    public List<String> lastButtonLabels() {
        return last.stream().flatMap(r -> r.buttons().stream()).map(Button::label).toList();
    }

    public List<Button> lastButtons() {
        return last.stream().flatMap(r -> r.buttons().stream()).toList();
    }

    public Optional<ConversationState> state() {
        return store.load(user.key());
    }

    public UserRef user() {
        return user;
    }

    public ChatRef chat() {
        return chat;
    }

    public Coach coach() {
        return coach;
    }
}
