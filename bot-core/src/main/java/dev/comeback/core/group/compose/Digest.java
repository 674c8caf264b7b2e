package dev.comeback.core.group.compose;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The daily digest posted in a coaching group, composed from member summaries only: who checked in today,
 * streaks, reminder adherence, and, of the members who share their progress, how many are in each phase and
 * their average pain trend.
 */
public final class Digest {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private Digest() {
    }

    /** The digest of {@code title}'s group for {@code day}; {@code members} in the order to show them. */
    public static String compose(String title, LocalDate day, List<MemberSummary> members) {
        StringBuilder b = new StringBuilder("Daily digest for ").append(title).append(", ").append(DAY.format(day));
        if (members.isEmpty()) {
            return b.append("\nNo members yet: send /join to take part.").toString();
        }
        List<MemberSummary> checked = members.stream().filter(MemberSummary::checkedInToday).toList();
        List<MemberSummary> notYet = members.stream().filter(m -> !m.checkedInToday()).toList();
        b.append("\nChecked in today (").append(checked.size()).append(" of ").append(members.size()).append("): ")
                .append(checked.isEmpty() ? "nobody yet" : names(checked));
        if (!notYet.isEmpty()) {
            b.append("\nNot yet: ").append(names(notYet));
        }
        b.append("\nStreaks: ").append(members.stream()
                .map(m -> m.name() + " " + m.streakDays() + (m.streakDays() == 1 ? " day" : " days"))
                .collect(Collectors.joining(", ")));
        b.append("\nReminders done: ").append(members.stream()
                .map(m -> m.name() + " " + (m.remindersDonePercent().isPresent() ? m.remindersDonePercent().getAsInt() + "%" : "none sent yet"))
                .collect(Collectors.joining(", ")));
        List<MemberSummary.Progress> shared = members.stream().flatMap(m -> m.progress().stream()).toList();
        if (!shared.isEmpty()) {
            Map<Integer, Long> perPhase = new TreeMap<>(shared.stream()
                    .collect(Collectors.groupingBy(MemberSummary.Progress::phaseNumber, Collectors.counting())));
            Map<Integer, String> names = shared.stream().collect(Collectors.toMap(MemberSummary.Progress::phaseNumber,
                    MemberSummary.Progress::phaseName, (a, c) -> a));
            b.append("\nPhases (").append(shared.size()).append(shared.size() == 1 ? " member shares" : " members share")
                    .append(" theirs): ").append(perPhase.entrySet().stream()
                            .map(e -> "phase " + e.getKey() + " " + names.get(e.getKey()) + ": " + e.getValue())
                            .collect(Collectors.joining(", ")));
            OptionalDouble trend = shared.stream().filter(p -> p.painTrend().isPresent())
                    .mapToDouble(p -> p.painTrend().getAsDouble()).average();
            if (trend.isPresent()) {
                b.append("\nAverage pain trend of those sharing: ").append(trend(trend.getAsDouble()));
            }
        }
        return b.toString();
    }

    /** "down 1.5 points", "up 0.5 points", "steady". */
    static String trend(double points) {
        double rounded = Math.round(points * 10) / 10.0;
        if (rounded == 0) {
            return "steady";
        }
        return (rounded < 0 ? "down " : "up ") + String.format(Locale.ROOT, "%.1f", Math.abs(rounded)) + " points since they started";
    }

    private static String names(List<MemberSummary> members) {
        return members.stream().map(MemberSummary::name).collect(Collectors.joining(", "));
    }
}
