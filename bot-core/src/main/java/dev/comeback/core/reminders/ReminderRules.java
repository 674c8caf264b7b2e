package dev.comeback.core.reminders;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/** When each kind of reminder falls due (config/reminders.json). Minutes count from the start of waking hours. */
public record ReminderRules(int version, String about, Waking defaultWaking, List<DayOfWeek> defaultTrainingDays,
                            Ice ice, Daily walk, DailyOnce walkTotal, Interval hydration, CheckIn checkin,
                            Weekly accessories, DailyOnce warmup, List<Integer> snoozeMinutes) {
    public ReminderRules {
        about = about == null ? "" : about;
        defaultTrainingDays = List.copyOf(defaultTrainingDays);
        snoozeMinutes = List.copyOf(snoozeMinutes);
    }

    public record Waking(LocalTime from, LocalTime to) {
    }

    public record Ice(int everyMinutes, int offAfterMinutes, int staleAfterMinutes, int offStaleAfterMinutes) {
    }

    public record Daily(List<Integer> minutesAfterWaking, int staleAfterMinutes) {
        public Daily {
            minutesAfterWaking = List.copyOf(minutesAfterWaking);
        }
    }

    public record DailyOnce(int minutesAfterWaking, int staleAfterMinutes) {
    }

    public record Interval(int everyMinutes, int staleAfterMinutes) {
    }

    /**
     * The daily check-in prompt. After {@code unansweredBeforeNudge} prompts with no word from the person, the
     * next one says it has not heard from them, and then prompts thin out: {@code quietEveryDays} gives the
     * days between them in turn (the last repeats: every 3 days, then weekly), until the person writes.
     */
    public record CheckIn(int minutesAfterWaking, int staleAfterMinutes, Integer unansweredBeforeNudge, List<Integer> quietEveryDays) {
        public CheckIn {
            unansweredBeforeNudge = unansweredBeforeNudge == null ? 2 : unansweredBeforeNudge;
            quietEveryDays = quietEveryDays == null || quietEveryDays.isEmpty() ? List.of(3, 3, 7) : List.copyOf(quietEveryDays);
        }
    }

    public record Weekly(List<DayOfWeek> days, int minutesAfterWaking, int staleAfterMinutes) {
        public Weekly {
            days = List.copyOf(days);
        }
    }
}
