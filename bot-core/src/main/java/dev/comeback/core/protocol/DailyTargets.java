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
        return String.format(Locale.ROOT, "%.1f-%.1f litres", waterLitresMin, waterLitresMax);
    }

    public String protein() {
        return proteinGramsMin + "-" + proteinGramsMax + " g";
    }
}
