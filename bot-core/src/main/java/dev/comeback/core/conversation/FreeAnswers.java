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
            "hard to say", "hard to tell", "i guess", "i think so", "think so", "no clue", "still not sure", "cant tell",
            "cant say", "probably not", "i dont think so", "dont think so", "probably", "might be", "could be");
    private static final List<String> NO_STARTS = List.of("no", "nope", "nah", "n", "nay", "never", "none", "nothing",
            "negative", "not really", "not at all", "not yet", "it doesnt", "it does not", "noo", "nop", "no way", "not");
    private static final List<String> YES_STARTS = List.of("yes", "yep", "yeah", "yea", "ya", "yah", "yup", "y", "sure",
            "correct", "definitely", "absolutely", "affirmative", "aye", "uh huh", "it does", "true", "a bit", "a little",
            "slightly", "somewhat", "yess", "yas");
    /**
     * Longer texts are sentences, not answers ("I did deadlifts and..." is not a yes), unless their first word
     * is a plain yes or no ("no its just from leg day").
     */
    private static final int MAX_ANSWER_WORDS = 4;
    private static final Set<String> PLAIN_YES_NO = Set.of("yes", "yeah", "yep", "yup", "yea", "no", "nope", "nah");
    /** Words in front of an answer that do not change it: "lol no", "well yes", "ok nope". */
    private static final Set<String> LEAD_FILLER = Set.of("lol", "haha", "um", "uh", "umm", "hmm", "well", "ok", "okay",
            "oh", "ah", "erm", "so", "honestly", "tbh");
    /**
     * "No pain", "no problem", "not bad": a no to pain, not to the question. Where the no button is more than a
     * plain No ("Not yet" for a test passed without pain, "No, pain spiked"), such an answer is asked again,
     * never guessed.
     */
    private static final Pattern NO_TROUBLE = Pattern.compile(
            "^(no|not|nothing|never|none|nope|nah)( \\w+)? (pain|painful|problem|problems|issue|issues|trouble|hurt|hurts|hurting|bad|worries|spikes?|sweat)\\b.*");
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
        String t = withoutLeadFiller(words(text));
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String[] w = t.split(" ");
        if (w.length > MAX_ANSWER_WORDS && !PLAIN_YES_NO.contains(w[0])) {
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
        return press(text, buttons, Map.of());
    }

    /** Like {@link #press(String, List)}, first trying each button's other typed words ({@code typedByData}). */
    static Optional<Button> press(String text, List<Button> buttons, Map<String, List<String>> typedByData) {
        String typed = words(text);
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        String padded = " " + typed + " ";
        List<Button> byAlias = buttons.stream().filter(b -> typedByData.getOrDefault(b.data(), List.of()).stream()
                .anyMatch(a -> padded.contains(" " + words(a) + " "))).toList();
        if (byAlias.size() == 1) {
            return Optional.of(byAlias.get(0));
        }
        List<Button> byPrefix = buttons.stream().filter(b -> isWordPrefix(typed, words(b.label()))).toList();
        if (byPrefix.size() == 1) {
            return Optional.of(byPrefix.get(0));
        }
        Optional<Kind> kind = kind(text);
        if (kind.isPresent()) {
            List<Button> ofKind = buttons.stream().filter(b -> kindOf(b).equals(kind)).toList();
            if (ofKind.size() != 1) {
                return Optional.empty();
            }
            boolean plainNo = words(ofKind.get(0).label()).equals("no");
            if (kind.get() == Kind.NO && !plainNo && NO_TROUBLE.matcher(withoutLeadFiller(typed)).matches()) {
                return Optional.empty();
            }
            return Optional.of(ofKind.get(0));
        }
        boolean yesNoQuestion = buttons.stream().anyMatch(b -> kindOf(b).filter(k -> k != Kind.UNSURE).isPresent());
        return yesNoQuestion ? Optional.empty() : byDistinctWord(typed, buttons);
    }

    /**
     * A pain score typed in words or digits, {@code min}..{@code max} (0-10 in the protocol): "6", "6/10",
     * "about 6", "like a 5", "seven", "7 out of 10". A range ("3-4") or a number out of range is empty.
     */
    static Optional<Integer> painScore(String text, int min, int max) {
        String t = TextReader.fold(text).replaceAll("(/|\\bout of)\\s*(10|ten)\\b", " ");
        if (t.matches(".*\\d\\s*(-|to)\\s*\\d.*") || t.matches(".*(^|[^\\w])-\\s*\\d.*") || t.matches(".*\\d[.,]\\d.*")) {
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

    private static String withoutLeadFiller(String t) {
        String rest = t;
        while (true) {
            int space = rest.indexOf(' ');
            if (space < 0 || !LEAD_FILLER.contains(rest.substring(0, space))) {
                return rest;
            }
            rest = rest.substring(space + 1);
        }
    }

    /**
     * The one button whose label holds a typed word of 4+ letters that no other label holds ("stiff" for
     * "Dull, even stiffness", "stabbing when I bend" for "Sharp or stabbing"); empty when none or several do.
     */
    private static Optional<Button> byDistinctWord(String typed, List<Button> buttons) {
        Button found = null;
        for (String w : typed.split(" ")) {
            if (w.length() < 4 || COMMON.contains(w)) {
                continue;
            }
            List<Button> holding = buttons.stream()
                    .filter(b -> Arrays.stream(words(b.label()).split(" ")).anyMatch(l -> l.length() >= 4 && l.startsWith(w)))
                    .toList();
            if (holding.size() == 1) {
                if (found != null && found != holding.get(0)) {
                    return Optional.empty();
                }
                found = holding.get(0);
            }
        }
        return Optional.ofNullable(found);
    }

    /** Words too common to pick a button by. */
    private static final Set<String> COMMON = Set.of("that", "this", "with", "have", "when", "what", "just", "like",
            "feel", "feels", "about", "then", "they", "them", "from", "your", "mine", "more", "less", "some");

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
