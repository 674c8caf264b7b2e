package dev.comeback.core.conversation;

import dev.comeback.core.content.Content;
import dev.comeback.core.message.Button;
import dev.comeback.core.message.Reply;
import dev.comeback.core.protocol.CheckIn;
import dev.comeback.core.protocol.CheckInReview;
import dev.comeback.core.protocol.PhaseRules;
import dev.comeback.core.protocol.PlanText;
import dev.comeback.core.protocol.Protocol;
import dev.comeback.core.protocol.RecoveryProgress;
import dev.comeback.core.safety.RedFlag;
import dev.comeback.core.safety.RedFlagDetector;
import dev.comeback.core.triage.TriageQuiz;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recovery part of the conversation: phases moving on with time, daily check-ins, the functional tests
 * and the one-rep max. Pure, like {@link Conversation}, which hands it the RECOVERY stage.
 */
final class RecoveryDialog {
    static final String CHECK_IN = "ci";
    static final String TESTS = "ft";
    private static final String SAFETY_QUESTION =
            "First, safety: since your last check-in, any new numbness between your legs or in both legs, new weakness in a leg, or a change in bladder or bowel control?";
    private static final String CHECK_IN_EMERGENCY = "new numbness, leg weakness or a change in bladder or bowel control (reported at a check-in)";

    private final Content content;
    private final Protocol protocol;
    private final PhaseRules phases;
    private final PlanText plans;
    private final CheckInReview review;
    private final RedFlagDetector detector;
    private final Conversation conversation;

    RecoveryDialog(Content content, RedFlagDetector detector, Conversation conversation) {
        this.content = content;
        this.protocol = content.protocol();
        this.phases = new PhaseRules(protocol);
        this.plans = new PlanText(protocol);
        this.review = new CheckInReview(protocol);
        this.detector = detector;
        this.conversation = conversation;
    }

    RecoveryProgress start(Instant now) {
        return phases.start(now);
    }

    /** The state after time has moved the person on, and what to tell them about it. */
    record Moved(ConversationState state, List<Reply> announcements) {
    }

    Moved advance(ConversationState state, Instant now) {
        if (state.stage() != Stage.RECOVERY || state.recovery().isEmpty()) {
            return new Moved(state, List.of());
        }
        PhaseRules.Advance advance = phases.advance(state.recovery().get(), now);
        if (advance.entered().isEmpty()) {
            // A reloading block may have started with a late steady check-in, moving the table on.
            return new Moved(advance.progress().equals(state.recovery().get()) ? state
                    : state.withRecovery(Optional.of(advance.progress())), List.of());
        }
        ConversationState next = state.withRecovery(Optional.of(advance.progress()));
        if (next.task().kind() != Task.Kind.CHECK_IN) {
            next = next.withTask(defaultTask(advance.progress()));
        }
        Protocol.Phase phase = advance.entered().get(advance.entered().size() - 1);
        String text = "You've moved on to phase " + (protocol.indexOf(phase.id()) + 1) + ": " + phase.name() + ". " + phase.summary();
        return new Moved(next, List.of(Reply.text(text.strip())));
    }

    /**
     * For the morning message: the next phase, when time alone brings it later this waking day (before
     * {@code dayEnd}). A phase that loads the spine, without a steady check-in before it, is said to wait for one.
     */
    Optional<Reply> phaseLaterToday(ConversationState state, Instant now, Instant dayEnd) {
        Optional<RecoveryProgress> progress = state.recovery();
        Optional<Instant> end = progress.flatMap(RecoveryProgress::phaseEndsAt);
        if (end.isEmpty() || !end.get().isAfter(now) || end.get().isAfter(dayEnd)) {
            return Optional.empty();
        }
        int index = protocol.indexOf(phases.phase(progress.get()).id());
        if (index + 1 >= protocol.phases().size()) {
            return Optional.empty();
        }
        Protocol.Phase next = protocol.phases().get(index + 1);
        String at = java.time.format.DateTimeFormatter.ofPattern("HH:mm", java.util.Locale.ROOT).format(end.get().atZone(zone(state)));
        // A phase that loads the spine starts by itself only after a steady check-in in the hours before it.
        boolean waits = next.loadsSpine() && phases.steadyStart(progress.get(), end.get(), now).isEmpty();
        String text = waits
                ? "From " + at + " today, phase " + (index + 2) + ", " + next.name() + ", can start once you've had a steady check-in."
                : "Today from " + at + " you move on to phase " + (index + 2) + ": " + next.name() + ". " + next.summary();
        return Optional.of(Reply.text(text.strip()));
    }

