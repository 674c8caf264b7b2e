package dev.comeback.core.delivery;

import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.UserRef;

import java.util.Map;

/**
 * Where a person's private messages go on their platform, resolved by the platform's adapter: on Telegram
 * a private chat has the person's id; on Discord a DM channel has its own id, which the adapter looks up when
 * it sends. The core never assumes the two are the same.
 */
@FunctionalInterface
public interface PrivateChats {
    ChatRef of(UserRef user);

    /** A platform whose private chat with a person is addressed by the person's own id. */
    static PrivateChats byUserId() {
        return user -> ChatRef.privateChat(user.platform(), user.id());
    }

    /** Each platform's resolver, by the person's platform. */
    static PrivateChats byPlatform(Map<String, PrivateChats> resolvers) {
        Map<String, PrivateChats> copy = Map.copyOf(resolvers);
        return user -> {
            PrivateChats resolver = copy.get(user.platform());
            if (resolver == null) {
                throw new IllegalStateException("no adapter running for " + user.platform());
            }
            return resolver.of(user);
        };
    }
}
