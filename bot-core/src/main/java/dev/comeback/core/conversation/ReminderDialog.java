package dev.comeback.core.conversation;

import dev.comeback.core.content.Content;
import dev.comeback.core.message.Button;
import dev.comeback.core.message.Reply;
import dev.comeback.core.protocol.DailyTargets;
import dev.comeback.core.protocol.PhaseRules;
import dev.comeback.core.protocol.PlanText;
import dev.comeback.core.protocol.Protocol;
import dev.comeback.core.protocol.RecoveryProgress;
import dev.comeback.core.protocol.Units;
import dev.comeback.core.reminders.PlannedReminder;
import dev.comeback.core.reminders.ReminderKind;
import dev.comeback.core.reminders.ReminderPlanner;
import dev.comeback.core.reminders.ReminderRules;
import dev.comeback.core.reminders.WakingHours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reminders in the conversation: delivering a due one, its Done and snooze buttons, /reminders, /snooze, /settings. */
final class ReminderDialog {
    static final String PREFIX = "r";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,3})\\s*(m|min|mins|minutes?|h|hr|hrs|hours?)");
    private static final Pattern WAKING = Pattern.compile("(?:waking|wake|hours)\\s+(\\d{1,2}(?::\\d{2})?)\\s*-\\s*(\\d{1,2}(?::\\d{2})?)");
    private static final Pattern DAYS = Pattern.compile("(?:days|training)\\s+(.+)");
    private static final Duration LIST_AHEAD = Duration.ofHours(24);
    private static final Duration MAX_SNOOZE = Duration.ofHours(12);

    private final Content content;
    private final ReminderRules rules;
    private final ReminderPlanner planner;
    private final PhaseRules phases;
    private final PlanText plans;

    ReminderDialog(Content content) {
        this.content = content;
        this.rules = content.reminders();
        this.planner = new ReminderPlanner(content.protocol(), rules);
        this.phases = new PhaseRules(content.protocol());
        this.plans = new PlanText(content.protocol());
    }

    /** Who the planner is planning for, or empty when nothing should be reminded (not in recovery, paused). */
    Optional<ReminderPlanner.Subject> subject(ConversationState state) {
        if (state.stage() != Stage.RECOVERY || state.paused() || state.recovery().isEmpty() || state.profile().timeZone().isEmpty()) {
            return Optional.empty();
        }
        Profile p = state.profile();
        Set<DayOfWeek> training = p.trainingDays().isEmpty() ? Set.copyOf(rules.defaultTrainingDays()) : Set.copyOf(p.trainingDays());
        Map<String, Instant> snoozes = new HashMap<>();
        state.reminders().snoozes().forEach(s -> snoozes.put(s.reminderId(), s.until()));
        return Optional.of(new ReminderPlanner.Subject(state.recovery().get(), ZoneId.of(p.timeZone().get()),
                p.wakingFrom().orElse(rules.defaultWaking().from()), p.wakingTo().orElse(rules.defaultWaking().to()),
                training, snoozes, state.reminders().heardAt()));
    }

    List<PlannedReminder> planned(ConversationState state, Instant from, Instant to) {
        return subject(state).map(s -> planner.between(s, from, to)).orElse(List.of());
    }

    /**
     * The reminder due at {@code dueAt} is the first of its waking day, the morning message; empty when
     * nothing is reminded. Holds the end of that waking day.
     */
    Optional<Instant> morning(ConversationState state, Instant dueAt) {
        return subject(state).filter(s -> planner.between(s, planner.wakingDayStart(s, dueAt).minusSeconds(1), dueAt.minusSeconds(1)).isEmpty())
                .map(s -> planner.wakingDayEnd(s, dueAt));
    }

    // ---- delivery ------------------------------------------------------------------------------------

    /** What became of a due reminder: the reminder log to keep, what to send, and whether the reminder itself went out. */
    record Delivery(ReminderLog log, List<Reply> replies, boolean sent) {
    }

    /**
     * A reminder already delivered, or no longer in the plan (paused, phase changed), is dropped. One delivered
     * later than its stale-after is skipped; the first skip since the last normal delivery sends one short note.
     */
    Delivery deliver(ConversationState state, String reminderId, Instant dueAt, Instant now) {
        ReminderLog log = state.reminders();
        Optional<PlannedReminder> planned = log.delivered().contains(reminderId) ? Optional.empty()
                : subject(state).flatMap(s -> planner.find(s, reminderId, dueAt));
        if (planned.isEmpty()) {
            return droppedWhileAway(state, reminderId, dueAt, now);
        }
        PlannedReminder reminder = planned.get();
        if (reminder.kind() == ReminderKind.ICE_OFF && !log.delivered().contains(planner.iceOf(reminder.id()))) {
            // Its ice never went out (paused, or skipped after downtime): no "ice off" without an ice.
            return new Delivery(log.withDelivered(reminder.id(), false), List.of(), false);
        }
        if (reminder.isStaleAt(now)) {
            if (log.skipNoteSent()) {
                return new Delivery(log.withDelivered(reminder.id(), false), List.of(), false);
            }
            return new Delivery(log.withDelivered(reminder.id(), false).withSkipNoteSent(), List.of(Reply.text(OFFLINE_NOTE)), false);
        }
        // Reminders due within the same 15 minutes go out as one message. An ice or ice-off is never pulled
        // earlier than its time (it must stay 20 minutes from its partner), so only one due at this very minute joins.
        ReminderPlanner.Subject subject = subject(state).orElseThrow();
        List<PlannedReminder> bundle = new ArrayList<>();
        bundle.add(reminder);
        ReminderLog next = log.withDelivered(reminder.id(), true);
        for (PlannedReminder r : planner.between(subject, reminder.dueAt().minusSeconds(1), reminder.dueAt().plus(BUNDLE).minusSeconds(1))) {
            boolean timed = r.kind() == ReminderKind.ICE || r.kind() == ReminderKind.ICE_OFF;
            if (!r.id().equals(reminder.id()) && !next.delivered().contains(r.id()) && (!timed || r.dueAt().equals(reminder.dueAt()))) {
                bundle.add(r);
                next = next.withDelivered(r.id(), true);
            }
        }
        return new Delivery(next, List.of(bundle.size() == 1 ? compose(state, reminder) : composeAll(state, bundle)), true);
    }

    private static final Duration BUNDLE = Duration.ofMinutes(15);
    private static final String OFFLINE_NOTE =
            "I was offline for a while, so I skipped the reminders that were out of date rather than send them all at once. Your plan carries on: /reminders shows what's next.";

    /**
     * A reminder no longer in the plan. Usually nothing to say (paused, settings changed); but one that fell due
     * while the bot was down and is stale by now (its phase ended meanwhile) counts as skipped: the one note.
     */
    private Delivery droppedWhileAway(ConversationState state, String reminderId, Instant dueAt, Instant now) {
        ReminderLog log = state.reminders();
        Optional<ReminderKind> kind = PlannedReminder.kindOf(reminderId);
        boolean stale = kind.isPresent() && Duration.between(dueAt, now).compareTo(planner.staleAfter(kind.get())) > 0;
        if (!stale || subject(state).isEmpty() || log.delivered().contains(reminderId) || kind.get() == ReminderKind.ICE_OFF) {
            return new Delivery(log, List.of(), false);
        }
        if (log.skipNoteSent()) {
            return new Delivery(log.withDelivered(reminderId, false), List.of(), false);
        }
        return new Delivery(log.withDelivered(reminderId, false).withSkipNoteSent(), List.of(Reply.text(OFFLINE_NOTE)), false);
    }

    private Reply composeAll(ConversationState state, List<PlannedReminder> bundle) {
        List<String> texts = new ArrayList<>();
        List<Button> buttons = new ArrayList<>();
        for (PlannedReminder r : bundle) {
            Reply one = compose(state, r);
            texts.add(one.text());
            one.buttons().forEach(b -> buttons.add(new Button(name(r.kind()) + ": " + b.label(), b.data())));
        }
        return Reply.choices(String.join("\n\n", texts), buttons);
    }

    private Reply compose(ConversationState state, PlannedReminder r) {
        RecoveryProgress progress = state.recovery().orElseThrow();
        Protocol.Phase phase = phases.phase(progress);
        String text = switch (r.kind()) {
            case ICE -> "Ice time: " + cue("ice") + ".";
            case ICE_OFF -> "Ice off now. Let the skin warm up fully before the next round.";
            case WALK, WALK_TOTAL -> "Time to walk. " + itemText(phase, "walk", progress, r.dueAt(), state.profile().unitsOrKg());
            case HYDRATION -> water(state, r);
            case CHECKIN -> checkInText(state, r);
            case ACCESSORIES -> "Accessory day:\n" + phase.accessories().map(a -> a.items().stream()
                    .map(i -> "- " + plans.item(i, progress, r.dueAt(), state.profile().unitsOrKg())).collect(Collectors.joining("\n"))).orElse("");
            case WARMUP -> "Training day: start with the warm-up.\n" + phase.items().stream()
                    .map(i -> "- " + plans.item(i, progress, r.dueAt(), state.profile().unitsOrKg())).collect(Collectors.joining("\n"));
        };
        List<Button> buttons = new ArrayList<>();
        if (r.kind() == ReminderKind.CHECKIN) {
            buttons.add(button(r, "checkin", "Check in now"));
        } else if (r.kind() != ReminderKind.ICE_OFF) {
            buttons.add(button(r, "done", "Done"));
        }
        if (r.kind() != ReminderKind.ICE_OFF) {
            for (int minutes : rules.snoozeMinutes()) {
                buttons.add(button(r, "s" + minutes, "Snooze " + (minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min")));
            }
        }
        return Reply.choices(text, buttons);
    }

    private String checkInText(ConversationState state, PlannedReminder r) {
        int round = subject(state).map(s -> planner.checkInRound(s, r.dueAt())).orElse(0);
        if (planner.isNudge(round)) {
            return "I haven't heard from you for a couple of days. No pressure: when you're ready, a check-in takes about a minute, "
                    + "and it is what lets the next phase start. I'll ask less often until you write.";
        }
        if (round > 0 && !planner.checkInSent(round - 1)) {
            return "Still here whenever you want to pick up your recovery: a check-in takes about a minute.";
        }
        return "Time for your daily check-in: pain before and after moving, about a minute.";
    }

    private String cue(String exercise) {
        return content.protocol().exercise(exercise).flatMap(e -> e.cues().stream().findFirst()).orElse("");
    }

    private String itemText(Protocol.Phase phase, String exercise, RecoveryProgress progress, Instant at, Units units) {
        return phase.items().stream().filter(i -> i.exercise().equals(exercise)).findFirst()
                .map(i -> plans.item(i, progress, at, units)).orElse("");
    }

    private String water(ConversationState state, PlannedReminder r) {
        Optional<Double> weight = state.profile().weightKg();
        if (weight.isEmpty()) {
            return "Water check: have a glass of water now.";
        }
        ReminderPlanner.Subject s = subject(state).orElseThrow();
        DailyTargets day = DailyTargets.forWeight(content.protocol().nutrition(), weight.get());
        Units units = state.profile().unitsOrKg();
        LocalTime local = r.dueAt().atZone(s.zone()).toLocalTime();
        double share = planner.shareOfWakingDay(s, r.dueAt());
        return "Water check: by " + CLOCK.format(local) + " aim for about "
                + DailyTargets.litres(day.waterLitresMin() * share, day.waterLitresMax() * share, units) + " of today's " + day.water(units) + ".";
    }

    private static Button button(PlannedReminder r, String action, String label) {
        return new Button(label, PREFIX + ":" + r.id() + ":" + action);
    }

    // ---- buttons under a reminder --------------------------------------------------------------------

    /** {@code promptId} is "r:<reminder id>". Empty when the check-in button should start a check-in instead. */
    Optional<Turn> press(ConversationState state, String promptId, String action, Instant now) {
        String id = promptId.substring(PREFIX.length() + 1);
        if (action.equals("checkin")) {
            return Optional.empty();
        }
        if (action.equals("done")) {
            if (!state.reminders().delivered().contains(id)) {
                // Never sent to this person (or too long ago to remember): a forged or stale press.
                return Optional.of(turn(state, now, Texts.NO_LONGER_VALID));
            }
            if (state.reminders().done().contains(id)) {
                return Optional.of(turn(state, now, "Already noted, thanks."));
            }
            return Optional.of(turn(state.withReminders(state.reminders().withDone(id)), now, "Noted, well done."));
        }
        Optional<Integer> minutes = action.startsWith("s") ? parseInt(action.substring(1)) : Optional.empty();
        if (minutes.isEmpty() || !rules.snoozeMinutes().contains(minutes.get()) || PlannedReminder.kindOf(id).isEmpty()) {
            return Optional.of(turn(state, now, Texts.NO_LONGER_VALID));
        }
        return Optional.of(snooze(state, PlannedReminder.originalOf(id), now.plus(Duration.ofMinutes(minutes.get())), now));
    }

    private Turn snooze(ConversationState state, String reminderId, Instant until, Instant now) {
        Optional<ReminderPlanner.Subject> subject = subject(state);
        if (subject.isEmpty()) {
            return turn(state, now, "Reminders are off right now, so there is nothing to snooze.");
        }
        if (PlannedReminder.kindOf(reminderId).map(k -> !planner.canSnoozeTo(subject.get(), k, until)).orElse(true)) {
            return turn(state, now, "That would land in your quiet hours, so I'll let this one go.");
        }
        ConversationState next = state.withReminders(state.reminders().withSnooze(new ReminderLog.Snooze(reminderId, until), now));
        return turn(next, now, "OK, I'll remind you again at " + CLOCK.format(until.atZone(subject.get().zone())) + ".");
    }

    // ---- commands ------------------------------------------------------------------------------------

    Reply list(ConversationState state, Instant now) {
        if (state.paused()) {
            return Reply.text("Reminders are paused. Send /start to turn them back on.");
        }
        Optional<ReminderPlanner.Subject> subject = subject(state);
        if (subject.isEmpty()) {
            return Reply.text("Reminders start with your recovery plan, once triage says RECOVERY and I know your time zone.");
        }
        List<PlannedReminder> coming = planner.between(subject.get(), now, now.plus(LIST_AHEAD)).stream()
                .filter(r -> r.kind() != ReminderKind.ICE_OFF).limit(12).toList();
        if (coming.isEmpty()) {
            return Reply.text("No reminders in the next 24 hours.");
        }
        String lines = coming.stream().map(r -> "- " + WHEN.format(r.dueAt().atZone(subject.get().zone())) + " " + name(r.kind()))
                .collect(Collectors.joining("\n"));
        return Reply.text("Coming up (" + subject.get().zone().getId() + "):\n" + lines);
    }

    Turn snoozeCommand(ConversationState state, String args, Instant now) {
        Matcher m = DURATION.matcher(args.toLowerCase(Locale.ROOT).strip());
        if (!m.matches()) {
            return turn(state, now, "Tell me how long, like /snooze 30m or /snooze 1h.");
        }
        Duration by = m.group(2).startsWith("h") ? Duration.ofHours(Long.parseLong(m.group(1))) : Duration.ofMinutes(Long.parseLong(m.group(1)));
        if (by.isZero() || by.compareTo(MAX_SNOOZE) > 0) {
            return turn(state, now, "I can snooze a reminder by 1 minute up to 12 hours, like /snooze 30m or /snooze 1h.");
        }
        Optional<ReminderPlanner.Subject> subject = subject(state);
        Optional<PlannedReminder> next = subject.flatMap(s -> planner.next(s, now, now.plus(LIST_AHEAD)));
        if (next.isEmpty()) {
            return turn(state, now, "There is no reminder coming in the next 24 hours to snooze.");
        }
        PlannedReminder r = next.get();
        Turn snoozed = snooze(state, PlannedReminder.originalOf(r.id()), r.dueAt().plus(by), now);
        return snoozed.state().equals(state) ? snoozed
                : new Turn(snoozed.state(), List.of(Reply.text("Your next reminder (" + name(r.kind()) + " at "
                + CLOCK.format(r.dueAt().atZone(subject.get().zone())) + ") moves to "
                + CLOCK.format(r.dueAt().plus(by).atZone(subject.get().zone())) + ".")));
    }

    Turn settings(ConversationState state, String args, Instant now) {
        String a = args.toLowerCase(Locale.ROOT).strip();
        if (a.isEmpty()) {
            return turn(state, now, describeSettings(state));
        }
        Matcher waking = WAKING.matcher(a);
        if (waking.matches()) {
            Optional<WakingHours> hours = WakingHours.parse(waking.group(1), waking.group(2));
            if (hours.isEmpty()) {
                return turn(state, now, "Waking hours need a start and an end at least " + WakingHours.MIN_HOURS
                        + " hours apart: for example /settings waking 07:00-23:00, or for a night shift 22:00-06:00.");
            }
            ConversationState next = state.withProfile(state.profile().withWakingHours(hours.get().from(), hours.get().to()));
            return turn(next, now, "Waking hours set to " + hours.get().text() + (hours.get().crossesMidnight()
                    ? " (across midnight: your day starts at " + hours.get().from() + ")" : "") + ". Nothing will come outside them.");
        }
        Matcher days = DAYS.matcher(a);
        if (days.matches()) {
            Optional<List<DayOfWeek>> parsed = days(days.group(1));
            if (parsed.isEmpty()) {
                return turn(state, now, "Name the days like this: /settings days mon wed fri");
            }
            ConversationState next = state.withProfile(state.profile().withTrainingDays(parsed.get()));
            return turn(next, now, "Training days set to " + parsed.get().stream().map(d -> d.getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(", ")) + ".");
        }
        return turn(state, now, "I didn't understand that setting.\n" + describeSettings(state));
    }

    private String describeSettings(ConversationState state) {
        Profile p = state.profile();
        return "Your settings:\n- Waking hours: " + wakingText(p) + "\n- Training days: " + daysText(p)
                + "\n- Time zone: " + p.timeZone().orElse("not given yet")
                + "\nChange them with /settings waking 07:00-23:00 or /settings days mon wed fri.";
    }

    /** "08:00-22:00 (no reminders outside them)": the waking hours in force. */
    String wakingText(Profile p) {
        LocalTime from = p.wakingFrom().orElse(rules.defaultWaking().from());
        LocalTime to = p.wakingTo().orElse(rules.defaultWaking().to());
        return new WakingHours(from, to).text() + " (no reminders outside them)";
    }

    /** "Mon, Wed, Fri": the training days in force. */
    String daysText(Profile p) {
        List<DayOfWeek> days = p.trainingDays().isEmpty() ? rules.defaultTrainingDays() : p.trainingDays();
        return days.stream().map(d -> d.getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(", "));
    }

    private static Optional<List<DayOfWeek>> days(String text) {
        Set<DayOfWeek> chosen = EnumSet.noneOf(DayOfWeek.class);
        for (String word : text.split("[\\s,]+")) {
            Optional<DayOfWeek> day = java.util.Arrays.stream(DayOfWeek.values())
                    .filter(d -> word.length() >= 2 && d.name().toLowerCase(Locale.ROOT).startsWith(word)).findFirst();
            if (day.isEmpty()) {
                return Optional.empty();
            }
            chosen.add(day.get());
        }
        return chosen.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(chosen));
    }

    private static Optional<Integer> parseInt(String s) {
        try {
            return Optional.of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String name(ReminderKind kind) {
        return switch (kind) {
            case ICE -> "Ice";
            case ICE_OFF -> "Ice off";
            case WALK -> "Walk";
            case WALK_TOTAL -> "Walking (daily total)";
            case HYDRATION -> "Water";
            case CHECKIN -> "Daily check-in";
            case ACCESSORIES -> "Accessory work";
            case WARMUP -> "Warm-up";
        };
    }

    private static Turn turn(ConversationState state, Instant now, String text) {
        return new Turn(state.touchedAt(now), List.of(Reply.text(text)));
    }

}
