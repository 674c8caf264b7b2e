package dev.comeback.core;

import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.conversation.Turn;
import dev.comeback.core.group.GroupDesk;
import dev.comeback.core.group.MemberEvent;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.progress.ProgressEvent;
import dev.comeback.core.progress.ProgressEvents;
import dev.comeback.core.reminders.PlannedReminder;
import dev.comeback.core.delivery.Outgoing;
import dev.comeback.core.delivery.Urgency;
import dev.comeback.core.storage.ConversationStore;
import dev.comeback.core.storage.AlreadyRecordedException;
import dev.comeback.core.storage.Cursor;
import dev.comeback.core.storage.DeliveryMark;
import dev.comeback.core.storage.TurnCommit;
import dev.comeback.core.time.VirtualClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The dispatcher every adapter talks to: loads the person's state, runs one conversation step, and commits
 * the new state before any reply can reach anyone: handed back ({@link #handle}) or committed with it into
 * the outbox ({@link #handleQueued}). Turns of one person run one at a time; different people in parallel.
 * A button press naming a message the bot never sent with buttons to that person or group (see
 * {@link Incoming.Press}) is answered "that button is no longer valid", with the current question, and
 * changes nothing stored.
 */
public final class Coach {
    private static final Logger log = LoggerFactory.getLogger(Coach.class);
    static final String OUR_FAULT =
            "Sorry, something went wrong on my side and I could not take that in. Nothing you told me before is lost; please send it again in a moment.";

    /** Told after a turn changed a person's stored state (for example, to re-plan their reminders). */
    public interface TurnListener {
        void committed(UserRef user);
    }

    /** How long a press from a message not on record waits for the person's messages still being sent. */
    private static final java.time.Duration RECORD_WAIT = java.time.Duration.ofSeconds(5);

    private final Conversation conversation;
    private final ConversationStore store;
    private final ProgressEvents history;
    private volatile TurnListener listener = user -> { };
    private volatile Optional<GroupDesk> groups = Optional.empty();
    private final ReentrantLock[] locks = new ReentrantLock[256];

    public Coach(Conversation conversation, ConversationStore store) {
        this.conversation = conversation;
        this.store = store;
        this.history = new ProgressEvents(conversation.content().protocol());
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public void setTurnListener(TurnListener listener) {
        this.listener = listener;
    }

    /**
     * Hands coaching-group turns (group commands, joining by link, the sharing questions) to {@code desk}; without
     * one, a group only ever gets the pointer to a private chat.
     */
    public void setGroups(GroupDesk desk) {
        this.groups = Optional.of(desk);
    }

    public Optional<GroupDesk> groups() {
        return groups;
    }

    /**
     * Runs one turn and hands back its messages, each with its destination (a group turn may post in the group
     * and write to a member privately): the console in group mode, which prints them itself.
     */
    public List<Outgoing> handleRouted(Incoming in) {
        boolean refused = unknownMessage(in);
        if (!refused && groups.isPresent() && groups.get().claims(in)) {
            try {
                return groups.get().turn(in, false, Optional.empty()).orElseThrow();
            } catch (RuntimeException e) {
                log.error("group turn failed for {}", in.user().key(), e);
                return List.of(new Outgoing(in.user(), in.chat(), Urgency.REPLY, List.of(Reply.text(OUR_FAULT)), in.at()));
            }
        }
        List<Reply> replies = handle(in, refused);
        return replies.isEmpty() ? List.of() : List.of(new Outgoing(in.user(), in.chat(), urgencyOf(in), replies, in.at()));
    }

    /**
     * A platform event about who is in a group chat (a member left, the bot was removed), with the inbound
     * stream's {@code cursor} moved in the same transaction. Throws if it cannot be stored.
     */
    public void memberEvent(MemberEvent event, Optional<Cursor> cursor) {
        if (groups.isPresent()) {
            groups.get().event(event, cursor);
        } else {
            cursor.ifPresent(this::skip);
        }
    }

    /** Everyone with a stored conversation. */
    public List<UserRef> people() {
        return store.userKeys().stream().map(UserRef::fromKey).toList();
    }

    /** The reminders the person's stored plan has due after {@code from} and at or before {@code to}. */
    public List<PlannedReminder> plannedReminders(UserRef user, Instant from, Instant to) {
        return store.load(user.key()).map(s -> conversation.plannedReminders(s, from, to)).orElse(List.of());
    }

    /**
     * Moves a virtual clock to {@code target}, handing each reminder of this person that falls due on the way
     * to the core at its due time, in order, re-planning after each (a delivery can move them into a new
     * phase). Reminders can share a minute, so each look starts just before the last one handled.
     */
    public void deliverDueUntil(UserRef user, ChatRef chat, VirtualClock clock, Instant target,
                                BiConsumer<PlannedReminder, List<Reply>> delivered) {
        Set<String> handled = new HashSet<>();
        Instant from = clock.instant();
        while (true) {
            Optional<PlannedReminder> next = plannedReminders(user, from, target).stream()
                    .filter(r -> !handled.contains(r.id())).findFirst();
            if (next.isEmpty()) {
                break;
            }
            PlannedReminder due = next.get();
            clock.advanceTo(due.dueAt());
            delivered.accept(due, handle(new Incoming.Due(user, chat, due.id(), due.dueAt(), clock.instant())));
            handled.add(due.id());
            from = due.dueAt().minusNanos(1);
        }
        clock.advanceTo(target);
    }

    private void notifyListener(UserRef user) {
        try {
            listener.committed(user);
        } catch (RuntimeException e) {
            // The turn is committed and its replies must still go out; the plan is handed over next turn.
            log.error("after-turn work failed for {}", user.key(), e);
        }
    }

    /**
     * Runs one turn and hands its replies straight back (the console, which prints them itself). If the turn
     * cannot be stored, the person is told so and nothing of it is kept.
     */
    public List<Reply> handle(Incoming in) {
        return handle(in, unknownMessage(in));
    }

    private List<Reply> handle(Incoming in, boolean refused) {
        if (!refused && groups.isPresent() && groups.get().claims(in)) {
            return handleRouted(in).stream().filter(o -> o.chat().equals(in.chat()))
                    .flatMap(o -> o.replies().stream()).toList();
        }
        try {
            return turn(in, false, Optional.empty(), Optional.empty(), refused).orElseThrow();
        } catch (RuntimeException e) {
            log.error("turn failed for {}", in.user().key(), e);
            return List.of(Reply.text(OUR_FAULT));
        }
    }

    /**
     * Runs one turn and puts its replies into the outbox in the same transaction as the new state and, for a
     * message from a platform's inbound stream, the stream's {@code cursor}: a reply to what the person wrote
     * goes out at once, anything else (a reminder) is paced. Returns false, doing nothing, when the stream
     * was already past {@code cursor} (the same update delivered twice). Throws if the turn could not be
     * committed; then nothing of it is kept, and the adapter should offer the message again later.
     */
    public boolean handleQueued(Incoming in, Optional<Cursor> cursor) {
        boolean refused = unknownMessage(in);
        if (!refused && groups.isPresent() && groups.get().claims(in)) {
            return groups.get().turn(in, true, cursor).isPresent();
        }
        return turn(in, true, cursor, Optional.empty(), refused).isPresent();
    }

    /**
     * Runs the turn of a reminder that fell due and records it as delivered in the delivery log, in the same
     * transaction as its state and (with {@code queue}) its outbox row: a reminder handed off again after a
     * crash is then recognised instead of delivered twice. Returns the replies (empty when queued), or
     * nothing, keeping nothing, when the reminder was recorded before. Throws if the turn cannot be stored.
     */
    public Optional<List<Reply>> handleDue(Incoming.Due due, boolean queue) {
        DeliveryMark mark = new DeliveryMark(due.user().key(), due.reminderId(), due.dueAt(), due.at());
        try {
            return turn(due, queue, Optional.empty(), Optional.of(mark), false).map(replies -> queue ? List.of() : replies);
        } catch (AlreadyRecordedException e) {
            return Optional.empty();
        }
    }

    /**
     * Queues {@code replies} for {@code chat} outside any turn (a platform telling a person something about the
     * platform itself, such as "please send that again"); the person's state is untouched.
     */
    public void tell(UserRef user, ChatRef chat, List<Reply> replies, Instant at) {
        store.commit(new TurnCommit(user.key(), Optional.empty(),
                Optional.of(new Outgoing(user, chat, Urgency.REPLY, replies, at)), Optional.empty()));
    }

    /** How far the inbound stream {@code name} is handled (committed), if it ever moved. */
    public OptionalLong cursor(String name) {
        return store.cursor(name);
    }

    /** Records that the inbound stream is handled up to {@code cursor} (an update the bot has nothing to say to). */
    public void skip(Cursor cursor) {
        synchronized (this) {
            if (!alreadyPast(cursor)) {
                store.commit(new TurnCommit("", Optional.empty(), Optional.empty(), Optional.of(cursor)));
            }
        }
    }

    /**
     * The platform says it can no longer reach this person (they blocked the bot): their reminders stop until
     * they come back and send /start, exactly as if they had sent /stop.
     */
    public void unreachable(UserRef user, Instant at) {
        String key = user.key();
        ReentrantLock lock = lockOf(key);
        lock.lock();
        try {
            Optional<ConversationState> stored = store.load(key);
            if (stored.isPresent() && !stored.get().paused()) {
                store.save(key, conversation.unreachable(stored.get(), at));
                notifyListener(user);
            }
        } finally {
            lock.unlock();
        }
    }

    /** One turn; {@code refused}: a press from a message not on record, answered without a step. */
    private Optional<List<Reply>> turn(Incoming in, boolean queue, Optional<Cursor> cursor,
                                       Optional<DeliveryMark> delivery, boolean refused) {
        String key = in.user().key();
        ReentrantLock lock = lockOf(key);
        lock.lock();
        try {
            if (cursor.isPresent() && alreadyPast(cursor.get())) {
                return Optional.empty();
            }
            Optional<ConversationState> changed;
            List<Reply> replies;
            List<ProgressEvent> events = List.of();
            boolean forget = false;
            try {
                ConversationState state = store.load(key).orElseGet(() -> ConversationState.fresh(in.at()));
                if (refused) {
                    changed = Optional.empty();
                    replies = conversation.unknownButton(state, (Incoming.Press) in);
                } else {
                    Turn turn = conversation.step(state, in);
                    forget = turn.forget();
                    changed = forget || turn.state().equals(state) ? Optional.empty() : Optional.of(turn.state());
                    replies = turn.replies();
                    events = changed.isPresent() ? history(key, state, turn.state(), in) : List.of();
                }
            } catch (RuntimeException e) {
                // A message that breaks the step (or a stored state that cannot be read) would break it again on
                // every retry: answer it, keep what is stored, and move on.
                log.error("turn failed for {}", key, e);
                changed = Optional.empty();
                replies = List.of(Reply.text(OUR_FAULT));
            }
            Optional<Outgoing> outgoing = queue && !replies.isEmpty()
                    ? Optional.of(new Outgoing(in.user(), in.chat(), urgencyOf(in), replies, in.at()))
                    : Optional.empty();
            store.commit(new TurnCommit(key, changed, outgoing, cursor, delivery, events, forget));
            // A reminder turn re-plans even when it changed nothing: one dropped from the plan (a phase began
            // while the process was down) must not end the chain of reminders. A forgotten person has no plan
            // left, so re-planning drops their scheduled reminders.
            if (changed.isPresent() || forget || in instanceof Incoming.Due) {
                notifyListener(in.user());
            }
            return Optional.of(replies);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A press from a message the bot never sent with buttons to this person or group: a forged press, or one on
     * a message too old to be on record. Taking it could answer today's question from yesterday's buttons.
     */
    private boolean unknownMessage(Incoming in) {
        if (!(in instanceof Incoming.Press press) || press.messageId().isEmpty()) {
            return false;
        }
        long deadline = System.nanoTime() + RECORD_WAIT.toNanos();
        while (!store.sentButtons(press)) {
            // A message can be pressed before its send is recorded (a quick client, or a restart sending it
            // again): while the person's outbox is not empty, the record may be on its way.
            if (!store.sending(press.user()) || System.nanoTime() - deadline > 0) {
                return true;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return false;
    }

    /** The turn's history events; a fault in recording them must not cost the person their turn. */
    private List<ProgressEvent> history(String key, ConversationState before, ConversationState after, Incoming in) {
        try {
            return history.between(before, after, in.at());
        } catch (RuntimeException e) {
            log.error("cannot record the history of a turn of {}", key, e);
            return List.of();
        }
    }

    private boolean alreadyPast(Cursor cursor) {
        OptionalLong handled = store.cursor(cursor.name());
        return handled.isPresent() && handled.getAsLong() >= cursor.position();
    }

    private static Urgency urgencyOf(Incoming in) {
        return in instanceof Incoming.Due ? Urgency.PROACTIVE : Urgency.REPLY;
    }

    private ReentrantLock lockOf(String userKey) {
        return locks[Math.floorMod(userKey.hashCode(), locks.length)];
    }
}
