package dev.comeback.core.testkit;

import dev.comeback.core.Coach;
import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.delivery.Outgoing;
import dev.comeback.core.delivery.PrivateChats;
import dev.comeback.core.group.GroupDesk;
import dev.comeback.core.group.GroupDirectory;
import dev.comeback.core.group.GroupStore;
import dev.comeback.core.message.Button;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.storage.ConversationStore;
import dev.comeback.core.time.VirtualClock;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Drives coaching groups through the real core: several people of platform {@code test}, one group chat, one
 * store. Every message the core sends is recorded with its destination ({@link #sent()}), so a test can read
 * what reached the group and what reached each private chat.
 */
public final class GroupDriver {
    public static final String PLATFORM = "test";

    private final Coach coach;
    private final GroupDesk desk;
    private final VirtualClock clock;
    private final ConversationStore store;
    private final ChatRef group;
    private final List<Outgoing> sent = new CopyOnWriteArrayList<>();

    /** {@code admins}: user ids the platform calls admins of the group; {@code writeFirst}: whether /join DMs at once. */
    public GroupDriver(ConversationStore store, GroupStore groups, VirtualClock clock, String groupId, Set<String> admins,
                       boolean writeFirst) {
        this.store = store;
        this.clock = clock;
        this.group = ChatRef.group(PLATFORM, groupId);
        this.coach = new Coach(new Conversation(ChatDriver.CONTENT), store);
        this.desk = new GroupDesk(ChatDriver.CONTENT, store, groups, PrivateChats.byUserId());
        desk.register(PLATFORM, new GroupDirectory() {
            @Override
            public boolean isAdmin(UserRef user, ChatRef chat) {
                return admins.contains(user.id());
            }

            @Override
            public Name nameOf(UserRef user, ChatRef chat) {
                return new Name(user.id(), user.id());
            }

            @Override
            public String titleOf(ChatRef chat) {
                return "Barbell Club";
            }

            @Override
            public boolean mayWriteFirst() {
                return writeFirst;
            }
        });
        coach.setGroups(desk);
    }

    public Coach coach() {
        return coach;
    }

    public GroupDesk desk() {
        return desk;
    }

    public ChatRef group() {
        return group;
    }

    /** A chat driver for {@code userId}'s private coaching over the same store and clock. */
    public ChatDriver person(String userId) {
        return new ChatDriver(store, clock, userId);
    }

    /** {@code userId} writes {@code text} in the group; returns what the turn sent, anywhere. */
    public List<Outgoing> inGroup(String userId, String text) {
        return record(coach.handleRouted(new Incoming.Text(UserRef.of(PLATFORM, userId), group, text, clock.instant())));
    }

    /** {@code userId} writes {@code text} in their private chat with the bot. */
    public List<Outgoing> inPrivate(String userId, String text) {
        return record(coach.handleRouted(new Incoming.Text(UserRef.of(PLATFORM, userId),
                ChatRef.privateChat(PLATFORM, userId), text, clock.instant())));
    }

    /** {@code userId} presses the button labelled {@code label} on the latest private message that has it. */
    public List<Outgoing> pressInPrivate(String userId, String label) {
        ChatRef chat = ChatRef.privateChat(PLATFORM, userId);
        Button button = null;
        for (int i = sent.size() - 1; i >= 0 && button == null; i--) {
            if (sent.get(i).chat().equals(chat)) {
                for (Reply r : sent.get(i).replies()) {
                    for (Button b : r.buttons()) {
                        if (b.label().equalsIgnoreCase(label)) {
                            button = b;
                        }
                    }
                }
            }
        }
        if (button == null) {
            throw new AssertionError("no button '" + label + "' in " + userId + "'s private chat");
        }
        return record(coach.handleRouted(new Incoming.Press(UserRef.of(PLATFORM, userId), chat, button.data(), clock.instant())));
    }

    /** Records messages sent outside a turn (digests), as the outbox would carry them. */
    public List<Outgoing> record(List<Outgoing> out) {
        sent.addAll(out);
        return out;
    }

    /** Everything sent so far, in order. */
    public List<Outgoing> sent() {
        return List.copyOf(sent);
    }

    /** The text of everything sent to the group chat so far. */
    public List<String> groupTexts() {
        return textsTo(group);
    }

    /** The text of everything sent to {@code userId}'s private chat so far. */
    public List<String> privateTexts(String userId) {
        return textsTo(ChatRef.privateChat(PLATFORM, userId));
    }

    private List<String> textsTo(ChatRef chat) {
        List<String> texts = new ArrayList<>();
        sent.stream().filter(o -> o.chat().equals(chat)).forEach(o -> o.replies().forEach(r -> texts.add(r.text())));
        return texts;
    }

    /** The text of one turn's messages to {@code chat}, joined. */
    public static String textTo(List<Outgoing> turn, ChatRef chat) {
        return String.join("\n", turn.stream().filter(o -> o.chat().equals(chat))
                .flatMap(o -> o.replies().stream()).map(Reply::text).toList());
    }
}
