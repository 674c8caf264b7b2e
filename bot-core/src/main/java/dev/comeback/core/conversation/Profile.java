package dev.comeback.core.conversation;

import dev.comeback.core.protocol.Units;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * What the protocol needs to know about the person. Body weight is stored in kilograms whatever unit the
 * person uses; {@code units} is how they read and type weights (empty in states stored before it was asked:
 * kilograms). Waking hours and training days are empty until the person sets them with /settings; the
 * defaults in config/reminders.json apply until then.
 */
public record Profile(Optional<Double> weightKg, Optional<String> timeZone, Optional<LocalTime> wakingFrom,
                      Optional<LocalTime> wakingTo, List<DayOfWeek> trainingDays, Optional<Units> units) {
    public static final Profile EMPTY = new Profile(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());

    public Profile {
        weightKg = weightKg == null ? Optional.empty() : weightKg;
        timeZone = timeZone == null ? Optional.empty() : timeZone;
        wakingFrom = wakingFrom == null ? Optional.empty() : wakingFrom;
        wakingTo = wakingTo == null ? Optional.empty() : wakingTo;
        trainingDays = trainingDays == null ? List.of() : List.copyOf(trainingDays);
        units = units == null ? Optional.empty() : units;
    }

    /** The unit to read and show weights in: the one chosen, else kilograms. */
    public Units unitsOrKg() {
        return units.orElse(Units.KG);
    }

    public Profile withWeightKg(double kg) {
        return new Profile(Optional.of(kg), timeZone, wakingFrom, wakingTo, trainingDays, units);
    }

    public Profile withTimeZone(String zone) {
        return new Profile(weightKg, Optional.of(zone), wakingFrom, wakingTo, trainingDays, units);
    }

    public Profile withWakingHours(LocalTime from, LocalTime to) {
        return new Profile(weightKg, timeZone, Optional.of(from), Optional.of(to), trainingDays, units);
    }

    public Profile withTrainingDays(List<DayOfWeek> days) {
        return new Profile(weightKg, timeZone, wakingFrom, wakingTo, days, units);
    }

    public Profile withUnits(Units next) {
        return new Profile(weightKg, timeZone, wakingFrom, wakingTo, trainingDays, Optional.of(next));
    }
}
