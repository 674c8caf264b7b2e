package dev.comeback.core.conversation;

import java.util.Optional;

/** What the protocol needs to know about the person. */
public record Profile(Optional<Double> weightKg, Optional<String> timeZone) {
    public static final Profile EMPTY = new Profile(Optional.empty(), Optional.empty());

    public Profile {
        weightKg = weightKg == null ? Optional.empty() : weightKg;
        timeZone = timeZone == null ? Optional.empty() : timeZone;
    }

    public Profile withWeightKg(double kg) {
        return new Profile(Optional.of(kg), timeZone);
    }

    public Profile withTimeZone(String zone) {
        return new Profile(weightKg, Optional.of(zone));
    }
}
