package dev.comeback.core.group;

import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.UserRef;

/**
 * What only the platform knows about a group chat, asked by the core when a coach command or a join needs it:
 * Telegram reads the chat's administrators (getChatAdministrators) and the member's names (getChatMember);
 * Discord reads the Manage Server permission and the member's names from its cache; the console's
 * {@code --coach} is the admin.
 */
public interface GroupDirectory {
    /** Whether {@code user} may run coach commands in {@code group}; false when the platform cannot tell. */
    boolean isAdmin(UserRef user, ChatRef group);

    /** How the group calls {@code user}; the user's id when the platform cannot tell. */
    Name nameOf(UserRef user, ChatRef group);

    /** The group chat's title as the platform shows it; its id when the platform cannot tell. */
    String titleOf(ChatRef group);

    /**
     * Whether the bot may open a private chat with a person who never wrote to it (Discord's DMs, the console):
     * then {@code /join} joins at once and writes to them privately; otherwise (Telegram) it answers with a
     * link that opens the private chat with the join token.
     */
    boolean mayWriteFirst();

    /** {@code display}: shown in digests; {@code handle}: what {@code /nudge @handle} matches (no @). */
    record Name(String display, String handle) {
    }
}
