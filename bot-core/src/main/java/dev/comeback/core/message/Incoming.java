package dev.comeback.core.message;

import java.time.Instant;
import java.util.Objects;

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

    /** A pressed button, carrying the {@link Button#data()} of the button. */
    record Press(UserRef user, ChatRef chat, String data, Instant at) implements Incoming {
        public Press {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(at, "at");
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
