package dev.comeback.core.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds emergency and warning signs described in free text, in the person's own words: a body region with a
 * loss of feeling or strength, or bladder and bowel function with a problem, within one sentence, read with
 * the negations, hedges and context around them. The vocabulary is data (config/red-flags.json). Pure and
 * thread-safe.
 */
public final class RedFlagDetector {
    /** How clearly a text names a sign, from nothing to certain. */
    public enum Reading { NONE, DENIED, UNSURE, CERTAIN }

    /** The strongest reading of a text and the sign it concerns (empty for {@link Reading#NONE}). */
    public record Finding(Reading reading, Optional<RedFlag> flag) {
        static final Finding NONE = new Finding(Reading.NONE, Optional.empty());

        Finding stronger(Finding other) {
            return other.reading.compareTo(reading) > 0 ? other : this;
        }
    }

    private static final int NEGATION_REACH_BEFORE = 4;
    private static final int NEGATION_REACH_AFTER = 3;

    private final TextReader reader;
    private final Map<String, List<String[]>> concepts = new HashMap<>();
    private final List<String[]> negationsBefore;
    private final List<String[]> negationsAfter;
    private final List<String[]> hedges;
    private final List<RedFlagRules.Sign> signs;
    private final List<RedFlagRules.Sign> warnings;
    private final List<RedFlagRules.Sign> urgent;

    public RedFlagDetector(RedFlagRules rules) {
        Set<String> vocabulary = new HashSet<>();
        rules.concepts().forEach((name, phrases) -> {
            concepts.put(name, phrases(phrases));
            phrases.forEach(p -> vocabulary.addAll(Arrays.asList(p.split(" "))));
        });
        this.negationsBefore = phrases(rules.negationsBefore());
        this.negationsAfter = phrases(rules.negationsAfter());
        this.hedges = phrases(rules.hedges());
        for (List<String> list : List.of(rules.negationsBefore(), rules.negationsAfter(), rules.hedges())) {
            list.forEach(p -> vocabulary.addAll(Arrays.asList(p.split(" "))));
        }
        this.reader = new TextReader(vocabulary, rules.knownWords());
        this.signs = rules.signs();
        this.warnings = rules.warnings();
        this.urgent = rules.urgent();
    }

    /**
     * The emergency sign the text names: certain (send emergency advice), or uncertain (ask); empty when none
     * is named or every mention is denied ("no numbness down there").
     */
    public Optional<RedFlag> scan(String text) {
        Finding f = read(text, signs, false);
        return f.reading() == Reading.CERTAIN || f.reading() == Reading.UNSURE ? f.flag() : Optional.empty();
    }

    /**
     * An urgent sign (a fever, weight lost without trying) the text names, certainly or hedged; empty when none
     * is named or every mention is denied ("no fever"). The bot always asks about it before acting.
     */
    public Optional<RedFlag> scanUrgent(String text) {
        Finding f = read(text, urgent, false);
        return f.reading() == Reading.CERTAIN || f.reading() == Reading.UNSURE ? f.flag() : Optional.empty();
    }

    /** A warning sign named clearly (negated or hedged warnings are left to the questions). */
    public Optional<RedFlag> scanWarning(String text) {
        Finding f = read(text, warnings, false);
        return f.reading() == Reading.CERTAIN ? f.flag() : Optional.empty();
    }

    /**
     * Reads a free answer to a safety question that asked about the emergency signs: there a denied symptom
     * word alone ("my bladder is fine", "legs not weak") is a no. CERTAIN means yes, DENIED a clear no,
     * UNSURE that the bot must ask, NONE that the text says nothing about the signs.
     */
    public Finding readSafetyAnswer(String text) {
        return read(text, signs, true);
    }

    private Finding read(String text, List<RedFlagRules.Sign> signList, boolean inSafetyContext) {
        Finding best = Finding.NONE;
        for (TextReader.Sentence sentence : reader.read(text)) {
            Clause s = new Clause(sentence);
            for (RedFlagRules.Sign sign : signList) {
                best = best.stronger(s.judge(sign, inSafetyContext));
                if (best.reading() == Reading.CERTAIN) {
                    return best;
                }
            }
        }
        return best;
    }

    private static List<String[]> phrases(List<String> phrases) {
        return phrases.stream().map(p -> p.trim().split(" +"))
                .sorted(Comparator.comparingInt((String[] p) -> p.length).reversed()).toList();
    }

    private record Span(int from, int to) {
    }

