package dev.comeback.core.progress;

import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.protocol.CheckIn;
import dev.comeback.core.protocol.RecoveryProgress;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the chart, the report and the export are made from: the person's stored state, their recovery history
 * ({@code progress_event}, oldest first), the time zone their dates are shown in, and the moment the file is
 * made. Check-ins come from the history; ones stored before it existed come from the state.
 */
public record ProgressData(String userKey, ConversationState state, List<ProgressEvent> events, Instant now) {
    /** One check-in as charted: pain 0-10 before and after moving, the heaviest load that day in kg (0: none). */
    public record Point(Instant at, int before, int after, double loadKg, String outcome, String phaseId) {
    }

    /** A phase the person was in from {@code from} until {@code to} (the next phase, or now). */
    public record Span(String phaseId, Instant from, Instant to) {
    }

    public ProgressData {
        Objects.requireNonNull(userKey, "userKey");
        Objects.requireNonNull(state, "state");
        events = List.copyOf(events);
        Objects.requireNonNull(now, "now");
    }

    public ZoneId zone() {
        return state.profile().timeZone().map(ZoneId::of).orElse(ZoneOffset.UTC);
    }

    /** Every check-in known, oldest first. */
    public List<Point> checkIns() {
        List<Point> points = new ArrayList<>();
        Set<Instant> seen = new HashSet<>();
        for (ProgressEvent e : events) {
            if (e.kind() == ProgressEvent.Kind.CHECK_IN && seen.add(e.at())) {
                points.add(new Point(e.at(), e.painBefore(), e.painAfter(), e.loadKg(), e.detail(), e.phaseId()));
            }
        }
        List<CheckIn> stored = state.recovery().map(RecoveryProgress::checkIns).orElse(List.of());
        String phase = state.recovery().map(RecoveryProgress::phaseId).orElse("");
        for (CheckIn c : stored) {
            if (seen.add(c.at())) {
                points.add(new Point(c.at(), c.before(), c.after(), 0, c.outcome(), phase));
            }
        }
        points.sort(Comparator.comparing(Point::at));
        return points;
    }

    /** The phases in order with their time spans, from the history (or the state's current phase alone). */
    public List<Span> phases() {
        List<ProgressEvent> entered = events.stream().filter(e -> e.kind() == ProgressEvent.Kind.RECOVERY_STARTED
                || e.kind() == ProgressEvent.Kind.PHASE).toList();
        List<Span> spans = new ArrayList<>();
        if (entered.isEmpty()) {
            state.recovery().ifPresent(r -> spans.add(new Span(r.phaseId(), r.startedAt(), now)));
            return spans;
        }
        for (int i = 0; i < entered.size(); i++) {
            Instant to = i + 1 < entered.size() ? entered.get(i + 1).at() : now;
            spans.add(new Span(entered.get(i).phaseId(), entered.get(i).at(), to.isBefore(entered.get(i).at()) ? entered.get(i).at() : to));
        }
        return spans;
    }

    public List<ProgressEvent> eventsOf(ProgressEvent.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }
}
