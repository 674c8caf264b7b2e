package dev.comeback.core.reminders;

import dev.comeback.core.protocol.Protocol;
import dev.comeback.core.protocol.RecoveryProgress;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which reminders fall due for a person, and when: a pure function of their recovery progress, time zone,
 * waking hours and snoozes. Times are wall-clock times in their zone (so a daylight-saving change keeps
 * 08:00 at 08:00), never outside waking hours, and only for the kinds their phase asks for in
 * protocol.json. Both the Quartz scheduler and the console's virtual clock take their times from here.
 */
public final class ReminderPlanner {
    private final Protocol protocol;
    private final ReminderRules rules;

    public ReminderPlanner(Protocol protocol, ReminderRules rules) {
        this.protocol = protocol;
        this.rules = rules;
    }

    /** Everything the planner needs to know about one person. */
    /** {@code heardAt}: when the person last wrote (empty: not known, and check-ins are not thinned). */
    public record Subject(RecoveryProgress progress, ZoneId zone, LocalTime wakingFrom, LocalTime wakingTo,
                          Set<DayOfWeek> trainingDays, Map<String, Instant> snoozes, Optional<Instant> heardAt) {
        public Subject {
            trainingDays = Set.copyOf(trainingDays);
            snoozes = Map.copyOf(snoozes);
            heardAt = heardAt == null ? Optional.empty() : heardAt;
        }

        public Subject(RecoveryProgress progress, ZoneId zone, LocalTime wakingFrom, LocalTime wakingTo,
                       Set<DayOfWeek> trainingDays, Map<String, Instant> snoozes) {
            this(progress, zone, wakingFrom, wakingTo, trainingDays, snoozes, Optional.empty());
        }
    }

    /**
     * Which unanswered check-in prompt the one due at {@code dueAt} is: 0 for the first since the person last
     * wrote, 1 for the next day's, and so on (0 when it is not known when they last wrote).
     */
    public int checkInRound(Subject s, Instant dueAt) {
        if (s.heardAt().isEmpty()) {
            return 0;
        }
        LocalDateTime heard = s.heardAt().get().atZone(s.zone()).toLocalDateTime();
        LocalDate first = windowDay(s, heard);
        if (!wake(first, s, rules.checkin().minutesAfterWaking()).isAfter(heard)) {
            first = first.plusDays(1);
        }
        long k = java.time.temporal.ChronoUnit.DAYS.between(first, windowDay(s, dueAt.atZone(s.zone()).toLocalDateTime()));
        return (int) Math.max(0, Math.min(k, 10_000));
    }

    /** Is the prompt of round {@code k} sent? The first ones and the nudge are; then one every quietEveryDays. */
    public boolean checkInSent(int k) {
        int nudge = rules.checkin().unansweredBeforeNudge();
        if (k <= nudge) {
            return true;
        }
        List<Integer> gaps = rules.checkin().quietEveryDays();
        int at = nudge;
        for (int i = 0; at < k; i++) {
            at += gaps.get(Math.min(i, gaps.size() - 1));
        }
        return at == k;
    }

    /** The prompt of this round is the one "haven't heard from you" message. */
    public boolean isNudge(int k) {
        return k == rules.checkin().unansweredBeforeNudge();
    }

    /** A phase laid on the calendar: from {@code start} until {@code end} (empty: until a gate opens). */
    private record Segment(Protocol.Phase phase, Instant start, Optional<Instant> end) {
        boolean contains(Instant t) {
            return !t.isBefore(start) && end.map(t::isBefore).orElse(true);
        }
    }

    /** The reminders due after {@code from} and at or before {@code to}, in due order. */
    public List<PlannedReminder> between(Subject subject, Instant from, Instant to) {
        List<PlannedReminder> out = new ArrayList<>();
        for (Segment segment : timeline(subject.progress(), to)) {
            if (segment.end().map(e -> !e.isAfter(from)).orElse(false) || segment.start().isAfter(to)) {
                continue;
            }
            Instant lower = segment.start().isAfter(from) ? segment.start() : from;
            Instant upper = segment.end().filter(e -> e.isBefore(to)).orElse(to);
            for (String kind : segment.phase().reminders()) {
                plan(kind, subject, segment, r -> {
                    if (r.dueAt().isAfter(from) && !r.dueAt().isAfter(to) && r.dueAt().isAfter(subject.progress().startedAt())) {
                        out.add(r);
                    }
                }, lower, upper);
            }
        }
        applySnoozes(subject, from, to, out);
        out.sort(Comparator.comparing(PlannedReminder::dueAt).thenComparing(r -> r.kind().ordinal()));
        return out;
    }

