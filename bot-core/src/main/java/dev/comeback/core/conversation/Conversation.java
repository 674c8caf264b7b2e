package dev.comeback.core.conversation;

import dev.comeback.core.content.Content;
import dev.comeback.core.message.Button;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.Reply;
import dev.comeback.core.protocol.Units;
import dev.comeback.core.reminders.PlannedReminder;
import dev.comeback.core.safety.RedFlag;
import dev.comeback.core.safety.RedFlagRules;
import dev.comeback.core.safety.RedFlagDetector;
import dev.comeback.core.triage.Answer;
import dev.comeback.core.triage.Outcome;
import dev.comeback.core.triage.TriageEngine;
import dev.comeback.core.triage.TriageQuiz;
import dev.comeback.core.triage.TriageResult;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One conversation step as a pure function: (stored state, incoming message) -> (next state, replies).
 * Red flags are checked first, then group chats, then time moving recovery on, then global commands, then
 * the open yes/no overlay, then the stage. The flow is drawn in README.md beside this file.
 */
public final class Conversation {
    /** Longest typed message read as an answer; longer ones are still scanned for red flags. */
    public static final int MAX_TEXT_CHARS = 2_000;

    private static final String RESET_PROMPT = "reset";
    private static final String RED_FLAG_PROMPT = "rf";
    private static final String CLEARANCE_PROMPT = "clear";
    private static final String RETRIAGE_PROMPT = "retriage";
    private static final String ONSET_PROMPT = "onset";
    /** The button under a referral: "A clinician has checked me". */
    static final String REFERRED_PROMPT = "ref";
    /** Buttons that run a command: {@code cmd:checkin} does what typing /checkin does. */
    static final String COMMAND_BUTTON = "cmd";
    private static final String CHECK_SHOWN = "|check";
    /** "/name", "/name@SomeBot" or "/name with words after it". */
    private static final Pattern COMMAND = Pattern.compile("/([A-Za-z0-9_]{1,64})(?:@\\w+)?(?:\\s(.*))?", Pattern.DOTALL);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final Content content;
    private final TriageEngine triage;
    private final RedFlagDetector redFlags;
    private final RecoveryDialog recovery;
    private final ReminderDialog reminders;
    private final ProfileDialog profile;
    private final DataDialog data;

    public Conversation(Content content) {
        this.content = content;
        this.triage = new TriageEngine(content.triage());
        this.redFlags = new RedFlagDetector(content.redFlags());
        this.recovery = new RecoveryDialog(content, redFlags, this);
        this.reminders = new ReminderDialog(content);
        this.profile = new ProfileDialog(content, this, recovery, reminders);
        this.data = new DataDialog(this);
    }

    /** The content this conversation runs on (the protocol's rules, the quiz). */
    public Content content() {
        return content;
    }

    ProfileDialog profile() {
        return profile;
    }

    /** The reminders a person's current plan has due after {@code from} and at or before {@code to}. */
    public List<PlannedReminder> plannedReminders(ConversationState state, Instant from, Instant to) {
        return reminders.planned(upgrade(state), from, to);
    }

    /** The platform can no longer reach the person (they blocked the bot): pause, as /stop would. */
    public ConversationState unreachable(ConversationState stored, Instant now) {
        return stored.withPaused(true).touchedAt(now);
    }

    /**
     * The answer to a press from a message the bot never sent with buttons to this person (forged, or older
     * than the records of sent messages): that the button is no longer valid, then, in a private chat, the
     * question they are being asked now, so they can go on. Nothing changes; the caller stores nothing.
     */
    public List<Reply> unknownButton(ConversationState stored, Incoming.Press press) {
        if (press.chat().isGroup()) {
            return List.of(Reply.text(Texts.NO_LONGER_VALID));
        }
        return withPrompt(upgrade(stored), press.at(), Reply.text(Texts.NO_LONGER_VALID)).replies();
    }

    public Turn step(ConversationState stored, Incoming in) {
        Instant now = in.at();
        if (in instanceof Incoming.Due due) {
            return reminderDue(stored, due, now);
        }
        if (in instanceof Incoming.Text text) {
            Optional<RedFlag> flag = redFlags.scan(text.text());
            if (flag.isPresent() && flag.get().certain()) {
                // Said in a group, the advice goes there, and the writer's own plan stops as if said in private.
                return in.chat().isGroup()
                        ? new Turn(emergency(stored, flag.get(), now).state(), List.of(emergencyReply(flag.get(), false).withPrivatePointer()))
                        : emergency(stored, flag.get(), now);
            }
            if (flag.isPresent() && !in.chat().isGroup() && !isEmergency(stored)) {
                return confirmRedFlag(stored, flag.get(), now);
            }
            if (!in.chat().isGroup() && !isReferredToADoctor(stored) && stored.overlay() != Overlay.CONFIRM_RED_FLAG) {
                Optional<RedFlag> urgent = redFlags.scanUrgent(text.text());
                if (urgent.isPresent()) {
                    return confirmRedFlag(stored, urgent.get(), now);
                }
            }
        }
        if (in.chat().isGroup()) {
            // Group talk not meant for the bot is none of its business; an emergency above is the exception.
            // Personal coaching happens in private: every group answer carries the way there.
            boolean addressed = !(in instanceof Incoming.Text text) || text.addressed();
            return new Turn(stored, addressed ? List.of(Reply.text(Texts.GROUP).withPrivatePointer()) : List.of());
        }
        // The person wrote: check-in prompts count as unanswered from now on (reminders thin out after silence).
        RecoveryDialog.Moved moved = recovery.freshCheckIn(
                recovery.advance(upgrade(stored).withReminders(stored.reminders().heard(now)), now), now);
        Turn turn = dispatch(moved.state(), read(moved.state(), in, now), now);
        if (moved.announcements().isEmpty()) {
            return turn;
        }
        List<Reply> replies = new ArrayList<>(moved.announcements());
        replies.addAll(turn.replies());
        return new Turn(turn.state(), replies);
    }

