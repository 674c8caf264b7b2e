package dev.comeback.core.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds emergency symptoms named in free text. Pure and thread-safe. */
public final class RedFlagDetector {
    /** Clauses are split here so that a "no" in one clause does not soften a symptom named in another. */
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.;!?\\n]+|,|\\bbut\\b|\\bhowever\\b");
    private static final Pattern NOT_WORDISH = Pattern.compile("[^a-z0-9']+");
    /** Long enough for any message a person types; scanning stays cheap for 10,000-character pastes. */
    static final int MAX_SCANNED_CHARS = 20_000;

    private final List<CompiledSign> signs;
    private final List<CompiledSign> warnings;
    private final List<Pattern> negations;

    private record CompiledSign(RedFlagRules.Sign sign, List<Pattern> patterns) {
    }

    public RedFlagDetector(RedFlagRules rules) {
        this.signs = compile(rules.signs());
        this.warnings = compile(rules.warnings());
        this.negations = rules.negations().stream()
                .map(n -> Pattern.compile("(^| )" + Pattern.quote(n) + "( |$)"))
                .toList();
    }

    /**
     * The most certain emergency sign named in the text: a sign named without negation wins over one named
     * with it; empty when none is named.
     */
    public Optional<RedFlag> scan(String text) {
        return scan(signs, text);
    }

    /** A warning sign named without negation (negated or uncertain warnings are left to the questions). */
    public Optional<RedFlag> scanWarning(String text) {
        return scan(warnings, text).filter(RedFlag::certain);
    }

    private static List<CompiledSign> compile(List<RedFlagRules.Sign> signs) {
        List<CompiledSign> compiled = new ArrayList<>();
        for (RedFlagRules.Sign sign : signs) {
            compiled.add(new CompiledSign(sign, sign.patterns().stream().map(Pattern::compile).toList()));
        }
        return List.copyOf(compiled);
    }

    private Optional<RedFlag> scan(List<CompiledSign> signs, String text) {
        String limited = text.length() > MAX_SCANNED_CHARS ? text.substring(0, MAX_SCANNED_CHARS) : text;
        RedFlag uncertain = null;
        for (String clause : CLAUSE_BREAK.split(straightenQuotes(limited.toLowerCase()))) {
            String normal = NOT_WORDISH.matcher(clause).replaceAll(" ").trim();
            if (normal.isEmpty()) {
                continue;
            }
            for (CompiledSign s : signs) {
                if (matchesAny(s.patterns(), normal)) {
                    if (!isNegated(normal)) {
                        return Optional.of(new RedFlag(s.sign().id(), s.sign().name(), true));
                    }
                    if (uncertain == null) {
                        uncertain = new RedFlag(s.sign().id(), s.sign().name(), false);
                    }
                }
            }
        }
        return Optional.ofNullable(uncertain);
    }

    private static boolean matchesAny(List<Pattern> patterns, String normal) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(normal);
            if (m.find()) {
                return true;
            }
        }
        return false;
    }

    private boolean isNegated(String normalClause) {
        return negations.stream().anyMatch(n -> n.matcher(normalClause).find());
    }

    private static String straightenQuotes(String s) {
        return s.replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'');
    }
}
