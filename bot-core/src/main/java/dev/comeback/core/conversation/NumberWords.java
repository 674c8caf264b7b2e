package dev.comeback.core.conversation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whole numbers written as words or digits: "seven", "eighty-two", "one hundred and eighty", "a hundred
 * eighty", "180". Only the number itself: hedges like "about" are for the caller. Range 0 to 999,999.
 */
public final class NumberWords {
    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("fourty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
            Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));

    private NumberWords() {
    }

    /** The number {@code text} spells, or empty when it is anything else (including an empty text). */
    public static Optional<Integer> parse(String text) {
        String t = text.toLowerCase(Locale.ROOT).strip();
        if (t.matches("\\d{1,6}")) {
            return Optional.of(Integer.parseInt(t));
        }
        String[] words = t.replace('-', ' ').split("\\s+");
        int total = 0;
        int group = 0;
        boolean any = false;
        String previous = "";
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.equals("a") && i == 0 && words.length > 1) {
                group = 1;
            } else if (w.equals("and")) {
                if (!previous.equals("hundred") && !previous.equals("thousand")) {
                    return Optional.empty();
                }
            } else if (w.equals("hundred")) {
                if (group < 1 || group > 9) {
                    return Optional.empty();
                }
                group *= 100;
                any = true;
            } else if (w.equals("thousand")) {
                if (group < 1 || total > 0) {
                    return Optional.empty();
                }
                total = group * 1000;
                group = 0;
                any = true;
            } else {
                Integer value = UNITS.get(w);
                if (value == null || value == 0 && words.length > 1) {
                    return Optional.empty();
                }
                int lastTwo = group % 100;
                boolean fits = value >= 10 ? lastTwo == 0 : lastTwo == 0 || lastTwo >= 20 && lastTwo % 10 == 0;
                if (!fits) {
                    return Optional.empty();
                }
                if (previous.equals("a")) {
                    return Optional.empty();
                }
                group += value;
                any = true;
            }
            previous = w;
        }
        return any ? Optional.of(total + group) : Optional.empty();
    }
}