    /**
     * A reminder falling due. Only a reminder actually sent carries the news of phases time has moved on;
     * one that is skipped (stale, or dropped from the plan) changes nothing but the reminder log.
     */
    private Turn reminderDue(ConversationState stored, Incoming.Due due, Instant now) {
        RecoveryDialog.Moved moved = recovery.advance(upgrade(stored), now);
        ReminderDialog.Delivery delivery = reminders.deliver(moved.state(), due.reminderId(), due.dueAt(), now);
        if (delivery.sent()) {
            List<Reply> replies = new ArrayList<>(moved.announcements());
            // The morning message tells of a phase that starts later today.
            reminders.morning(moved.state(), due.dueAt()).flatMap(end -> recovery.phaseLaterToday(moved.state(), now, end))
                    .ifPresent(replies::add);
            replies.addAll(delivery.replies());
            return new Turn(moved.state().withReminders(delivery.log()).touchedAt(now), replies);
        }
        if (delivery.log().equals(stored.reminders())) {
            return new Turn(stored, delivery.replies());
        }
        return new Turn(stored.withReminders(delivery.log()).touchedAt(now), delivery.replies());
    }

    /** States stored before recovery progress existed get it from the time triage said RECOVERY. */
    private ConversationState upgrade(ConversationState state) {
        if (state.stage() == Stage.RECOVERY && state.recovery().isEmpty()) {
            Instant since = state.triageResult().map(TriageResult::at).orElse(state.updatedAt());
            return state.withRecovery(Optional.of(recovery.start(since)));
        }
        return state;
    }

    Turn dispatch(ConversationState state, Input input, Instant now) {
        if (input instanceof Input.Command command) {
            return command(state, command.name(), command.args(), now);
        }
        if (input instanceof Input.Choice choice && choice.promptId().equals(DataDialog.FORGET_PROMPT)) {
            return data.press(state, choice.optionId(), now);
        }
        if (state.stage() == Stage.NEW && state.overlay() == Overlay.NONE) {
            return start(state, now);
        }
        if (input instanceof Input.Choice choice && choice.promptId().equals(COMMAND_BUTTON)) {
            return command(state, choice.optionId(), "", now);
        }
        if (input instanceof Input.Choice choice && choice.promptId().startsWith(ReminderDialog.PREFIX + ":")) {
            Optional<Turn> pressed = reminders.press(state, choice.promptId(), choice.optionId(), now);
            return pressed.orElseGet(() -> recoveryCommand(state, "checkin", now));
        }
        if (input instanceof Input.Empty) {
            return reprompt(state, now, Texts.EMPTY);
        }
        if (input instanceof Input.TooLong tooLong) {
            return reprompt(state, now, Texts.tooLong(tooLong.length(), MAX_TEXT_CHARS));
        }
        if (ProfileDialog.owns(state.overlay())) {
            return profile.overlay(state, input, now);
        }
        if (input instanceof Input.Choice choice && choice.promptId().equals(ProfileDialog.SETTINGS_PROMPT)
                && state.overlay() == Overlay.NONE) {
            return profile.settings(state, choice.optionId(), now);
        }
        if (state.overlay() != Overlay.NONE) {
            return overlay(state, input, now);
        }
        if (state.paused()) {
            return turn(state, now, Reply.text(Texts.STILL_PAUSED));
        }
        return switch (state.stage()) {
            case NEW -> start(state, now);
            case TRIAGE -> triageAnswer(state, input, now);
            case ASK_WEIGHT -> profile.weight(state, input, now);
            case ASK_TIME_ZONE -> profile.timeZone(state, input, now);
            case ASK_UNIT -> profile.unit(state, input, now);
            case ASK_ONSET -> onset(state, input, now);
            case RECOVERY -> recovery.handle(state, input, now);
            case REFERRED -> referred(state, input, now);
        };
    }

    // ---- reading input -------------------------------------------------------------------------------