    boolean inLoadedPhase(ConversationState state) {
        return state.recovery().map(p -> phases.phase(p).isLoaded()).orElse(false);
    }

    Task defaultTask(RecoveryProgress progress) {
        Protocol.Phase phase = phases.phase(progress);
        if (phase.gate().isPresent() && !phases.gatePassed(progress)) {
            return Task.of(Task.Kind.FUNCTIONAL_TESTS);
        }
        if (phase.isLoaded() && progress.oneRepMaxKg().isEmpty()) {
            return Task.of(Task.Kind.ONE_REP_MAX);
        }
        return Task.NONE;
    }

    // ---- commands ------------------------------------------------------------------------------------

    /** A check-in begun more than this long ago starts afresh: its answers no longer describe today. */
    static final java.time.Duration CHECK_IN_FRESH = java.time.Duration.ofHours(12);
    private static final java.time.format.DateTimeFormatter BEGUN =
            java.time.format.DateTimeFormatter.ofPattern("'on' EEE d MMM 'at' HH:mm", java.util.Locale.ENGLISH);

    /**
     * A check-in in progress that began more than {@link #CHECK_IN_FRESH} ago (for states stored before a task
     * kept its start: last touched then) starts again from its first question, and the person is told so.
     */
    Moved freshCheckIn(Moved moved, Instant now) {
        ConversationState state = moved.state();
        Task task = state.task();
        if (state.stage() != Stage.RECOVERY || task.kind() != Task.Kind.CHECK_IN || task.answers().isEmpty()) {
            return moved;
        }
        Instant begun = task.startedAt().orElse(state.updatedAt());
        if (!begun.plus(CHECK_IN_FRESH).isBefore(now)) {
            return moved;
        }
        List<Reply> replies = new ArrayList<>(moved.announcements());
        replies.add(Reply.text("The check-in you began " + BEGUN.format(begun.atZone(zone(state)))
                + " is more than 12 hours old, so it starts afresh from the first question."));
        return new Moved(state.withTask(Task.begun(Task.Kind.CHECK_IN, now)), replies);
    }

    /** The person placed on the timeline from {@code since}, when their pain started, moved on to {@code now}. */
    ConversationState placed(ConversationState state, Instant since, Instant now) {
        RecoveryProgress progress = phases.advance(phases.start(since), now).progress();
        return state.withRecovery(Optional.of(progress)).withTask(defaultTask(progress));
    }

    /** "phase 4, Core stability". */
    String phaseName(ConversationState state) {
        return state.recovery().map(p -> "phase " + (protocol.indexOf(phases.phase(p).id()) + 1) + ", " + phases.phase(p).name())
                .orElse("your plan");
    }

    Turn checkIn(ConversationState state, Instant now) {
        return checkIn(state, "", now);
    }

