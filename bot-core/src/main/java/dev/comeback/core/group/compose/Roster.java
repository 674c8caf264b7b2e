package dev.comeback.core.group.compose;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The roster a coach asks for with {@code /roster}, sent to the coach privately, composed from member summaries
 * only: each member's latest check-in and streak, and phase, pain trend and latest pain score for those who
 * share their progress.
 */
public final class Roster {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private Roster() {
    }

    public static String compose(String title, List<MemberSummary> members) {
        StringBuilder b = new StringBuilder("Roster of ").append(title).append(" (").append(members.size())
                .append(members.size() == 1 ? " member)" : " members)");
        if (members.isEmpty()) {
            return b.append("\nNobody has joined yet.").toString();
        }
        for (MemberSummary m : members) {
            b.append("\n- ").append(m.name()).append(": ");
            b.append(m.lastCheckIn().map(d -> "last check-in " + DAY.format(d)).orElse("no check-in yet"));
            b.append(", streak ").append(m.streakDays()).append(m.streakDays() == 1 ? " day" : " days");
            if (m.progress().isPresent()) {
                MemberSummary.Progress p = m.progress().get();
                b.append("; phase ").append(p.phaseNumber()).append(" (").append(p.phaseName()).append(")");
                p.lastPain().ifPresent(pain -> b.append(", pain ").append(pain).append("/10 at the latest check-in"));
                p.painTrend().ifPresent(t -> b.append(", trend ").append(Digest.trend(t)));
            } else {
                b.append(" (no phase or pain to show)");
            }
        }
        return b.toString();
    }
}