    private Input read(ConversationState state, Incoming in, Instant now) {
        if (in instanceof Incoming.Press press) {
            int cut = press.data().lastIndexOf(':');
            return cut <= 0 ? new Input.Choice("", press.data())
                    : new Input.Choice(press.data().substring(0, cut), press.data().substring(cut + 1));
        }
        String text = ((Incoming.Text) in).text().strip();
        if (text.isEmpty()) {
            return new Input.Empty();
        }
        Matcher command = COMMAND.matcher(text);
        if (command.matches()) {
            return new Input.Command(command.group(1).toLowerCase(Locale.ROOT), command.group(2) == null ? "" : command.group(2).strip());
        }
        if (text.length() > MAX_TEXT_CHARS) {
            return new Input.TooLong(text.length());
        }
        if (state.overlay() == Overlay.SETTINGS_MENU && ProfileDialog.namesSettingWithValue(text)) {
            return new Input.FreeText(text); // "weight 180" at the menu: the value, not only the button's word
        }
        Prompt prompt = prompt(state, now);
        List<Button> buttons = prompt.reply().buttons();
        Optional<Button> typed = buttons.stream().filter(b -> b.label().equalsIgnoreCase(text)).findFirst()
                .or(() -> FreeAnswers.press(text, buttons, prompt.typed()));
        if (typed.isPresent()) {
            int cut = typed.get().data().lastIndexOf(':');
            return new Input.Choice(typed.get().data().substring(0, cut), typed.get().data().substring(cut + 1));
        }
        return new Input.FreeText(text);
    }

    // ---- commands ------------------------------------------------------------------------------------

    private Turn command(ConversationState state, String name, String args, Instant now) {
        switch (name) {
            case "start":
                return start(state, now);
            case "help":
                return withPrompt(state, now, Reply.text(Texts.HELP));
            case "triage":
                return retake(state.withoutOverlay().withPaused(false), now);
            case "status":
                return withPrompt(state, now, Reply.text(status(state, now)));
            case "stop":
                return turn(state.withPaused(true), now, Reply.text(state.paused() ? Texts.ALREADY_PAUSED : Texts.PAUSED));
            case "reset":
                if (state.stage() == Stage.NEW) {
                    return start(state, now);
                }
                ConversationState confirming = state.withOverlay(Overlay.CONFIRM_RESET, "");
                return turn(confirming, now, prompt(confirming, now).reply());
            case "progress", "history", "report", "export", "forget":
                return data.command(state, name, now);
            case "checkin", "today", "plan":
                return recoveryCommand(state, name, args, now);
            case "reminders":
                return withPrompt(state, now, reminders.list(state, now));
            case "snooze":
                return reminders.snoozeCommand(state, args, now);
            case "settings":
                return profile.settings(state, args, now);
            default:
                return withPrompt(state, now, Reply.text(Texts.unknownCommand(name.length() > 32 ? name.substring(0, 32) + "..." : name)));
        }
    }

    private Turn recoveryCommand(ConversationState state, String name, Instant now) {
        return recoveryCommand(state, name, "", now);
    }

    /** {@code /checkin 4}: a check-in whose pain-before-moving is already given (the safety question still comes first). */
    private Turn recoveryCommand(ConversationState state, String name, String args, Instant now) {
        if (state.stage() != Stage.RECOVERY) {
            String why = state.stage() == Stage.REFERRED ? Texts.NO_PLAN_WHILE_REFERRED : Texts.PLAN_AFTER_TRIAGE;
            return withPrompt(state, now, Reply.text(why));
        }
        ConversationState active = state.withoutOverlay().withPaused(false);
        return switch (name) {
            case "checkin" -> recovery.checkIn(active, args, now);
            case "today" -> withPrompt(active, now, recovery.today(active, now));
            default -> withPrompt(active, now, recovery.roadMap(active, now));
        };
    }

    private Turn start(ConversationState state, Instant now) {
        Reply notice = Reply.text(Texts.NOT_A_DOCTOR);
        if (state.stage() == Stage.NEW) {
            return beginTriage(state.withPaused(false), now, List.of(notice, Reply.text(Texts.WELCOME)));
        }
        ConversationState resumed = (state.overlay() == Overlay.CONFIRM_RESET ? state.withoutOverlay() : state).withPaused(false);
        String greeting = state.paused() ? Texts.RESUMED : Texts.CARRY_ON;
        return turn(resumed, now, notice, Reply.text(greeting), prompt(resumed, now).reply());
    }

    /**
     * /triage: after EMERGENCY, URGENT or SEE A CLINICIAN it first asks whether a clinician has cleared them to
     * train; in recovery it asks whether to retake (progress is kept if nothing new comes up); else it starts.
     */
    private Turn retake(ConversationState state, Instant now) {
        if (needsClearance(state)) {
            ConversationState asking = state.withOverlay(Overlay.ASK_CLEARANCE, "");
            return turn(asking, now, prompt(asking, now).reply());
        }
        if (state.stage() == Stage.RECOVERY && state.recovery().isPresent()) {
            ConversationState confirming = state.withOverlay(Overlay.CONFIRM_RETRIAGE, "");
            return turn(confirming, now, prompt(confirming, now).reply());
        }
        return beginTriage(state, now, List.of());
    }

