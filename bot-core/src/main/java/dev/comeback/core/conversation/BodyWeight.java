package dev.comeback.core.conversation;

import dev.comeback.core.protocol.Units;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a typed weight (body weight, a one-rep max): "82", "82.5 kg", "82,5kg", "180 lb", "eighty", "around 80
 * kilos", "I weigh 176 lbs", and corrections like "sorry, I meant 315 lb". {@link #read} keeps the unit typed (if
 * any) so a bare number can be read in the person's own unit.
 */
public final class BodyWeight {

    private static final Pattern UNIT = Pattern.compile(
            "(.*?)\\s*(kg|kgs|kilo|kilos|kilogram|kilograms|kilogrammes|lb|lbs|pound|pounds)\\.?");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,4}(?:[.,]\\d{1,2})?");
    private static final Pattern HEDGE = Pattern.compile("^(?:(?:sorry|oops|whoops|my bad|actually|correction|no|i meant|i mean|meant"
            + "|i weigh|i'?m|i am|my (?:body ?)?weight is|my (?:one[- ]rep )?max is|my 1rm is|weight|it'?s|it is|its|about|around|roughly"
            + "|approximately|approx|circa|ca|like|maybe|probably|nearly|almost|just under|just over)\\b|~)[\\s,:.!-]*");
    private static final Pattern TAIL = Pattern.compile("[\\s,]*(?:ish|or so|give or take|roughly|approx|approximately|i think|now|today|[.!?])$");
    private static final Pattern CORRECTION = Pattern.compile("\\b(?:sorry|oops|whoops|meant|mean|actually|correction|typo|my bad)\\b");

    /** A weight as typed: the amount, and the unit if one was typed. */
    public record Typed(double amount, Optional<Units> unit) {
        /** Kilograms, reading a bare number in {@code assumed}. Kilograms typed are kept to 0.1; pounds converted exactly. */
        public double kg(Units assumed) {
            Units u = unit.orElse(assumed);
            return u == Units.KG ? Math.round(amount * 10) / 10.0 : u.toKg(amount);
        }
    }

    private BodyWeight() {
    }

    /** A weight in any of the forms above, or empty. Says nothing about whether it is plausible. */
    public static Optional<Typed> read(String text) {
        String t = text.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        for (int i = 0; i < 6; i++) {
            String before = t;
            t = HEDGE.matcher(t).replaceFirst("");
            t = TAIL.matcher(t).replaceFirst("").strip();
            if (t.equals(before)) {
                break;
            }
        }
        Optional<Units> unit = Optional.empty();
        Matcher u = UNIT.matcher(t);
        if (u.matches()) {
            unit = Optional.of(u.group(2).startsWith("k") ? Units.KG : Units.LB);
            t = u.group(1).strip();
        }
        if (DIGITS.matcher(t).matches()) {
            return Optional.of(new Typed(Double.parseDouble(t.replace(',', '.')), unit));
        }
        Optional<Units> typedUnit = unit;
        return NumberWords.parse(t).filter(n -> n > 0).map(n -> new Typed(n, typedUnit));
    }

    /** "sorry I meant 315 lb", "I meant 143 kg", "actually 80": a weight that corrects the one just given. */
    public static Optional<Typed> correction(String text) {
        return CORRECTION.matcher(text.toLowerCase(Locale.ROOT)).find() ? read(text) : Optional.empty();
    }
}
