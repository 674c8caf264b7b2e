package dev.comeback.core.group;

import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.UserRef;

import java.util.Objects;

/**
 * Whose turn it is: a person (their private coaching) or a coaching group (its settings, members, digests).
 * {@link #key()} is the storage key, the lock stripe and the scheduler's job group of the subject: a person's
 * is their user key ({@code telegram:123}), a group's is {@code group:} and the chat's key
 * ({@code group:telegram:-100123}), so the two can never collide.
 */
public sealed interface Subject permits Subject.Person, Subject.Group {
    String GROUP_PREFIX = "group:";

    String key();

    record Person(UserRef user) implements Subject {
        public Person {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public String key() {
            return user.key();
        }
    }

    record Group(ChatRef chat) implements Subject {
        public Group {
            Objects.requireNonNull(chat, "chat");
            if (!chat.isGroup()) {
                throw new IllegalArgumentException("not a group chat: " + chat.key());
            }
        }

        @Override
        public String key() {
            return GROUP_PREFIX + chat.key();
        }

        /** The inverse of {@link #key()}; throws IllegalArgumentException for any other key. */
        public static Group fromKey(String key) {
            if (!isGroupKey(key)) {
                throw new IllegalArgumentException("not a group key: " + key);
            }
            String chatKey = key.substring(GROUP_PREFIX.length());
            int colon = chatKey.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("not a group key: " + key);
            }
            return new Group(ChatRef.group(chatKey.substring(0, colon), chatKey.substring(colon + 1)));
        }
    }

    static boolean isGroupKey(String key) {
        return key.startsWith(GROUP_PREFIX);
    }
}
