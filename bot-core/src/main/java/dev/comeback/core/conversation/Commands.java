package dev.comeback.core.conversation;

import java.util.List;

/**
 * The commands a person can send, with the one-line description shown in /help and platform menus, and the
 * typed options a platform with typed commands (Discord's slash commands) offers; an option's value is
 * passed as the command's argument ({@code /checkin 4}, {@code /snooze 30m}).
 */
public final class Commands {
    /** A typed argument: an integer within {@code min..max}, or free text. */
    public record Option(String name, String description, boolean integer, int min, int max) {
        public static Option integer(String name, String description, int min, int max) {
            return new Option(name, description, true, min, max);
        }

        public static Option text(String name, String description) {
            return new Option(name, description, false, 0, 0);
        }
    }

    public record Command(String name, String description, List<Option> options) {
        public Command {
            options = List.copyOf(options);
        }

        public Command(String name, String description) {
            this(name, description, List.of());
        }
    }

    public static final List<Command> ALL = List.of(
            new Command("start", "begin, or carry on where we were"),
            new Command("triage", "take the soreness-or-injury questions again"),
            new Command("checkin", "your daily check-in: pain before and after moving",
                    List.of(Option.integer("pain", "pain right now, before you move: 0 (none) to 10 (worst)", 0, 10))),
            new Command("today", "today's plan for your phase"),
            new Command("plan", "the whole road map and where you stand"),
            new Command("reminders", "what's coming"),
            new Command("snooze", "delay the next reminder: /snooze 30m or /snooze 1h",
                    List.of(Option.text("duration", "how long, like 30m or 1h"))),
            new Command("settings", "time zone, kg or lb, body weight, one-rep max, waking hours, training days",
                    List.of(Option.text("field", "what to change, and to what: weight 80, zone Europe/Berlin, units lb"))),
            new Command("status", "where you stand"),
            new Command("progress", "your pain chart over time"),
            new Command("history", "your last 14 check-ins"),
            new Command("report", "a one-page PDF for your physiotherapist or doctor"),
            new Command("export", "everything stored about you, as a file"),
            new Command("forget", "delete everything stored about you (asks first)"),
            new Command("stop", "pause everything until you send /start"),
            new Command("reset", "delete everything and start over (asks first)"),
            new Command("help", "the list of commands"));

    private Commands() {
    }
}