    /** Referred, and no clinician has cleared them since the outcome. */
    private static boolean needsClearance(ConversationState state) {
        Optional<TriageResult> result = state.triageResult().filter(r -> r.outcome() != Outcome.RECOVERY);
        return state.stage() == Stage.REFERRED && result.isPresent()
                && state.clearance().filter(c -> !c.at().isBefore(result.get().at())).isEmpty();
    }

    private Turn beginTriage(ConversationState state, Instant now, List<Reply> before) {
        return beginTriage(state, now, before, false);
    }

    /**
     * Starts the quiz. With {@code keepProgress} (a confirmed retake in recovery) the recovery progress and a
     * task in progress stay stored, to carry on if the retake finds nothing new.
     */
    private Turn beginTriage(ConversationState state, Instant now, List<Reply> before, boolean keepProgress) {
        ConversationState next = state.withStage(Stage.TRIAGE).withTriage(List.of(), Optional.empty());
        if (!keepProgress) {
            next = next.withRecovery(Optional.empty()).withTask(Task.NONE);
        }
        List<Reply> replies = new ArrayList<>(before);
        replies.add(Reply.text(content.triage().intro()));
        replies.add(prompt(next, now).reply());
        return new Turn(next.touchedAt(now), replies);
    }

    private String status(ConversationState state, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add("Where you stand:");
        lines.add("- Stage: " + describeStage(state));
        ZoneId zone = RecoveryDialog.zone(state);
        lines.add("- Triage: " + state.triageResult().map(r -> describeResult(r, zone)).orElse("not finished yet"));
        // A clearance given before a newer red-flag outcome no longer holds, and is not shown.
        state.clearance().filter(c -> !needsClearance(state)).ifPresent(c -> lines.add("- Cleared to train: yes, a clinician checked you (you told me on "
                + DAY.format(c.at().atZone(zone)) + ", after \"" + outcomeWords(c.after()) + "\")"));
        if (state.stage() == Stage.RECOVERY) {
            state.recovery().ifPresent(r -> lines.add("- Recovery counted from: " + DAY.format(r.startedAt().atZone(zone))));
        }
        Units units = state.profile().unitsOrKg();
        lines.add("- Body weight: " + state.profile().weightKg().map(units::format).orElse("not given yet"));
        lines.add("- Time zone: " + state.profile().timeZone().map(z -> ZoneReader.describe(ZoneId.of(z), now)).orElse("not given yet"));
        state.recovery().flatMap(r -> r.oneRepMaxKg()).ifPresent(kg -> lines.add("- One-rep max before the injury: " + units.format(kg)));
        lines.add("- Paused: " + (state.paused() ? "yes (send /start to carry on)" : "no"));
        return String.join("\n", lines);
    }

    private String describeStage(ConversationState state) {
        return switch (state.stage()) {
            case NEW -> "not started (send /start)";
            case TRIAGE -> "triage questions, " + triage.answeredCount(state.triageAnswers()) + " answered";
            case ASK_WEIGHT, ASK_TIME_ZONE, ASK_UNIT, ASK_ONSET -> "setting up your profile";
            case RECOVERY -> state.recovery().map(r -> {
                int index = content.protocol().indexOf(r.phaseId());
                return "recovery, phase " + (index + 1) + " of " + content.protocol().phases().size() + ": "
                        + content.protocol().phases().get(index).name();
            }).orElse("recovery");
            case REFERRED -> "sent to real care, no training";
        };
    }

    /** The outcome in words: "see a clinician (since 2 Mar)", "no warning signs, looks like ... (2 Mar)". */
    private String describeResult(TriageResult result, ZoneId zone) {
        String day = DAY.format(result.at().atZone(zone));
        if (result.outcome() != Outcome.RECOVERY) {
            return outcomeWords(result.outcome()) + " (since " + day + ")";
        }
        String pattern = content.triage().recoveryPatterns().stream()
                .filter(p -> p.id().equals(result.patternId()))
                .map(p -> ", looks like " + p.name())
                .findFirst().orElse("");
        return outcomeWords(result.outcome()) + pattern + " (" + day + ")";
    }

    static String outcomeWords(Outcome outcome) {
        return switch (outcome) {
            case EMERGENCY -> "get emergency care";
            case URGENT -> "see a doctor today";
            case SEE_CLINICIAN -> "see a clinician";
            case RECOVERY -> "no warning signs, recovery plan";
        };
    }

    // ---- overlays ------------------------------------------------------------------------------------