    /**
     * A snoozed reminder comes again at its snooze time instead. An ice's "ice off" belongs to it: it moves
     * with it and stays {@code ice.offAfterMinutes} after it; an ice-off is never snoozed on its own.
     */
    private void applySnoozes(Subject subject, Instant from, Instant to, List<PlannedReminder> out) {
        Duration off = Duration.ofMinutes(rules.ice().offAfterMinutes());
        subject.snoozes().forEach((id, until) -> {
            Optional<ReminderKind> kind = PlannedReminder.kindOf(id);
            if (kind.isEmpty() || kind.get() == ReminderKind.ICE_OFF) {
                return;
            }
            out.removeIf(r -> r.id().equals(id));
            boolean ice = kind.get() == ReminderKind.ICE;
            String offId = ice ? iceOffIdOf(id) : "";
            if (ice) {
                out.removeIf(r -> r.id().equals(offId));
            }
            if (!canSnoozeTo(subject, kind.get(), until)) {
                return;
            }
            if (until.isAfter(from) && !until.isAfter(to)) {
                out.add(new PlannedReminder(id + "~" + until.getEpochSecond() / 60, kind.get(), until, staleAfter(kind.get())));
            }
            Instant offAt = until.plus(off);
            if (ice && offAt.isAfter(from) && !offAt.isAfter(to)) {
                out.add(new PlannedReminder(offId + "~" + offAt.getEpochSecond() / 60, ReminderKind.ICE_OFF, offAt, staleAfter(ReminderKind.ICE_OFF)));
            }
        });
    }

    /** The id of the ice an ice-off belongs to (for a snoozed repeat, the repeat's id). */
    public String iceOf(String iceOffId) {
        int at = iceOffId.indexOf('@');
        int tilde = iceOffId.indexOf('~');
        int off = rules.ice().offAfterMinutes();
        String id = ReminderKind.ICE.key() + "@" + (Long.parseLong(iceOffId.substring(at + 1, tilde < 0 ? iceOffId.length() : tilde)) - off);
        return tilde < 0 ? id : id + "~" + (Long.parseLong(iceOffId.substring(tilde + 1)) - off);
    }

    /** The id of the ice-off that belongs to the ice with this id (snooze suffix ignored). */
    private String iceOffIdOf(String iceId) {
        String original = PlannedReminder.originalOf(iceId);
        long minute = Long.parseLong(original.substring(original.indexOf('@') + 1));
        return ReminderKind.ICE_OFF.key() + "@" + (minute + rules.ice().offAfterMinutes());
    }

    /** A snooze to {@code until} keeps the reminder (and an ice's ice-off) inside waking hours. */
    public boolean canSnoozeTo(Subject subject, ReminderKind kind, Instant until) {
        if (kind == ReminderKind.ICE_OFF || !isWaking(subject, until)) {
            return false;
        }
        return kind != ReminderKind.ICE || isWaking(subject, until.plus(Duration.ofMinutes(rules.ice().offAfterMinutes())));
    }

    /** The next reminder a person can snooze: an ice-off is never next, it follows its ice. */
    public Optional<PlannedReminder> next(Subject subject, Instant after, Instant until) {
        return between(subject, after, until).stream().filter(r -> r.kind() != ReminderKind.ICE_OFF).findFirst();
    }