    /** One sentence with every concept, negation and hedge found in it. */
    private final class Clause {
        private final TextReader.Sentence words;
        private final Map<String, List<Span>> found = new HashMap<>();
        private final boolean[] taken;
        private final List<Span> negatesBefore;
        private final List<Span> negatesAfter;
        private final boolean hedged;

        Clause(TextReader.Sentence words) {
            this.words = words;
            this.taken = new boolean[words.size()];
            concepts.forEach((name, list) -> {
                List<Span> spans = find(list, null);
                if (!spans.isEmpty()) {
                    found.put(name, spans);
                    spans.forEach(this::take);
                }
            });
            List<Span> hedgeSpans = find(hedges, null);
            hedgeSpans.forEach(this::take);
            this.hedged = !hedgeSpans.isEmpty();
            this.negatesBefore = find(negationsBefore, taken);
            this.negatesAfter = find(negationsAfter, taken);
        }

        private void take(Span span) {
            for (int i = span.from(); i < span.to(); i++) {
                taken[i] = true;
            }
        }

        /** Longest phrases first, left to right, without overlap; with {@code skip}, only over words not taken. */
        private List<Span> find(List<String[]> phrases, boolean[] skip) {
            List<Span> spans = new ArrayList<>();
            int i = 0;
            while (i < words.size()) {
                int length = 0;
                for (String[] p : phrases) {
                    if (matches(p, i, skip)) {
                        length = p.length;
                        break;
                    }
                }
                if (length > 0) {
                    spans.add(new Span(i, i + length));
                    i += length;
                } else {
                    i++;
                }
            }
            return spans;
        }

        private boolean matches(String[] phrase, int at, boolean[] skip) {
            if (at + phrase.length > words.size()) {
                return false;
            }
            for (int k = 0; k < phrase.length; k++) {
                if (!words.words().get(at + k).equals(phrase[k]) || (skip != null && skip[at + k])) {
                    return false;
                }
            }
            return true;
        }

        private boolean negated(Span span) {
            for (Span n : negatesBefore) {
                if (n.to() <= span.from() && span.from() - n.to() <= NEGATION_REACH_BEFORE && !breakBetween(n.to(), span.from())) {
                    return true;
                }
            }
            for (Span n : negatesAfter) {
                if (n.from() >= span.to() && n.from() - span.to() <= NEGATION_REACH_AFTER && !breakBetween(span.to(), n.from())) {
                    return true;
                }
            }
            return false;
        }

        private boolean breakBetween(int from, int to) {
            for (int i = from; i < to; i++) {
                if (words.isBreak(i)) {
                    return true;
                }
            }
            return false;
        }

        /** NONE if a concept is missing, DENIED if one is only ever negated, otherwise CERTAIN. */
        private Reading rule(List<String> rule) {
            boolean denied = false;
            for (String concept : rule) {
                List<Span> spans = found.get(concept);
                if (spans == null) {
                    return Reading.NONE;
                }
                if (spans.stream().allMatch(this::negated)) {
                    denied = true;
                }
            }
            return denied ? Reading.DENIED : Reading.CERTAIN;
        }

        private boolean hasAny(List<String> conceptNames) {
            return conceptNames.stream().anyMatch(found::containsKey);
        }

        Finding judge(RedFlagRules.Sign sign, boolean inSafetyContext) {
            if (hasAny(sign.notWhen())) {
                return Finding.NONE;
            }
            Reading reading = Reading.NONE;
            for (List<String> rule : sign.rules()) {
                Reading r = rule(rule);
                if (r == Reading.CERTAIN && (hedged || hasAny(sign.softeners()))) {
                    r = Reading.UNSURE;
                }
                reading = max(reading, r);
            }
            if (reading != Reading.CERTAIN && !hasAny(sign.unless())) {
                for (List<String> rule : sign.askRules()) {
                    Reading r = rule(rule);
                    reading = max(reading, r == Reading.CERTAIN ? Reading.UNSURE : r);
                }
            }
            if (inSafetyContext && reading == Reading.NONE) {
                for (String concept : sign.domain()) {
                    if (rule(List.of(concept)) == Reading.DENIED) {
                        reading = Reading.DENIED;
                    }
                }
            }
            if (reading == Reading.NONE) {
                return Finding.NONE;
            }
            return new Finding(reading, Optional.of(new RedFlag(sign.id(), sign.name(), reading == Reading.CERTAIN)));
        }
    }

    private static Reading max(Reading a, Reading b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