    private Turn overlay(ConversationState state, Input input, Instant now) {
        Prompt prompt = prompt(state, now);
        if (!(input instanceof Input.Choice choice) || !choice.promptId().equals(prompt.id())) {
            String ask = state.overlay() == Overlay.CONFIRM_RED_FLAG ? Texts.ANSWER_RED_FLAG_FIRST : Texts.chooseButton(labels(prompt.reply()));
            return turn(state, now, Reply.text(ask), prompt.reply());
        }
        boolean yes = choice.optionId().equals("yes");
        if (state.overlay() == Overlay.ASK_CLEARANCE) {
            ConversationState back = state.withoutOverlay();
            if (yes) {
                Outcome after = back.triageResult().map(TriageResult::outcome).orElse(Outcome.SEE_CLINICIAN);
                ConversationState cleared = back.withClearance(Optional.of(new Clearance(now, after)));
                return beginTriage(cleared, now, List.of(Reply.text(Texts.CLEARED)));
            }
            return turn(back, now, Reply.text(Texts.outcomeStands(back.triageResult().map(r -> content.triage().textFor(r.outcome()).title()).orElse(""))),
                    prompt(back, now).reply());
        }
        if (state.overlay() == Overlay.CONFIRM_RETRIAGE) {
            ConversationState back = state.withoutOverlay();
            if (yes) {
                return beginTriage(back, now, List.of(Reply.text(Texts.RETRIAGE_STARTED)), true);
            }
            return turn(back, now, Reply.text(Texts.RETRIAGE_KEPT), prompt(back, now).reply());
        }
        if (state.overlay() == Overlay.CONFIRM_RESET) {
            if (yes) {
                ConversationState fresh = ConversationState.fresh(now);
                return beginTriage(fresh, now, List.of(Reply.text(Texts.RESET_DONE), Reply.text(Texts.NOT_A_DOCTOR)));
            }
            ConversationState kept = state.withoutOverlay();
            return turn(kept, now, Reply.text(Texts.RESET_KEPT), prompt(kept, now).reply());
        }
        String signId = pendingSign(state);
        Optional<RedFlagRules.Sign> urgent = urgentSign(signId);
        switch (choice.optionId()) {
            case "yes":
                return urgent.isPresent() ? refer(state, urgentOutcome(urgent.get()), signName(signId), now)
                        : emergency(state.withoutOverlay(), new RedFlag(signId, signName(signId), true), now);
            case "unsure":
                ConversationState checking = state.withOverlay(Overlay.CONFIRM_RED_FLAG, signId + CHECK_SHOWN);
                return turn(checking, now, prompt(checking, now).reply());
            case "still_unsure":
                String possible = "possible " + signName(signId) + " (you could not rule it out)";
                return urgent.isPresent() ? refer(state, urgentOutcome(urgent.get()), possible, now)
                        : emergency(state.withoutOverlay(), new RedFlag(signId, possible, true), now);
            default:
                ConversationState cleared = state.withoutOverlay();
                return turn(cleared, now, Reply.text(Texts.RED_FLAG_CLEARED), prompt(cleared, now).reply());
        }
    }

    /** The sign a red-flag question is about; its overlay data ends in {@link #CHECK_SHOWN} once "Not sure" was pressed. */
    private static String pendingSign(ConversationState state) {
        String data = state.pendingRedFlag();
        return data.endsWith(CHECK_SHOWN) ? data.substring(0, data.length() - CHECK_SHOWN.length()) : data;
    }

    /** How a person can check the sign themselves: the check text of the quiz question about it. */
    private String checkFor(String signId) {
        return askable().filter(s -> s.id().equals(signId)).findFirst()
                .flatMap(s -> content.triage().question(s.checkQuestion())).map(TriageQuiz.Question::check)
                .filter(c -> !c.isBlank()).orElse(Texts.GENERIC_CHECK);
    }

    /** Every sign a red-flag question may be about: emergencies, then urgent signs. */
    private Stream<RedFlagRules.Sign> askable() {
        return Stream.concat(content.redFlags().signs().stream(), content.redFlags().urgent().stream());
    }

    private Optional<RedFlagRules.Sign> urgentSign(String signId) {
        return content.redFlags().urgent().stream().filter(s -> s.id().equals(signId)).findFirst();
    }

    /** What a yes to an urgent sign means: the outcome of the yes to its quiz question (URGENT in the default quiz). */
    private Outcome urgentOutcome(RedFlagRules.Sign sign) {
        return content.triage().question(sign.checkQuestion()).flatMap(q -> q.options().stream()
                .filter(o -> o.id().equals("yes")).findFirst()).map(TriageQuiz.Option::outcome)
                .filter(o -> o != Outcome.RECOVERY).orElse(Outcome.URGENT);
    }

    /** Referred to a doctor today or to emergency care already: an urgent sign adds nothing to that advice. */
    private boolean isReferredToADoctor(ConversationState state) {
        return state.stage() == Stage.REFERRED && state.triageResult()
                .map(r -> r.outcome() == Outcome.EMERGENCY || r.outcome() == Outcome.URGENT).orElse(false);
    }

