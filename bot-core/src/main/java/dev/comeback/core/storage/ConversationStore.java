package dev.comeback.core.storage;

import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.UserRef;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Where conversation states live between turns, with the outbox and inbound cursors written alongside. */
public interface ConversationStore {
    Optional<ConversationState> load(String userKey);

    /** The key of every stored conversation (start-up planning walks them). */
    List<String> userKeys();

    /** How far the inbound stream {@code name} is handled, if it was ever moved. */
    OptionalLong cursor(String name);

    /**
     * Whether {@code press} comes from a message the bot sent with buttons that its person may press: one to
     * them (their private chat, or an answer only they see) or one posted in a group, recorded under the
     * press's message id; or one whose id went unrecorded (the process died between sending it and recording
     * it) that carried the pressed button, to them or in the group pressed in. False for a message it never
     * sent, and for one recorded longer ago than the records are kept ({@code reminders.delivery.retention.days}).
     */
    boolean sentButtons(Incoming.Press press);

    /** Whether {@code user} has messages in the outbox not yet all sent (a record of buttons may be on its way). */
    boolean sending(UserRef user);

    /** Writes the turn in one transaction; when this returns it is committed and survives a hard kill. */
    void commit(TurnCommit commit);

    default void save(String userKey, ConversationState state) {
        commit(TurnCommit.state(userKey, state));
    }
}