    /** The reminder with this id if the person's current plan still has it (a phase change or pause drops it). */
    public Optional<PlannedReminder> find(Subject subject, String id, Instant dueAt) {
        return between(subject, dueAt.minusSeconds(60), dueAt.plusSeconds(60)).stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Inside the person's waking hours; a window like 22:00-06:00 crosses midnight and belongs to the day it starts. */
    public boolean isWaking(Subject subject, Instant t) {
        return waking(subject, t.atZone(subject.zone()).toLocalDateTime());
    }

    /** When the waking day that {@code t} belongs to starts (for a time in the quiet hours: the day before's). */
    public Instant wakingDayStart(Subject s, Instant t) {
        return at(s, LocalDateTime.of(windowDay(s, t.atZone(s.zone()).toLocalDateTime()), s.wakingFrom()));
    }

    /** When the waking day that {@code t} belongs to ends. */
    public Instant wakingDayEnd(Subject s, Instant t) {
        return at(s, windowEnd(s, windowDay(s, t.atZone(s.zone()).toLocalDateTime())));
    }

    /** How far into its waking day {@code t} is, 0 at the start, 1 at the end (the share of the day's water due by then). */
    public double shareOfWakingDay(Subject s, Instant t) {
        LocalDateTime local = t.atZone(s.zone()).toLocalDateTime();
        LocalDateTime anchor = LocalDateTime.of(windowDay(s, local), s.wakingFrom());
        return Math.max(0, Math.min(1, (double) Duration.between(anchor, local).toMinutes() / windowMinutes(s)));
    }

    /** Length of the waking window in minutes; a window whose end is at or before its start runs past midnight. */
    static long windowMinutes(Subject s) {
        long m = Duration.between(s.wakingFrom(), s.wakingTo()).toMinutes();
        return m > 0 ? m : m + 24 * 60;
    }

    /** The day whose waking window a local time belongs to (or would, for a time in the quiet hours): the day it started. */
    private static LocalDate windowDay(Subject s, LocalDateTime t) {
        return t.minusHours(s.wakingFrom().getHour()).minusMinutes(s.wakingFrom().getMinute()).toLocalDate();
    }

    public Duration staleAfter(ReminderKind kind) {
        return Duration.ofMinutes(switch (kind) {
            case ICE -> rules.ice().staleAfterMinutes();
            case ICE_OFF -> rules.ice().offStaleAfterMinutes();
            case WALK -> rules.walk().staleAfterMinutes();
            case WALK_TOTAL -> rules.walkTotal().staleAfterMinutes();
            case HYDRATION -> rules.hydration().staleAfterMinutes();
            case CHECKIN -> rules.checkin().staleAfterMinutes();
            case ACCESSORIES -> rules.accessories().staleAfterMinutes();
            case WARMUP -> rules.warmup().staleAfterMinutes();
        });
    }

    /**
     * The current phase and those that follow it by time alone, up to {@code until}. A phase that loads the spine
     * starts only after a steady check-in, never by time alone (see PhaseRules.advance): the phase before it goes
     * on, with its reminders, until the person has actually moved on, and the plan is made again then.
     */
    private List<Segment> timeline(RecoveryProgress progress, Instant until) {
        List<Segment> segments = new ArrayList<>();
        int index = protocol.indexOf(progress.phaseId());
        // A strain hold moves the phase's clock ahead; the person is in the phase (and reminded) from when they entered it.
        Instant start = progress.enteredAt().filter(e -> e.isBefore(progress.phaseStartedAt())).orElse(progress.phaseStartedAt());
        Optional<Instant> end = progress.phaseEndsAt();
        while (true) {
            Protocol.Phase phase = protocol.phases().get(index);
            boolean last = index + 1 >= protocol.phases().size();
            boolean nextWaitsForCheckIn = !last && protocol.phases().get(index + 1).loadsSpine();
            segments.add(new Segment(phase, start, last || nextWaitsForCheckIn ? Optional.empty() : end));
            if (last || nextWaitsForCheckIn || end.isEmpty() || !end.get().isBefore(until)) {
                return segments;
            }
            index++;
            start = end.get();
            Instant from = start;
            end = protocol.phases().get(index).length().map(from::plus);
        }
    }

    private void plan(String kindKey, Subject s, Segment segment, Consumer<PlannedReminder> out, Instant lower, Instant upper) {
        ReminderKind kind = ReminderKind.byKey(kindKey).orElseThrow();
        LocalDate first = windowDay(s, lower.atZone(s.zone()).toLocalDateTime());
        LocalDate last = windowDay(s, upper.atZone(s.zone()).toLocalDateTime());
        LocalDate startDay = windowDay(s, s.progress().startedAt().atZone(s.zone()).toLocalDateTime());
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            LocalDateTime end = windowEnd(s, day);
            switch (kind) {
                case ICE -> {
                    LocalDateTime anchor = day.equals(startDay)
                            ? s.progress().startedAt().atZone(s.zone()).toLocalDateTime().plusMinutes(rules.ice().everyMinutes())
                            : LocalDateTime.of(day, s.wakingFrom());
                    for (LocalDateTime t = anchor; t.isBefore(end); t = t.plusMinutes(rules.ice().everyMinutes())) {
                        LocalDateTime off = t.plusMinutes(rules.ice().offAfterMinutes());
                        if (!waking(s, t) || !waking(s, off) || !off.isBefore(end)) {
                            continue;
                        }
                        Instant due = at(s, t);
                        if (segment.contains(due)) {
                            out.accept(reminder(ReminderKind.ICE, due));
                            out.accept(reminder(ReminderKind.ICE_OFF, at(s, off)));
                        }
                    }
                }
                case HYDRATION -> {
                    LocalDateTime t = LocalDateTime.of(day, s.wakingFrom()).plusMinutes(rules.hydration().everyMinutes());
                    for (; t.isBefore(end) && waking(s, t); t = t.plusMinutes(rules.hydration().everyMinutes())) {
                        daily(kind, s, segment, t, out);
                    }
                }
                case WALK -> {
                    for (int m : rules.walk().minutesAfterWaking()) {
                        daily(kind, s, segment, wake(day, s, m), out);
                    }
                }
                case WALK_TOTAL -> daily(kind, s, segment, wake(day, s, rules.walkTotal().minutesAfterWaking()), out);
                case CHECKIN -> {
                    LocalDateTime t = wake(day, s, rules.checkin().minutesAfterWaking());
                    if (checkInSent(checkInRound(s, at(s, t)))) {
                        daily(kind, s, segment, t, out);
                    }
                }
                case ACCESSORIES -> {
                    if (rules.accessories().days().contains(day.getDayOfWeek())) {
                        daily(kind, s, segment, wake(day, s, rules.accessories().minutesAfterWaking()), out);
                    }
                }
                case WARMUP -> {
                    if (s.trainingDays().contains(day.getDayOfWeek())) {
                        daily(kind, s, segment, wake(day, s, rules.warmup().minutesAfterWaking()), out);
                    }
                }
                case ICE_OFF -> throw new IllegalStateException("ice_off follows ice; it is not asked for by a phase");
            }
        }
    }