    /** Asks whether a sign named uncertainly is really happening; "Yes" is an emergency. */
    Turn confirmRedFlag(ConversationState state, RedFlag flag, Instant now) {
        ConversationState asking = state.withOverlay(Overlay.CONFIRM_RED_FLAG, flag.signId());
        return turn(asking, now, prompt(asking, now).reply());
    }

    private String signName(String signId) {
        return askable().filter(s -> s.id().equals(signId))
                .map(s -> s.name()).findFirst().orElse("an emergency symptom");
    }

    // ---- emergencies and referrals -------------------------------------------------------------------

    private boolean isEmergency(ConversationState state) {
        return state.stage() == Stage.REFERRED
                && state.triageResult().map(r -> r.outcome() == Outcome.EMERGENCY).orElse(false);
    }

    Turn emergency(ConversationState state, RedFlag flag, Instant now) {
        TriageResult result = new TriageResult(Outcome.EMERGENCY, List.of(flag.signName()), "", now);
        ConversationState next = state.withoutOverlay().withStage(Stage.REFERRED).withTask(Task.NONE)
                .withTriage(List.of(), Optional.of(result));
        return turn(next, now, emergencyReply(flag, true));
    }

    /** A warning sign reported during recovery: training stops and a clinician should look at it. */
    Turn seeClinician(ConversationState state, String reason, Instant now) {
        return refer(state, Outcome.SEE_CLINICIAN, reason, now);
    }

    /** A sign reported outside the quiz whose outcome is a referral: training stops, with that outcome's advice. */
    private Turn refer(ConversationState state, Outcome outcome, String reason, Instant now) {
        TriageResult result = new TriageResult(outcome, List.of(reason), "", now);
        ConversationState next = state.withoutOverlay().withStage(Stage.REFERRED).withTask(Task.NONE)
                .withTriage(List.of(), Optional.of(result));
        return turn(next, now, referral(next, true));
    }

    private Reply emergencyReply(RedFlag flag, boolean personal) {
        TriageQuiz.OutcomeText text = content.triage().textFor(Outcome.EMERGENCY);
        String because = personal ? "You told me about " + flag.signName() + ". " : "Someone here mentioned " + flag.signName() + ". ";
        return Reply.text(text.title() + "\n" + because + text.text());
    }

    /** The outcome's whole advice, said once when it is reached, with the button for later. */
    private Reply referral(ConversationState state, boolean withReasons) {
        TriageResult result = state.triageResult().orElseThrow();
        TriageQuiz.OutcomeText text = content.triage().textFor(result.outcome());
        StringBuilder b = new StringBuilder(text.title()).append('\n');
        if (withReasons && !result.reasons().isEmpty()) {
            b.append("Because you told me about: ").append(String.join("; ", result.reasons())).append(".\n");
        }
        b.append(text.text()).append('\n').append(Texts.REFERRED_AGAIN);
        // An emergency is said with nothing to press beside it; the button comes with the next answer.
        return result.outcome() == Outcome.EMERGENCY ? Reply.text(b.toString()) : Reply.choices(b.toString(), List.of(checkedButton()));
    }

    private static Button checkedButton() {
        return Prompt.button(REFERRED_PROMPT, "checked", Texts.CLINICIAN_CHECKED);
    }

    /**
     * Referred: short answers, never the whole block again. What to do meanwhile is only what the protocol says
     * (stop training and spinal loading, get the appointment, the emergency signs); "A clinician has checked me"
     * leads to the clearance question.
     */
    private Turn referred(ConversationState state, Input input, Instant now) {
        if (input instanceof Input.Choice choice && choice.promptId().equals(REFERRED_PROMPT)) {
            ConversationState asking = state.withOverlay(Overlay.ASK_CLEARANCE, "");
            return turn(asking, now, prompt(asking, now).reply());
        }
        if (!(input instanceof Input.FreeText text)) {
            return stale(state, now);
        }
        Outcome outcome = state.triageResult().map(TriageResult::outcome).orElse(Outcome.SEE_CLINICIAN);
        String answer = switch (FreeTalk.of(text.text())) {
            case THANKS -> Texts.REFERRED_THANKS;
            case ACKNOWLEDGED -> Texts.NOTED;
            case GOOD_NEWS -> Texts.REFERRED_GOOD_NEWS + " " + Texts.meanwhile(outcome);
            default -> Texts.meanwhile(outcome);
        };
        return turn(state, now, Reply.choices(answer, List.of(checkedButton())));
    }

    // ---- when the pain started -----------------------------------------------------------------------

    private Prompt onsetPrompt() {
        List<Button> buttons = new ArrayList<>();
        for (int days = 0; days <= Onset.MOST_DAYS; days++) {
            String label = Onset.words(days);
            buttons.add(Prompt.button(ONSET_PROMPT, String.valueOf(days), Character.toUpperCase(label.charAt(0)) + label.substring(1)));
        }
        return Prompt.buttons(ONSET_PROMPT, Texts.ONSET_QUESTION, buttons);
    }

