package dev.comeback.core.conversation;

import dev.comeback.core.message.Button;
import dev.comeback.core.safety.TextReader;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what people type where a button was expected: "yep", "nah", "not really", "kinda?", a prefix of a
 * label ("yes" for "Yes, no spikes"), or a pain score in words ("about 6", "like a 5", "seven"). Pure.
 */
final class FreeAnswers {
    enum Kind { YES, NO, UNSURE }

    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final List<String> UNSURE_STARTS = List.of("not sure", "unsure", "idk", "i dont know", "dont know",
            "dunno", "no idea", "kinda", "kind of", "sort of", "sorta", "maybe", "perhaps", "possibly", "not certain",
            "hard to say", "hard to tell", "i guess", "i think so", "no clue", "still not sure", "cant tell", "cant say");
    private static final List<String> NO_STARTS = List.of("no", "nope", "nah", "n", "nay", "never", "none", "nothing",
            "negative", "not really", "not at all", "not yet", "it doesnt", "it does not", "noo", "nop", "no way", "not");
    private static final List<String> YES_STARTS = List.of("yes", "yep", "yeah", "yea", "ya", "yah", "yup", "y", "sure",
            "correct", "definitely", "absolutely", "affirmative", "aye", "uh huh", "it does", "true", "a bit", "a little",
            "slightly", "somewhat", "yess", "yas", "passed");
    /** Longer texts are sentences, not answers: "I did deadlifts and..." is not a yes. */
    private static final int MAX_ANSWER_WORDS = 4;
    /** Words around a score that do not change it: "about 6", "like a 5", "a solid 7 I'd say", "6ish". */
    private static final Set<String> SCORE_FILLER = Set.of("about", "around", "like", "a", "an", "maybe", "roughly",
            "approx", "approximately", "probably", "prob", "its", "it", "is", "im", "at", "solid", "id", "say", "i",
            "would", "guess", "pain", "my", "the", "score", "today", "now", "right", "ish", "out", "of", "ten", "10",
            "just", "only", "still", "was", "feels", "feel", "think", "ok", "so", "um", "uh", "hmm", "well");
    private static final Pattern SCORE_TOKEN = Pattern.compile("(\\d{1,2})(?:ish)?");

    private FreeAnswers() {
    }

    /** What a typed answer means as yes, no or not sure; empty when it is none of them. */
    static Optional<Kind> kind(String text) {
        String t = words(text);
        if (t.isEmpty() || t.split(" ").length > MAX_ANSWER_WORDS) {
            return Optional.empty();
        }
        for (var entry : List.of(Map.entry(Kind.UNSURE, UNSURE_STARTS), Map.entry(Kind.NO, NO_STARTS), Map.entry(Kind.YES, YES_STARTS))) {
            for (String start : entry.getValue()) {
                if (t.equals(start) || t.startsWith(start + " ")) {
                    return Optional.of(entry.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /** What kind of answer a button's label gives, judged by how it starts. */
    static Optional<Kind> kindOf(Button button) {
        String label = words(button.label());
        if (label.startsWith("not sure") || label.startsWith("still not sure")) {
            return Optional.of(Kind.UNSURE);
        }
        if (label.equals("no") || label.startsWith("no ") || label.startsWith("not yet")) {
            return Optional.of(Kind.NO);
        }
        if (label.equals("yes") || label.startsWith("yes ") || label.equals("passed")) {
            return Optional.of(Kind.YES);
        }
        return Optional.empty();
    }

    /**
     * The button a typed answer presses: the one whose label starts with the typed words ("yes" for "Yes, no
     * spikes", "pass" for "Passed"), or the one of the answer's kind (yes, no, not sure) when exactly one
     * button has it.
     */
    static Optional<Button> press(String text, List<Button> buttons) {
        String typed = words(text);
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        List<Button> byPrefix = buttons.stream().filter(b -> isWordPrefix(typed, words(b.label()))).toList();
        if (byPrefix.size() == 1) {
            return Optional.of(byPrefix.get(0));
        }
        Optional<Kind> kind = kind(text);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        List<Button> ofKind = buttons.stream().filter(b -> kindOf(b).equals(kind)).toList();
        return ofKind.size() == 1 ? Optional.of(ofKind.get(0)) : Optional.empty();
    }

    /**
     * A pain score typed in words or digits, {@code min}..{@code max} (0-10 in the protocol): "6", "6/10",
     * "about 6", "like a 5", "seven", "7 out of 10". A range ("3-4") or a number out of range is empty.
     */
    static Optional<Integer> painScore(String text, int min, int max) {
        String t = TextReader.fold(text).replaceAll("(/|\\bout of)\\s*(10|ten)\\b", " ");
        if (t.matches(".*\\d\\s*(-|to)\\s*\\d.*")) {
            return Optional.empty();
        }
        Integer score = null;
        for (String w : NOT_WORD.matcher(t).replaceAll(" ").trim().split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            Integer value = null;
            Matcher m = SCORE_TOKEN.matcher(w);
            if (m.matches()) {
                value = Integer.parseInt(m.group(1));
            } else {
                value = NumberWords.parse(w.replace("ish", "")).orElse(null);
            }
            if (value != null) {
                if (score != null) {
                    return Optional.empty();
                }
                score = value;
            } else if (value == null && !SCORE_FILLER.contains(w)) {
                return Optional.empty();
            }
        }
        return score != null && score >= min && score <= max ? Optional.of(score) : Optional.empty();
    }

    private static boolean isWordPrefix(String typed, String label) {
        List<String> t = Arrays.asList(typed.split(" "));
        List<String> l = Arrays.asList(label.split(" "));
        if (t.size() > l.size()) {
            return false;
        }
        for (int i = 0; i < t.size() - 1; i++) {
            if (!t.get(i).equals(l.get(i))) {
                return false;
            }
        }
        String last = t.get(t.size() - 1);
        return last.length() >= (t.size() == 1 ? 2 : 1) && l.get(t.size() - 1).startsWith(last);
    }

    private static String words(String text) {
        return NOT_WORD.matcher(TextReader.fold(text)).replaceAll(" ").trim();
    }
}