    /** A check-in; {@code pain}, a score within the scale, is taken as the pain before moving. */
    Turn checkIn(ConversationState state, String pain, Instant now) {
        Optional<Integer> before = FreeAnswers.painScore(pain == null ? "" : pain, protocol.checkIn().painMin(),
                protocol.checkIn().painMax());
        if (state.task().kind() == Task.Kind.CHECK_IN && !state.task().answers().isEmpty()) {
            // A check-in under way keeps what was answered; /checkin again (or its button) carries on with it.
            Task task = state.task();
            String note = Texts.CHECK_IN_CARRIES_ON;
            if (before.isPresent() && task.answer("before").isEmpty()) {
                task = task.answered("before", String.valueOf(before.get()));
            } else if (before.isPresent() && !task.answer("before").orElseThrow().equals(String.valueOf(before.get()))) {
                note = Texts.painBeforeKept(task.answer("before").orElseThrow());
            }
            ConversationState next = state.withTask(task);
            return turn(next, now, Reply.text(note), prompt(next, now).reply());
        }
        Task task = Task.begun(Task.Kind.CHECK_IN, now);
        if (before.isPresent()) {
            task = task.answered("before", String.valueOf(before.get()));
        }
        ConversationState next = state.withTask(task);
        return turn(next, now, prompt(next, now).reply());
    }

    Reply today(ConversationState state, Instant now) {
        RecoveryProgress progress = state.recovery().orElseThrow();
        String text = plans.today(progress, state.profile().weightKg(), zone(state), now, state.profile().unitsOrKg());
        // Something waits for a steady check-in: offer it.
        return plans.waitsForCheckIn(progress, now)
                ? Reply.choices(text, List.of(new Button(Texts.CHECK_IN_NOW, Conversation.COMMAND_BUTTON + ":checkin")))
                : Reply.text(text);
    }

    Reply roadMap(ConversationState state, Instant now) {
        return Reply.text(plans.roadMap(state.recovery().orElseThrow(), zone(state), now));
    }

    // ---- prompts -------------------------------------------------------------------------------------

    Prompt prompt(ConversationState state, Instant now) {
        RecoveryProgress progress = state.recovery().orElseThrow();
        Task task = state.task();
        return switch (task.kind()) {
            case CHECK_IN -> checkInPrompt(task, progress, now);
            case FUNCTIONAL_TESTS -> testPrompt(task, progress);
            case ONE_REP_MAX -> Prompt.typed(ProfileDialog.askOneRepMax(state.profile().unitsOrKg()));
            case NONE -> Prompt.typed("Send /today for today's plan, /checkin for your daily check-in, or /plan for the road map.");
        };
    }

