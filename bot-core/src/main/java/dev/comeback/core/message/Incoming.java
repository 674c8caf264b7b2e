package dev.comeback.core.message;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What an adapter hands the core: who wrote, where, when, and either text or a pressed button. */
public sealed interface Incoming permits Incoming.Text, Incoming.Press, Incoming.Due {
    UserRef user();

    ChatRef chat();

    Instant at();

    /**
     * Typed text; commands are text that starts with a slash. {@code addressed} is false for group talk not
     * meant for the bot (no command, mention or reply to it): the core stays silent on it unless it names an
     * emergency. In a private chat everything is addressed to the bot.
     */
    record Text(UserRef user, ChatRef chat, String text, Instant at, boolean addressed) implements Incoming {
        public Text {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(at, "at");
        }

        public Text(UserRef user, ChatRef chat, String text, Instant at) {
            this(user, chat, text, at, true);
        }
    }

    /**
     * A pressed button, carrying the {@link Button#data()} of the button and the platform's id of the message
     * it was under ({@code messageId}, unique on the platform, as its sender reported it when sending: see
     * {@code Outcome.Sent}). A press from a message the bot never sent with buttons to this person or group is
     * refused and changes nothing. Empty where there is no message to name (the console), and then the press
     * is taken as it is.
     */
    record Press(UserRef user, ChatRef chat, String data, Instant at, Optional<String> messageId) implements Incoming {
        public Press {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(messageId, "messageId");
        }

        /** A press that names no message (the console, tests of the conversation). */
        public Press(UserRef user, ChatRef chat, String data, Instant at) {
            this(user, chat, data, at, Optional.empty());
        }
    }

    /**
     * A reminder falling due: a proactive turn, made by the scheduler (or the console's virtual clock) rather
     * than by the person. {@code reminderId} and {@code dueAt} name the planned reminder; {@code at} is now.
     */
    record Due(UserRef user, ChatRef chat, String reminderId, Instant dueAt, Instant at) implements Incoming {
        public Due {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(reminderId, "reminderId");
            Objects.requireNonNull(dueAt, "dueAt");
            Objects.requireNonNull(at, "at");
        }
    }
}
