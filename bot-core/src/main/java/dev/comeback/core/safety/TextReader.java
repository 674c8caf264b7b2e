package dev.comeback.core.safety;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what a person typed into sentences of plain words: accents dropped, lower case, apostrophes removed
 * ("can't" -> "cant"), runs of three or more equal letters cut to two, and words that are neither in the
 * vocabulary nor known English corrected to the nearest vocabulary word by edit distance (Apache Commons
 * Text's {@link LevenshteinDistance}; an exchange of two neighbouring letters counts as one edit). Pure and
 * thread-safe.
 */
public final class TextReader {
    /** Long enough for any message a person types; scanning stays cheap for 10,000-character pastes. */
    public static final int MAX_READ_CHARS = 20_000;
    /** Sentences end at these; a negation never reaches across them. */
    private static final Pattern SENTENCE_BREAK =
            Pattern.compile("[.!?;\\n\\r]+|\\b(?:but|however|though|although|except|yet)\\b");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern LONG_RUN = Pattern.compile("([a-z])\\1{2,}");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9,]+");
    /** Words that end the reach of a negation inside a sentence, like a comma does. */
    private static final Set<String> SOFT_BREAKS = Set.of(",", "and", "so", "because", "cause", "cuz", "since",
            "then", "while", "also", "plus");

    private final List<String> correctable;
    private final Set<String> known;

    /**
     * @param vocabulary words that matter (a typo of one is corrected to it)
     * @param knownWords real words never corrected, though they are near a vocabulary word ("single", not "tingle")
     */
    public TextReader(Collection<String> vocabulary, Collection<String> knownWords) {
        this.correctable = vocabulary.stream().filter(w -> w.length() >= 4).distinct().sorted().toList();
        Set<String> k = new HashSet<>(vocabulary);
        k.addAll(knownWords);
        this.known = Set.copyOf(k);
    }

    /** A sentence as words, commas kept as words of their own. */
    public record Sentence(List<String> words) {
        public Sentence {
            words = List.copyOf(words);
        }

        /** True when word i is a comma or a word like "and", beyond which a negation does not reach. */
        public boolean isBreak(int i) {
            return SOFT_BREAKS.contains(words.get(i));
        }

        public int size() {
            return words.size();
        }
    }

    /** The text as sentences; only the first {@link #MAX_READ_CHARS} characters are read. */
    public List<Sentence> read(String text) {
        String limited = text.length() > MAX_READ_CHARS ? text.substring(0, MAX_READ_CHARS) : text;
        String folded = fold(limited);
        List<Sentence> sentences = new ArrayList<>();
        for (String part : SENTENCE_BREAK.split(folded)) {
            String spaced = NOT_WORD.matcher(part.replace(",", " , ")).replaceAll(" ").trim();
            if (spaced.isEmpty()) {
                continue;
            }
            List<String> words = new ArrayList<>();
            for (String w : spaced.split(" +")) {
                words.add(correct(w));
            }
            sentences.add(new Sentence(words));
        }
        return sentences;
    }

    /** Lower case, no accents, straight quotes removed, long letter runs cut to two. */
    public static String fold(String text) {
        String s = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT).replace("\u2019", "").replace("\u2018", "").replace("'", "").replace("`", "");
        return LONG_RUN.matcher(s).replaceAll("$1$1");
    }

    private String correct(String word) {
        if (known.contains(word) || word.length() < 5 || !word.chars().allMatch(Character::isLetter)) {
            return word;
        }
        int max = word.length() >= 8 ? 2 : 1;
        LevenshteinDistance distance = new LevenshteinDistance(max);
        String best = word;
        int bestDistance = max + 1;
        for (String v : correctable) {
            if (Math.abs(v.length() - word.length()) > max) {
                continue;
            }
            int d = oneSwap(word, v) ? 1 : distance.apply(word, v);
            if (d >= 0 && d < bestDistance) {
                best = v;
                bestDistance = d;
            }
        }
        return best;
    }

    /** True when {@code a} is {@code b} with two neighbouring letters exchanged ("grion" for "groin"). */
    private static boolean oneSwap(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int first = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                first = i;
                break;
            }
        }
        return first >= 0 && first + 1 < a.length()
                && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first)
                && a.substring(first + 2).equals(b.substring(first + 2));
    }
}