    private void daily(ReminderKind kind, Subject s, Segment segment, LocalDateTime t, Consumer<PlannedReminder> out) {
        if (waking(s, t)) {
            Instant due = at(s, t);
            if (segment.contains(due)) {
                out.accept(reminder(kind, due));
            }
        }
    }

    private static LocalDateTime wake(LocalDate day, Subject s, int minutes) {
        return LocalDateTime.of(day, s.wakingFrom()).plusMinutes(minutes);
    }

    private static boolean waking(Subject s, LocalDateTime t) {
        LocalDateTime anchor = LocalDateTime.of(windowDay(s, t), s.wakingFrom());
        return !t.isBefore(anchor) && t.isBefore(windowEnd(s, windowDay(s, t)));
    }

    private static LocalDateTime windowEnd(Subject s, LocalDate day) {
        return LocalDateTime.of(day, s.wakingFrom()).plusMinutes(windowMinutes(s));
    }

    /** A wall-clock time in the person's zone; in a spring-forward gap it moves to just after the gap. */
    private static Instant at(Subject s, LocalDateTime t) {
        return ZonedDateTime.of(t, s.zone()).toInstant();
    }

    private PlannedReminder reminder(ReminderKind kind, Instant due) {
        return new PlannedReminder(PlannedReminder.idFor(kind, due), kind, due, staleAfter(kind));
    }
}