    /** The answer places the person on the timeline: their recovery is counted from the day the pain started. */
    private Turn onset(ConversationState state, Input input, Instant now) {
        Optional<Integer> days = Optional.empty();
        if (input instanceof Input.Choice choice && choice.promptId().equals(ONSET_PROMPT)) {
            days = Optional.of(Integer.parseInt(choice.optionId()));
        } else if (input instanceof Input.FreeText text) {
            days = Onset.read(text.text(), now.atZone(RecoveryDialog.zone(state)).toLocalDate());
        } else if (input instanceof Input.Choice) {
            return stale(state, now);
        }
        if (days.isEmpty()) {
            return turn(state, now, Reply.text(Texts.ONSET_AGAIN), onsetPrompt().reply());
        }
        ConversationState placed = recovery.placed(state, now.minus(java.time.Duration.ofDays(days.get())), now);
        return profileStep(placed, now, Reply.text(Texts.onsetNoted(Onset.words(days.get()), days.get() > 0)));
    }

    // ---- stages --------------------------------------------------------------------------------------

    private Turn triageAnswer(ConversationState state, Input input, Instant now) {
        Prompt prompt = prompt(state, now);
        if (!(input instanceof Input.Choice choice)) {
            String choose = Texts.chooseButton(labels(prompt.reply()));
            String said = input instanceof Input.FreeText text ? switch (FreeTalk.of(text.text())) {
                case PAIN_OR_WORRY -> Texts.PAIN_HEARD_IN_TRIAGE + " " + choose;
                case TRAINING_QUESTION, MEDICATION -> Texts.AFTER_THE_QUIZ + " " + choose;
                default -> text.text().contains("?") ? Texts.AFTER_THE_QUIZ + " " + choose : choose;
            } : choose;
            return turn(state, now, Reply.text(said), prompt.reply());
        }
        if (!choice.promptId().equals(prompt.id())) {
            return stale(state, now);
        }
        String questionId = choice.promptId().substring(2);
        Optional<List<Answer>> answers = triage.answer(state.triageAnswers(), questionId, choice.optionId());
        if (answers.isEmpty()) {
            return stale(state, now);
        }
        ConversationState answered = state.withTriage(answers.get(), Optional.empty());
        if (!triage.isFinished(answers.get())) {
            return turn(answered, now, prompt(answered, now).reply());
        }
        TriageResult result = triage.result(answers.get(), now);
        ConversationState done = answered.withTriage(answers.get(), Optional.of(result));
        if (result.outcome() != Outcome.RECOVERY) {
            ConversationState referred = done.withStage(Stage.REFERRED);
            return turn(referred, now, referral(referred, true));
        }
        TriageQuiz.OutcomeText text = content.triage().textFor(Outcome.RECOVERY);
        String expectation = content.triage().recoveryPatterns().stream()
                .filter(p -> p.id().equals(result.patternId())).map(TriageQuiz.RecoveryPattern::expectation)
                .findFirst().orElse("");
        Reply said = Reply.text(text.title() + "\n" + text.text() + "\n" + expectation);
        if (done.recovery().isPresent()) {
            // A retake in the middle of recovery that found nothing new: progress and a check-in in progress stay.
            String phase = recovery.phaseName(done);
            return profileStep(done, now, said, Reply.text(Texts.progressKept(phase)));
        }
        ConversationState next = done.withRecovery(Optional.of(recovery.start(now))).withTask(Task.NONE).withStage(Stage.ASK_ONSET);
        return turn(next, now, said, prompt(next, now).reply());
    }

    /**
     * Asks for whatever the profile still lacks (time zone, then unit, then body weight), or enters recovery with
     * today's plan once it is complete.
     */
    Turn profileStep(ConversationState state, Instant now, Reply first, Reply... more) {
        Profile p = state.profile();
        Stage missing = p.timeZone().isEmpty() ? Stage.ASK_TIME_ZONE
                : p.units().isEmpty() ? Stage.ASK_UNIT
                : p.weightKg().isEmpty() ? Stage.ASK_WEIGHT
                : Stage.RECOVERY;
        List<Reply> replies = new ArrayList<>(List.of(first));
        replies.addAll(List.of(more));
        ConversationState next = state.withStage(missing);
        if (missing == Stage.RECOVERY) {
            replies.add(recovery.today(next, now));
        }
        replies.add(prompt(next, now).reply());
        return new Turn(next.touchedAt(now), replies);
    }

    // ---- prompts -------------------------------------------------------------------------------------

