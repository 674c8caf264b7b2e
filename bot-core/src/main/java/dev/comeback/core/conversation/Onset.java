package dev.comeback.core.conversation;

import dev.comeback.core.safety.TextReader;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the pain started, as people say it: "today", "this morning", "yesterday", "last night", "2 days ago",
 * "two days ago", "the day before yesterday", "on monday", "a week ago", "3+ days". Read as whole days back
 * from {@code today}, at most {@link #MOST_DAYS}: the buttons end at "3 or more days ago", and a person whose
 * pain began long ago starts the timeline no further on than that. Pure.
 */
final class Onset {
    /** "3 or more days ago": the furthest along the timeline an answer places anyone. */
    static final int MOST_DAYS = 3;

    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9+ ]+");
    private static final Pattern DAYS_AGO = Pattern.compile("\\b([a-z0-9]+)\\+? ?(?:days?|d)\\b(?: ago| back| before)?");
    private static final Pattern LONGER = Pattern.compile("\\b(weeks?|months?|a while|ages|long time|several days|few days|couple of days|more than|over|3\\+|3 or more)\\b");
    private static final Pattern TODAY = Pattern.compile("\\b(today|this morning|this afternoon|this evening|tonight|earlier|just now|an hour ago|hours? ago|few hours|this session|during my (?:session|workout|lift))\\b");

    private Onset() {
    }

    /** Whole days back (0 = today) the typed answer names, capped at {@link #MOST_DAYS}; empty when it names no day. */
    static Optional<Integer> read(String text, LocalDate today) {
        String t = NOT_WORD.matcher(TextReader.fold(text)).replaceAll(" ").replaceAll(" +", " ").trim();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.contains("day before yesterday")) {
            return Optional.of(2);
        }
        if (t.matches(".*\\b(yesterday|yday|last night)\\b.*")) {
            return Optional.of(1);
        }
        Matcher days = DAYS_AGO.matcher(t);
        if (days.find()) {
            String n = days.group(1);
            Optional<Integer> count = n.equals("a") || n.equals("one") ? Optional.of(1)
                    : n.equals("couple") ? Optional.of(2) : n.equals("few") || n.equals("several") ? Optional.of(MOST_DAYS)
                    : NumberWords.parse(n);
            if (count.isPresent()) {
                return Optional.of(Math.min(count.get(), MOST_DAYS));
            }
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().toLowerCase(Locale.ROOT);
            if (t.matches(".*\\b(" + name + "|" + name.substring(0, 3) + ")\\b.*")) {
                int back = Math.floorMod(today.getDayOfWeek().getValue() - day.getValue(), 7);
                if (back == 0 && t.matches(".*\\blast\\b.*")) {
                    back = 7;
                }
                return Optional.of(Math.min(back, MOST_DAYS));
            }
        }
        if (LONGER.matcher(t).find()) {
            return Optional.of(MOST_DAYS);
        }
        if (TODAY.matcher(t).find()) {
            return Optional.of(0);
        }
        return Optional.empty();
    }

    /** How the answer reads back: "today", "yesterday", "2 days ago", "3 or more days ago". */
    static String words(int days) {
        return switch (days) {
            case 0 -> "today";
            case 1 -> "yesterday";
            default -> days >= MOST_DAYS ? MOST_DAYS + " or more days ago" : days + " days ago";
        };
    }
}
