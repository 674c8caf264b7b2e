package dev.comeback.core.protocol;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The recovery protocol as data (config/protocol.json): phases, exercises, doses, gates and the loading table. */
public record Protocol(int version, String about, Nutrition nutrition, CheckInRules checkIn, Loading loading,
                       List<Exercise> exercises, List<Phase> phases) {

    public Protocol {
        about = about == null ? "" : about;
        exercises = List.copyOf(exercises);
        phases = List.copyOf(phases);
    }

    public record Range(double min, double max) {
    }

    /** Daily targets per kilogram of body weight. */
    public record Nutrition(Range waterMlPerKg, Range proteinGPerKg) {
    }

    /**
     * Pain scale bounds, the rise that regresses a phase ("if pain increases by 2+ points ... regress"), when
     * lasting pain calls for a therapist ("persists beyond 2-3 weeks": 14 days), how many hours back a steady
     * check-in may lie for a spine-loading phase or block to start ({@code steadyWithinHours}, 48), and how many
     * check-ins at each end are compared to tell a trend ({@code trendCheckIns}).
     */
    public record CheckInRules(int painMin, int painMax, int regressionRise, int notImprovingAfterDays,
                               Integer steadyWithinHours, Integer trendCheckIns) {
        public CheckInRules {
            steadyWithinHours = steadyWithinHours == null ? 48 : steadyWithinHours;
            trendCheckIns = trendCheckIns == null ? 3 : trendCheckIns;
        }
    }

    /**
     * Load rounding and progression; what replaces loaded work for a while after reported back strain.
     * {@code roundingStepKg}: the smallest change a barbell load can make (a pair of the smallest plates, kg).
     * {@code progressionPercent}: the most one rise may add ("increase weight by just 5%").
     * {@code kettlebells}: the bell sizes that exist, for exercises whose equipment is "kettlebell".
     * {@code roundingStepLb}: the plate step for people who lift in pounds (5 when absent).
     */
    public record Loading(double roundingStepKg, double roundingStepLb, double progressionPercent, int strainHoldDays,
                          List<Item> strainItems, Kettlebells kettlebells) {
        public Loading {
            roundingStepLb = roundingStepLb <= 0 ? 5 : roundingStepLb;
            strainItems = strainItems == null ? List.of() : List.copyOf(strainItems);
            kettlebells = kettlebells == null ? Kettlebells.STANDARD : kettlebells;
        }
    }

    /**
     * Standard kettlebell sizes in kg: {@code fromKg} to {@code toKg} in {@code stepKg} steps (8-48 kg in 4 kg
     * steps by default); with {@code twoBells}, two bells of one size count as a load too (16-96 kg).
     */
    public record Kettlebells(double fromKg, double toKg, double stepKg, boolean twoBells) {
        public static final Kettlebells STANDARD = new Kettlebells(8, 48, 4, true);
    }

    /** {@code equipment}: "barbell" (loads in rounding steps, the default) or "kettlebell" (standard bell sizes). */
    public record Exercise(String id, String name, List<String> cues, String equipment) {
        public Exercise {
            cues = cues == null ? List.of() : List.copyOf(cues);
            equipment = equipment == null ? "barbell" : equipment;
        }

        public boolean kettlebell() {
            return equipment.equals("kettlebell");
        }
    }

    /** One exercise in a phase with its dose; {@code loadPercent} is a share of the one-rep max. */
    public record Item(String exercise, Optional<Integer> sets, Optional<Integer> reps, boolean perSide,
                       Optional<String> minutes, Optional<String> frequency, Optional<Range> loadPercent) {
        public Item {
            sets = sets == null ? Optional.empty() : sets;
            reps = reps == null ? Optional.empty() : reps;
            minutes = minutes == null ? Optional.empty() : minutes;
            frequency = frequency == null ? Optional.empty() : frequency;
            loadPercent = loadPercent == null ? Optional.empty() : loadPercent;
        }
    }

    public record FunctionalTest(String id, String text) {
    }

    /** Tests that must all pass to leave the phase; a failure goes back to {@code failBackTo} for a while. */
    public record Gate(List<FunctionalTest> tests, String failBackTo, int retryAfterDays) {
        public Gate {
            tests = List.copyOf(tests);
        }
    }

    /** Weeks {@code from}-{@code to} (1-based, inclusive) of a phase with a week-by-week table. */
    public record Week(int from, int to, List<Item> items) {
        public Week {
            items = List.copyOf(items);
        }
    }

    public record Accessories(int perWeek, List<Item> items) {
        public Accessories {
            items = List.copyOf(items);
        }
    }

    /**
     * {@code loadsSpine}: the phase (and, with a weekly table, each of its blocks) starts only after a steady
     * check-in (see {@link CheckInRules#steadyWithinHours()}); silence never moves anyone into it.
     */
    public record Phase(String id, String name, Optional<Integer> fromHour, Optional<Integer> toHour,
                        Optional<Integer> minDays, String summary, List<Item> items, List<String> notes,
                        Optional<Gate> gate, List<Week> weeks, Optional<Accessories> accessories,
                        List<String> reminders, boolean loadsSpine) {
        public Phase {
            fromHour = fromHour == null ? Optional.empty() : fromHour;
            toHour = toHour == null ? Optional.empty() : toHour;
            minDays = minDays == null ? Optional.empty() : minDays;
            summary = summary == null ? "" : summary;
            items = items == null ? List.of() : List.copyOf(items);
            notes = notes == null ? List.of() : List.copyOf(notes);
            gate = gate == null ? Optional.empty() : gate;
            weeks = weeks == null ? List.of() : List.copyOf(weeks);
            accessories = accessories == null ? Optional.empty() : accessories;
            reminders = reminders == null ? List.of() : List.copyOf(reminders);
        }

        /** How long the phase lasts at least; empty for a gate, which ends when its tests pass. */
        public Optional<Duration> length() {
            if (gate.isPresent()) {
                return Optional.empty();
            }
            if (fromHour.isPresent() && toHour.isPresent()) {
                return Optional.of(Duration.ofHours(toHour.get() - fromHour.get()));
            }
            return minDays.map(Duration::ofDays);
        }

        public boolean isLoaded() {
            return items.stream().anyMatch(i -> i.loadPercent().isPresent())
                    || weeks.stream().flatMap(w -> w.items().stream()).anyMatch(i -> i.loadPercent().isPresent());
        }

        public int weekCount() {
            return weeks.stream().mapToInt(Week::to).max().orElse(0);
        }
    }

    public Optional<Phase> phase(String id) {
        return phases.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public int indexOf(String phaseId) {
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).id().equals(phaseId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no phase " + phaseId);
    }

    public Optional<Exercise> exercise(String id) {
        return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
