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

    public String water() {
        return litres(waterLitresMin, waterLitresMax);
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
}