    private Optional<String> nextCheckInStep(Task task, RecoveryProgress progress, Instant now) {
        for (String step : List.of("safety", "before", "after", "tasks", "session")) {
            if (task.answer(step).isEmpty() && (!step.equals("session") || asksAboutSession(progress, now))) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    private boolean asksAboutSession(RecoveryProgress progress, Instant now) {
        return phases.phase(progress).isLoaded() && progress.oneRepMaxKg().isPresent() && !progress.inStrainHold(now);
    }

    private Prompt checkInPrompt(Task task, RecoveryProgress progress, Instant now) {
        String step = nextCheckInStep(task, progress, now).orElse("safety");
        String id = CHECK_IN + ":" + step;
        return switch (step) {
            case "safety" -> yesNo(id, SAFETY_QUESTION);
            case "before" -> Prompt.buttons(id, "Pain right now, before you move: 0 (none) to 10 (worst)?", painButtons(id));
            case "after" -> Prompt.buttons(id, "Now move gently for a few minutes, as today's plan allows (/today), then tell me: pain after moving, 0 to 10?", painButtons(id));
            case "tasks" -> yesNo(id, "Do everyday tasks (tying shoes, lifting a laundry basket, driving) still hurt?");
            default -> Prompt.buttons(id, "How was your last loaded session?", List.of(
                    Prompt.button(id, "clean", "All sets pain-free, good form"),
                    Prompt.button(id, "strain", "Felt back strain"),
                    Prompt.button(id, "none", "No session since last check-in"))).withTyped(Map.of(
                    id + ":clean", List.of("all good", "pain free", "painfree", "no pain", "felt good", "good form", "went well",
                            "went fine", "felt fine", "felt great", "clean", "no problems", "no issues"),
                    id + ":strain", List.of("strain", "strained", "tweak", "tweaked", "twinge", "back hurt", "hurt my back",
                            "felt it in my back", "back pain", "tight back", "back was sore"),
                    id + ":none", List.of("no session", "didnt train", "did not train", "havent trained", "have not trained",
                            "didnt lift", "havent lifted", "rest day", "rested", "no training", "skipped", "none")));
        };
    }

    private Prompt testPrompt(Task task, RecoveryProgress progress) {
        Protocol.Gate gate = phases.phase(progress).gate().orElseThrow();
        int number = task.answers().size() + 1;
        Protocol.FunctionalTest test = gate.tests().stream().filter(t -> task.answer(t.id()).isEmpty()).findFirst()
                .orElse(gate.tests().get(0));
        String id = TESTS + ":" + test.id();
        String intro = number == 1 ? "Functional tests: all " + gate.tests().size() + " must pass before any loaded work. Try each one when you're ready and answer honestly.\n" : "";
        return Prompt.buttons(id, intro + "Test " + number + " of " + gate.tests().size() + ": " + test.text() + ". Did you pass?",
                List.of(Prompt.button(id, "pass", "Passed"), Prompt.button(id, "fail", "Not yet")));
    }

    private static Prompt yesNo(String id, String text) {
        return Prompt.buttons(id, text, List.of(Prompt.button(id, "yes", "Yes"), Prompt.button(id, "no", "No")));
    }

    private List<Button> painButtons(String id) {
        List<Button> buttons = new ArrayList<>();
        for (int i = protocol.checkIn().painMin(); i <= protocol.checkIn().painMax(); i++) {
            buttons.add(Prompt.button(id, String.valueOf(i), String.valueOf(i)));
        }
        return buttons;
    }

    // ---- answers -------------------------------------------------------------------------------------

    Turn handle(ConversationState state, Input input, Instant now) {
        Prompt prompt = prompt(state, now);
        return switch (state.task().kind()) {
            case NONE -> input instanceof Input.FreeText text ? freeText(state, text.text(), now) : conversation.stale(state, now);
            case ONE_REP_MAX -> oneRepMax(state, input, now);
            case FUNCTIONAL_TESTS -> test(state, input, prompt, now);
            case CHECK_IN -> checkInAnswer(state, input, prompt, now);
        };
    }

    /**
     * A message outside any question: a short, human answer. Pain or worry gets a check-in offer and the
     * emergency signs in one line; a question about training gets the current phase's rule; thanks or an
     * emoji gets a short reply, never the whole plan.
     */
    private Turn freeText(ConversationState state, String text, Instant now) {
        return switch (FreeTalk.of(text)) {
            case PAIN_OR_WORRY -> turn(state, now, Reply.choices(Texts.PAIN_HEARD,
                    List.of(new Button(Texts.CHECK_IN_NOW, Conversation.COMMAND_BUTTON + ":checkin"))));
            case TRAINING_QUESTION -> turn(state, now, Reply.text(trainingAnswer(state, now)));
            case GOOD_NEWS -> turn(state, now, Reply.choices(Texts.GOOD_NEWS,
                    List.of(new Button(Texts.CHECK_IN_NOW, Conversation.COMMAND_BUTTON + ":checkin"))));
            case THANKS -> turn(state, now, Reply.text(Texts.YOU_ARE_WELCOME));
            case ACKNOWLEDGED -> turn(state, now, Reply.text(Texts.NOTED));
            case MEDICATION -> turn(state, now, Reply.text(medicationAnswer(state)));
            case OTHER -> turn(state, now, Reply.text(Texts.NOT_A_QUESTION));
        };
    }

    /** The protocol's one word on medication: the ibuprofen note of the first 72 hours, and a pharmacist beyond it. */
    private String medicationAnswer(ConversationState state) {
        String note = protocol.phases().stream().flatMap(p -> p.notes().stream())
                .filter(n -> n.toLowerCase(java.util.Locale.ROOT).contains("ibuprofen")).findFirst().orElse("");
        return (note.isBlank() ? "" : note + " ") + Texts.MEDICATION_BEYOND;
    }

    /** What may be trained now, from the phase's own list; spinal loading waits for the functional tests. */
    private String trainingAnswer(ConversationState state, Instant now) {
        RecoveryProgress progress = state.recovery().orElseThrow();
        Protocol.Phase phase = phases.phase(progress);
        int index = protocol.indexOf(phase.id());
        int gate = 0;
        for (int i = 0; i < protocol.phases().size(); i++) {
            if (protocol.phases().get(i).gate().isPresent()) {
                gate = i;
            }
        }
        List<String> names = phases.currentItems(progress, now).stream()
                .map(i -> protocol.exercise(i.exercise()).map(Protocol.Exercise::name).orElse(i.exercise())).distinct().toList();
        String allowed = names.isEmpty() ? "" : " Today's plan: " + String.join(", ", names) + ".";
        String where = "You're in phase " + (index + 1) + ", " + phase.name() + ".";
        if (index <= gate && !progress.inStrainHold(now)) {
            return where + " No squats, deadlifts, bench or anything else that loads your spine until you pass the "
                    + "functional tests; they come after the core work." + allowed + " /today has the details.";
        }
        if (progress.inStrainHold(now)) {
            return where + " After the back strain you reported, bodyweight hinges only for now; no loaded lifts." + allowed;
        }
        return where + " Train only what today's plan lists, at its loads, and stop if pain rises 2 points or more."
                + allowed + " /today has sets, reps and loads.";
    }

    private Turn oneRepMax(ConversationState state, Input input, Instant now) {
        return conversation.profile().oneRepMax(state, input, now);
    }

    private Turn test(ConversationState state, Input input, Prompt prompt, Instant now) {
        if (!(input instanceof Input.Choice choice)) {
            return turn(state, now, Reply.text(Texts.chooseButton("Passed / Not yet")), prompt.reply());
        }
        if (!choice.promptId().equals(prompt.id())) {
            return conversation.stale(state, now);
        }
        RecoveryProgress progress = state.recovery().orElseThrow();
        Protocol.Gate gate = phases.phase(progress).gate().orElseThrow();
        if (choice.optionId().equals("fail")) {
            RecoveryProgress back = phases.failGate(progress, gate, now);
            ConversationState next = state.withRecovery(Optional.of(back)).withTask(Task.NONE);
            String name = phases.phase(back).name();
            return turn(next, now, Reply.text("Not yet, and that's fine: it's exactly what the tests are for. Back to "
                    + name + " for now; I'll offer the tests again in " + gate.retryAfterDays() + " days."), today(next, now));
        }
        Task task = state.task().answered(choice.promptId().substring(TESTS.length() + 1), "pass");
        if (task.answers().size() < gate.tests().size()) {
            ConversationState next = state.withTask(task);
            return turn(next, now, prompt(next, now).reply());
        }
        RecoveryProgress passed = phases.passGate(progress, now);
        ConversationState next = state.withRecovery(Optional.of(passed)).withTask(defaultTask(passed));
        Protocol.Phase phase = phases.phase(passed);
        if (phases.gatePassed(passed)) {
            return turn(next, now, Reply.text("All " + gate.tests().size() + " tests passed. Well done."), today(next, now));
        }
        return turn(next, now, Reply.text("All " + gate.tests().size() + " tests passed. Well done: on to phase "
                + (protocol.indexOf(phase.id()) + 1) + ", " + phase.name() + "."), today(next, now));
    }

    private Turn checkInAnswer(ConversationState state, Input input, Prompt prompt, Instant now) {
        String step = prompt.id().substring(CHECK_IN.length() + 1);
        String answer;
        if (input instanceof Input.Choice choice) {
            if (!choice.promptId().equals(prompt.id())) {
                return conversation.stale(state, now);
            }
            answer = choice.optionId();
        } else if (input instanceof Input.FreeText text) {
            Optional<RedFlag> warning = detector.scanWarning(text.text());
            if (warning.isPresent()) {
                return conversation.seeClinician(state.withTask(Task.NONE), warning.get().signName(), now);
            }
            Optional<Integer> pain = FreeAnswers.painScore(text.text(), protocol.checkIn().painMin(), protocol.checkIn().painMax());
            RedFlagDetector.Finding safety = step.equals("safety") ? detector.readSafetyAnswer(text.text())
                    : new RedFlagDetector.Finding(RedFlagDetector.Reading.NONE, Optional.empty());
            if (safety.reading() == RedFlagDetector.Reading.CERTAIN) {
                answer = "yes";
            } else if (safety.reading() == RedFlagDetector.Reading.UNSURE) {
                return conversation.confirmRedFlag(state, safety.flag().orElseThrow(), now);
            } else if (safety.reading() == RedFlagDetector.Reading.DENIED) {
                answer = "no";
            } else if ((step.equals("before") || step.equals("after")) && pain.isPresent()) {
                answer = String.valueOf(pain.get());
            } else {
                String expected = step.equals("before") || step.equals("after")
                        ? "I need one number from " + protocol.checkIn().painMin() + " to " + protocol.checkIn().painMax() + ", like 3, 3/10 or \"about 3\"; if it is between two, pick the higher."
                        : Texts.chooseButton(Conversation.labels(prompt.reply()));
                return turn(state, now, Reply.text(switch (FreeTalk.of(text.text())) {
                    case PAIN_OR_WORRY -> Texts.PAIN_HEARD_IN_CHECK_IN;
                    case TRAINING_QUESTION, MEDICATION -> Texts.AFTER_THE_CHECK_IN;
                    default -> expected;
                }), prompt.reply());
            }
        } else {
            return turn(state, now, prompt.reply());
        }
        if (step.equals("safety") && answer.equals("yes")) {
            return conversation.emergency(state.withTask(Task.NONE), new RedFlag("checkin_safety", CHECK_IN_EMERGENCY, true), now);
        }
        Task task = state.task().answered(step, answer);
        RecoveryProgress progress = state.recovery().orElseThrow();
        if (nextCheckInStep(task, progress, now).isPresent()) {
            ConversationState next = state.withTask(task);
            return turn(next, now, prompt(next, now).reply());
        }
        CheckIn checkIn = new CheckIn(now, Integer.parseInt(task.answer("before").orElseThrow()),
                Integer.parseInt(task.answer("after").orElseThrow()), task.answer("tasks").orElse("no").equals("yes"));
        CheckInReview.Session session = task.answer("session").map(s -> switch (s) {
            case "clean" -> CheckInReview.Session.CLEAN;
            case "strain" -> CheckInReview.Session.STRAIN;
            default -> CheckInReview.Session.NONE;
        }).orElse(CheckInReview.Session.NOT_ASKED);
        CheckInReview.Result result = review.review(progress, checkIn, session, expectation(state), now, state.profile().unitsOrKg());
        ConversationState next = state.withRecovery(Optional.of(result.progress())).withTask(defaultTask(result.progress()));
        List<Reply> replies = new ArrayList<>();
        replies.add(Reply.text(String.join("\n", result.messages())));
        if (result.regressed()) {
            replies.add(today(next, now));
        }
        replies.add(prompt(next, now).reply());
        return new Turn(next.touchedAt(now), replies);
    }

    private String expectation(ConversationState state) {
        String pattern = state.triageResult().map(r -> r.patternId()).orElse("");
        return content.triage().recoveryPatterns().stream().filter(p -> p.id().equals(pattern))
                .map(TriageQuiz.RecoveryPattern::expectation).findFirst().orElse("");
    }

    static ZoneId zone(ConversationState state) {
        return state.profile().timeZone().map(ZoneId::of).orElse(ZoneOffset.UTC);
    }

    private static Turn turn(ConversationState state, Instant now, Reply... replies) {
        return new Turn(state.touchedAt(now), List.of(replies));
    }
}
