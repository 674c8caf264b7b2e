package dev.comeback.core.protocol;

import java.util.List;

/** The recovery protocol as data (config/protocol.json). */
public record Protocol(int version, Nutrition nutrition, FirstDays first72Hours) {

    public record Range(double min, double max) {
    }

    /** Daily targets per kilogram of body weight. */
    public record Nutrition(Range waterMlPerKg, Range proteinGPerKg) {
    }

    /** The summary of the first 72 hours; {@code {water}} and {@code {protein}} are filled from the profile. */
    public record FirstDays(String title, List<String> steps) {
        public FirstDays {
            steps = List.copyOf(steps);
        }
    }
}