    /** What the person is being asked right now; shown again after a command or an input that did not fit. */
    Prompt prompt(ConversationState state, Instant now) {
        if (state.overlay() == Overlay.CONFIRM_RESET) {
            return Prompt.buttons(RESET_PROMPT, Texts.CONFIRM_RESET, List.of(
                    Prompt.button(RESET_PROMPT, "yes", Texts.RESET_YES), Prompt.button(RESET_PROMPT, "no", Texts.RESET_NO)));
        }
        if (state.overlay() == Overlay.CONFIRM_FORGET) {
            return DataDialog.confirmPrompt(state);
        }
        if (state.overlay() == Overlay.CONFIRM_RED_FLAG) {
            String signId = pendingSign(state);
            boolean checkShown = state.pendingRedFlag().endsWith(CHECK_SHOWN);
            String question = urgentSign(signId).isPresent() ? Texts.urgentQuestion(signName(signId)) : Texts.redFlagQuestion(signName(signId));
            return Prompt.buttons(RED_FLAG_PROMPT, checkShown ? checkFor(signId) + "\n" + question : question, List.of(
                    Prompt.button(RED_FLAG_PROMPT, "yes", Texts.RED_FLAG_YES), Prompt.button(RED_FLAG_PROMPT, "no", Texts.RED_FLAG_NO),
                    checkShown ? Prompt.button(RED_FLAG_PROMPT, "still_unsure", Texts.STILL_NOT_SURE)
                            : Prompt.button(RED_FLAG_PROMPT, "unsure", Texts.NOT_SURE)));
        }
        if (state.overlay() == Overlay.ASK_CLEARANCE) {
            return Prompt.buttons(CLEARANCE_PROMPT, Texts.CLEARANCE_QUESTION, List.of(
                    Prompt.button(CLEARANCE_PROMPT, "yes", Texts.CLEARANCE_YES), Prompt.button(CLEARANCE_PROMPT, "no", Texts.CLEARANCE_NO)));
        }
        if (state.overlay() == Overlay.CONFIRM_RETRIAGE) {
            return Prompt.buttons(RETRIAGE_PROMPT, Texts.retriageQuestion(recovery.phaseName(state), state.task().kind() == Task.Kind.CHECK_IN),
                    List.of(Prompt.button(RETRIAGE_PROMPT, "yes", Texts.RETRIAGE_YES), Prompt.button(RETRIAGE_PROMPT, "no", Texts.RETRIAGE_NO)));
        }
        if (ProfileDialog.owns(state.overlay())) {
            return profile.prompt(state, now);
        }
        if (state.paused()) {
            return Prompt.typed(Texts.STILL_PAUSED);
        }
        return switch (state.stage()) {
            case NEW -> Prompt.typed("Send /start to begin.");
            case TRIAGE -> triagePrompt(state);
            case ASK_WEIGHT -> profile.weightPrompt(state);
            case ASK_TIME_ZONE -> profile.timeZonePrompt();
            case ASK_UNIT -> profile.unitPrompt(state);
            case ASK_ONSET -> onsetPrompt();
            case RECOVERY -> recovery.prompt(state, now);
            case REFERRED -> Prompt.buttons(REFERRED_PROMPT, Texts.referredReminder(state.triageResult().map(TriageResult::outcome)
                    .orElse(Outcome.SEE_CLINICIAN)), List.of(checkedButton()));
        };
    }

    private Prompt triagePrompt(ConversationState state) {
        Optional<TriageQuiz.Question> next = triage.nextQuestion(state.triageAnswers());
        if (next.isEmpty()) {
            // Only reachable with answers stored by an older quiz; a retake keeps the person moving.
            return Prompt.typed("Your answers are complete. Send /triage to go through the questions again.");
        }
        TriageQuiz.Question q = next.get();
        int number = triage.answeredCount(state.triageAnswers()) + 1;
        boolean checkShown = triage.checkShown(state.triageAnswers(), q);
        String text = "Question " + number + " of up to " + content.triage().questions().size() + ": "
                + (checkShown ? q.check() + "\n" : "") + q.text();
        List<TriageQuiz.Option> shown = q.optionsShown(checkShown);
        List<Button> buttons = shown.stream().map(o -> new Button(o.label(), q.buttonData(o.id()))).toList();
        Map<String, List<String>> typed = new HashMap<>();
        shown.forEach(o -> typed.put(q.buttonData(o.id()), o.typed()));
        return Prompt.buttons("t:" + q.id(), text, buttons).withTyped(typed);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    Turn stale(ConversationState state, Instant now) {
        return turn(state, now, Reply.text(Texts.STALE_BUTTON), prompt(state, now).reply());
    }

    private Turn reprompt(ConversationState state, Instant now, String why) {
        return turn(state, now, Reply.text(why), prompt(state, now).reply());
    }

    Turn withPrompt(ConversationState state, Instant now, Reply first) {
        if (state.stage() == Stage.NEW && state.overlay() == Overlay.NONE) {
            return turn(state, now, first, Reply.text("Send /start to begin."));
        }
        return turn(state, now, first, prompt(state, now).reply());
    }

    static String labels(Reply reply) {
        return reply.buttons().stream().map(Button::label).collect(Collectors.joining(" / "));
    }

    private static Turn turn(ConversationState state, Instant now, Reply... replies) {
        return new Turn(state.touchedAt(now), List.of(replies));
    }
}
