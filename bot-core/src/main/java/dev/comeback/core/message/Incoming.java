package dev.comeback.core.message;

import java.time.Instant;
import java.util.Objects;

/** What an adapter hands the core: who wrote, where, when, and either text or a pressed button. */
public sealed interface Incoming permits Incoming.Text, Incoming.Press {
    UserRef user();

    ChatRef chat();

    Instant at();

    /** Typed text; commands are text that starts with a slash. */
    record Text(UserRef user, ChatRef chat, String text, Instant at) implements Incoming {
        public Text {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(at, "at");
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
}
