package dev.comeback.core.conversation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a typed weight (body weight, a one-rep max): "82", "82.5 kg", "82,5kg", "180 lb". Returns kilograms within a human range. */
public final class BodyWeight {
    public static final double MIN_KG = 30;
    public static final double MAX_KG = 300;
    private static final double KG_PER_LB = 0.45359237;
    private static final Pattern WEIGHT = Pattern.compile(
            "(\\d{1,4}(?:[.,]\\d{1,2})?)\\s*(kg|kgs|kilo|kilos|kilogram|kilograms|lb|lbs|pound|pounds)?\\.?");

    private BodyWeight() {
    }

    public static Optional<Double> parseKg(String text) {
        return parseKg(text, MIN_KG, MAX_KG);
    }

    /** Kilograms (or pounds converted) within {@code [min, max]}, rounded to 0.1 kg. */
    public static Optional<Double> parseKg(String text, double min, double max) {
        Matcher m = WEIGHT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        double value = Double.parseDouble(m.group(1).replace(',', '.'));
        String unit = m.group(2) == null ? "kg" : m.group(2);
        double kg = unit.startsWith("lb") || unit.startsWith("pound") ? value * KG_PER_LB : value;
        kg = Math.round(kg * 10) / 10.0;
        return kg >= min && kg <= max ? Optional.of(kg) : Optional.empty();
    }

    public static String format(double kg) {
        return kg == Math.rint(kg) ? String.valueOf((long) kg) : String.format(Locale.ROOT, "%.1f", kg);
    }
}
