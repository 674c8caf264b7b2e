package dev.comeback.core.protocol;

import java.util.Locale;

/** Daily water and protein targets for a body weight, from the protocol's per-kilogram ranges. */
public record DailyTargets(double waterLitresMin, double waterLitresMax, int proteinGramsMin, int proteinGramsMax) {

    public static DailyTargets forWeight(Protocol.Nutrition nutrition, double weightKg) {
        return new DailyTargets(
                nutrition.waterMlPerKg().min() * weightKg / 1000.0,
                nutrition.waterMlPerKg().max() * weightKg / 1000.0,
                (int) Math.round(nutrition.proteinGPerKg().min() * weightKg),
                (int) Math.round(nutrition.proteinGPerKg().max() * weightKg));
    }

    /** US fluid ounces in a litre (1 US fl oz is 29.5735295625 ml exactly). */
    static final double US_FL_OZ_PER_LITRE = 1000 / 29.5735295625;

    public String water() {
        return litres(waterLitresMin, waterLitresMax);
    }

    /** The water target, with US fluid ounces beside the litres for people who use pounds. */
    public String water(Units units) {
        return litres(waterLitresMin, waterLitresMax, units);
    }

    public String protein() {
        return proteinGramsMin == proteinGramsMax ? proteinGramsMin + " g" : proteinGramsMin + "-" + proteinGramsMax + " g";
    }

    /** A range of litres to one decimal; one number when both ends round the same ("0.4 litres", never "0.4-0.4"). */
    public static String litres(double min, double max) {
        String a = String.format(Locale.ROOT, "%.1f", min);
        String b = String.format(Locale.ROOT, "%.1f", max);
        return a.equals(b) ? a + " litres" : a + "-" + b + " litres";
    }

    /** {@link #litres(double, double)}, with whole US fluid ounces beside for {@link Units#LB}: "2.9-3.3 litres (98-111 fl oz)". */
    public static String litres(double min, double max, Units units) {
        if (units != Units.LB) {
            return litres(min, max);
        }
        long a = Math.round(min * US_FL_OZ_PER_LITRE);
        long b = Math.round(max * US_FL_OZ_PER_LITRE);
        return litres(min, max) + " (" + (a == b ? a + " fl oz" : a + "-" + b + " fl oz") + ")";
    }
}
