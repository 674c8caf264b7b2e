package dev.comeback.core.protocol;

import java.util.Locale;

/**
 * The unit a person weighs themselves and their lifts in. Everything is stored in kilograms; this converts for
 * reading and showing. Stored by name, so constants may be added but never renamed.
 */
public enum Units {
    KG("kg"),
    LB("lb");

    /** The international avoirdupois pound, exactly. */
    public static final double KG_PER_LB = 0.45359237;

    private final String symbol;

    Units(String symbol) {
        this.symbol = symbol;
    }

    /** "kg" or "lb", as typed and shown. */
    public String symbol() {
        return symbol;
    }

    /** An amount in this unit, from kilograms. */
    public double fromKg(double kg) {
        return this == LB ? kg / KG_PER_LB : kg;
    }

    /** Kilograms, from an amount in this unit. */
    public double toKg(double amount) {
        return this == LB ? amount * KG_PER_LB : amount;
    }

    /** A stored weight in this unit, to 0.1: "82 kg", "82.5 kg", "176 lb". */
    public String format(double kg) {
        return number(fromKg(kg)) + " " + symbol;
    }

    /** 82, 82.5, 175.9: to 0.1, without a trailing ".0". */
    public static String number(double amount) {
        double tenths = Math.round(amount * 10) / 10.0;
        return tenths == Math.rint(tenths) ? String.valueOf((long) tenths) : String.format(Locale.ROOT, "%.1f", tenths);
    }
}
