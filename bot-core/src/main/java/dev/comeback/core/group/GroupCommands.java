package dev.comeback.core.group;

import java.util.List;
import java.util.Objects;

/** The group commands, one table from which each platform builds its menu (Telegram's group menu, Discord's slash commands). */
public final class GroupCommands {
    /** A group command: its name without the slash and what the menu says about it (at most 100 characters). */
    public record Command(String name, String description) {
        public Command {
            Objects.requireNonNull(name, "name");
            if (description.isBlank() || description.length() > 100) {
                throw new IllegalArgumentException("a description of 1-100 characters, was '" + description + "'");
            }
        }
    }

    public static final List<Command> ALL = List.of(
            new Command("coach", "Make this chat a coaching group (admins): digest time and time zone"),
            new Command("join", "Join this coaching group; your own coaching continues in private"),
            new Command("leave", "Leave this coaching group's digests"),
            new Command("roster", "Coach: each member's latest check-in, sent to you privately"),
            new Command("nudge", "Coach: a friendly private reminder to check in, /nudge @name"),
            new Command("warmup", "Coach: warm-up reminder before training, /warmup mon wed fri 18:30"),
            new Command("digest", "Coach: post today's digest now"));

    private GroupCommands() {
    }
}
