package dev.comeback.core.conversation;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * What the protocol needs to know about the person. Waking hours and training days are empty until the
 * person sets them with /settings; the defaults in config/reminders.json apply until then.
 */
public record Profile(Optional<Double> weightKg, Optional<String> timeZone, Optional<LocalTime> wakingFrom,
                      Optional<LocalTime> wakingTo, List<DayOfWeek> trainingDays) {
    public static final Profile EMPTY = new Profile(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());

    public Profile {
        weightKg = weightKg == null ? Optional.empty() : weightKg;
        timeZone = timeZone == null ? Optional.empty() : timeZone;
        wakingFrom = wakingFrom == null ? Optional.empty() : wakingFrom;
        wakingTo = wakingTo == null ? Optional.empty() : wakingTo;
        trainingDays = trainingDays == null ? List.of() : List.copyOf(trainingDays);
    }

    public Profile withWeightKg(double kg) {
        return new Profile(Optional.of(kg), timeZone, wakingFrom, wakingTo, trainingDays);
    }

    public Profile withTimeZone(String zone) {
        return new Profile(weightKg, Optional.of(zone), wakingFrom, wakingTo, trainingDays);
    }

    public Profile withWakingHours(LocalTime from, LocalTime to) {
        return new Profile(weightKg, timeZone, Optional.of(from), Optional.of(to), trainingDays);
    }

    public Profile withTrainingDays(List<DayOfWeek> days) {
        return new Profile(weightKg, timeZone, wakingFrom, wakingTo, days);
    }
}
