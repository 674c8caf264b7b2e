package dev.comeback.core;

import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.conversation.Turn;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.reminders.PlannedReminder;
import dev.comeback.core.storage.ConversationStore;
import dev.comeback.core.time.VirtualClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The dispatcher every adapter talks to: loads the person's state, runs one conversation step, commits the
 * new state, and only then returns the replies for the adapter to send. Turns of one person run one at a
 * time; different people run in parallel.
 */
public final class Coach {
    private static final Logger log = LoggerFactory.getLogger(Coach.class);
    static final String OUR_FAULT =
            "Sorry, something went wrong on my side and I could not take that in. Nothing you told me before is lost; please send it again in a moment.";

    /** Told after a turn changed a person's stored state (for example, to re-plan their reminders). */
    public interface TurnListener {
        void committed(UserRef user);
    }

    private final Conversation conversation;
    private final ConversationStore store;
    private volatile TurnListener listener = user -> { };
    private final ReentrantLock[] locks = new ReentrantLock[256];

    public Coach(Conversation conversation, ConversationStore store) {
        this.conversation = conversation;
        this.store = store;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public void setTurnListener(TurnListener listener) {
        this.listener = listener;
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

    public List<Reply> handle(Incoming in) {
        String key = in.user().key();
        ReentrantLock lock = locks[Math.floorMod(key.hashCode(), locks.length)];
        lock.lock();
        try {
            ConversationState state = store.load(key).orElseGet(() -> ConversationState.fresh(in.at()));
            Turn turn = conversation.step(state, in);
            if (!turn.state().equals(state)) {
                store.save(key, turn.state());
                notifyListener(in.user());
            }
            return turn.replies();
        } catch (RuntimeException e) {
            // The person must never meet silence; their stored state is untouched because nothing was saved.
            log.error("turn failed for {}", key, e);
            return List.of(Reply.text(OUR_FAULT));
        } finally {
            lock.unlock();
        }
    }
}
