package dev.comeback.core.conversation;

import java.util.List;

/** The commands a person can send, with the one-line description shown in /help and platform menus. */
public final class Commands {
    public record Command(String name, String description) {
    }

    public static final List<Command> ALL = List.of(
            new Command("start", "begin, or carry on where we were"),
            new Command("triage", "take the soreness-or-injury questions again"),
            new Command("checkin", "your daily check-in: pain before and after moving"),
            new Command("today", "today's plan for your phase"),
            new Command("plan", "the whole road map and where you stand"),
            new Command("reminders", "what's coming"),
            new Command("snooze", "delay the next reminder: /snooze 30m or /snooze 1h"),
            new Command("settings", "time zone, kg or lb, body weight, one-rep max, waking hours, training days"),
            new Command("status", "where you stand"),
            new Command("stop", "pause everything until you send /start"),
            new Command("reset", "delete everything and start over (asks first)"),
            new Command("help", "the list of commands"));

    private Commands() {
    }
}
