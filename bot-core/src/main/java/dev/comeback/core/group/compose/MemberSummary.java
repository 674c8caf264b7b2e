package dev.comeback.core.group.compose;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * All that a digest or roster may know about one member. It holds no health detail unless the member chose to
 * share their progress: then {@code progress} carries their phase and pain trend; otherwise it is empty. It
 * never holds a red flag, a triage answer or outcome, or a single pain score of a member who did not share.
 * Composers in this package see nothing else (an architecture test keeps it so).
 *
 * @param checkedInToday whether they checked in today, in the group's time zone (for someone not in the
 *                       recovery protocol, such as someone sent to a clinician: whether they wrote today)
 * @param streakDays     days in a row with a check-in, ending today or yesterday; 0 or more
 * @param lastCheckIn    the day of their latest check-in, in the group's time zone
 * @param joinedOn       the day they joined the group, in its time zone
 * @param remindersDonePercent reminders marked Done of those sent, 0-100; empty before any was sent
 */
public record MemberSummary(String memberKey, String name, String handle, boolean checkedInToday, int streakDays,
                            Optional<LocalDate> lastCheckIn, LocalDate joinedOn, OptionalInt remindersDonePercent,
                            Optional<Progress> progress) {
    public MemberSummary {
        Objects.requireNonNull(memberKey, "memberKey");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(lastCheckIn, "lastCheckIn");
        Objects.requireNonNull(joinedOn, "joinedOn");
        Objects.requireNonNull(remindersDonePercent, "remindersDonePercent");
        Objects.requireNonNull(progress, "progress");
        if (streakDays < 0) {
            throw new IllegalArgumentException("streakDays must not be negative, was " + streakDays);
        }
    }

    /**
     * What a member who shares their progress shows: phase {@code phaseNumber} (1-9, as in protocol.json) named
     * {@code phaseName}; {@code painTrend}: how their pain before moving changed, in points on the 0-10 scale
     * (average of the latest 3 check-ins minus that of the first 3; negative is better; empty under 2
     * check-ins); {@code lastPain}: the pain before moving at their latest check-in, 0-10.
     */
    public record Progress(int phaseNumber, String phaseName, OptionalDouble painTrend, OptionalInt lastPain) {
        public Progress {
            Objects.requireNonNull(phaseName, "phaseName");
            Objects.requireNonNull(painTrend, "painTrend");
            Objects.requireNonNull(lastPain, "lastPain");
        }
    }
}
