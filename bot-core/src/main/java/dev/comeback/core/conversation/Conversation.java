package dev.comeback.core.conversation;

import dev.comeback.core.content.Content;
import dev.comeback.core.message.Button;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.Reply;
import dev.comeback.core.protocol.DailyTargets;
import dev.comeback.core.protocol.Protocol;
import dev.comeback.core.safety.RedFlag;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One conversation step as a pure function: (stored state, incoming message) -> (next state, replies).
 * Red flags are checked first, then global commands, then the open yes/no overlay, then the stage.
 */
public final class Conversation {
    /** Longest typed message read as an answer; longer ones are still scanned for red flags. */
    public static final int MAX_TEXT_CHARS = 2_000;

    private static final String RESET_PROMPT = "reset";
    private static final String RED_FLAG_PROMPT = "rf";
    /** "/name", "/name@SomeBot" or "/name with words after it". */
    private static final Pattern COMMAND = Pattern.compile("/([A-Za-z0-9_]{1,64})(?:@\\w+)?(?:\\s.*)?", Pattern.DOTALL);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final Content content;
    private final TriageEngine triage;
    private final RedFlagDetector redFlags;

    public Conversation(Content content) {
        this.content = content;
        this.triage = new TriageEngine(content.triage());
        this.redFlags = new RedFlagDetector(content.redFlags());
    }

    /** What a person's input means, once the platform is out of the way. */
    private sealed interface Input {
        record Command(String name) implements Input {
        }

        record Choice(String promptId, String optionId) implements Input {
        }

        record FreeText(String text) implements Input {
        }

        record Empty() implements Input {
        }

        record TooLong(int length) implements Input {
        }
    }

    /** The question currently waiting for an answer, if it is one answered with buttons. */
    private record Prompt(String id, Reply reply) {
    }

    public Turn step(ConversationState state, Incoming in) {
        Instant now = in.at();
        if (in instanceof Incoming.Text text) {
            Optional<RedFlag> flag = redFlags.scan(text.text());
            if (flag.isPresent() && flag.get().certain()) {
                return in.chat().isGroup()
                        ? new Turn(state, List.of(emergencyReply(flag.get(), false)))
                        : emergency(state, flag.get(), now);
            }
            if (flag.isPresent() && !in.chat().isGroup() && !isEmergency(state) && state.stage() != Stage.NEW) {
                ConversationState asking = state.withOverlay(Overlay.CONFIRM_RED_FLAG, flag.get().signId());
                return turn(asking, now, prompt(asking).reply());
            }
        }
        if (in.chat().isGroup()) {
            return new Turn(state, List.of(Reply.text(Texts.GROUP)));
        }
        Input input = read(state, in);
        if (input instanceof Input.Command command) {
            return command(state, command.name(), now);
        }
        if (state.stage() == Stage.NEW) {
            return start(state, now);
        }
        if (input instanceof Input.Empty) {
            return reprompt(state, now, Texts.EMPTY);
        }
        if (input instanceof Input.TooLong tooLong) {
            return reprompt(state, now, Texts.tooLong(tooLong.length(), MAX_TEXT_CHARS));
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
            case ASK_WEIGHT -> weight(state, input, now);
            case ASK_TIME_ZONE -> timeZone(state, input, now);
            case RECOVERY -> input instanceof Input.FreeText
                    ? turn(state, now, Reply.text(Texts.RECOVERY_FREE_TEXT), recoverySummary(state))
                    : stale(state, now);
            case REFERRED -> turn(state, now, referral(state, false));
        };
    }

    // ---- reading input -------------------------------------------------------------------------------

    private Input read(ConversationState state, Incoming in) {
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
            return new Input.Command(command.group(1).toLowerCase(Locale.ROOT));
        }
        if (text.length() > MAX_TEXT_CHARS) {
            return new Input.TooLong(text.length());
        }
        Optional<Prompt> prompt = buttonPrompt(state);
        if (prompt.isPresent()) {
            for (Button b : prompt.get().reply().buttons()) {
                if (b.label().equalsIgnoreCase(text)) {
                    int cut = b.data().lastIndexOf(':');
                    return new Input.Choice(b.data().substring(0, cut), b.data().substring(cut + 1));
                }
            }
        }
        return new Input.FreeText(text);
    }

    // ---- commands ------------------------------------------------------------------------------------

    private Turn command(ConversationState state, String name, Instant now) {
        switch (name) {
            case "start":
                return start(state, now);
            case "help":
                return withPrompt(state, now, Reply.text(Texts.HELP));
            case "triage":
                return beginTriage(state.withoutOverlay().withPaused(false), now, List.of());
            case "status":
                return withPrompt(state, now, Reply.text(status(state)));
            case "stop":
                return turn(state.withPaused(true), now, Reply.text(state.paused() ? Texts.ALREADY_PAUSED : Texts.PAUSED));
            case "reset":
                if (state.stage() == Stage.NEW) {
                    return start(state, now);
                }
                ConversationState confirming = state.withOverlay(Overlay.CONFIRM_RESET, "");
                return turn(confirming, now, prompt(confirming).reply());
            default:
                return withPrompt(state, now, Reply.text(Texts.unknownCommand(name.length() > 32 ? name.substring(0, 32) + "..." : name)));
        }
    }

    private Turn start(ConversationState state, Instant now) {
        Reply notice = Reply.text(Texts.NOT_A_DOCTOR);
        if (state.stage() == Stage.NEW) {
            return beginTriage(state.withPaused(false), now, List.of(notice, Reply.text(Texts.WELCOME)));
        }
        ConversationState resumed = state.overlay() == Overlay.CONFIRM_RESET ? state.withoutOverlay() : state;
        String greeting = state.paused() ? Texts.RESUMED : Texts.CARRY_ON;
        return turn(resumed.withPaused(false), now, notice, Reply.text(greeting), prompt(resumed.withPaused(false)).reply());
    }

    private Turn beginTriage(ConversationState state, Instant now, List<Reply> before) {
        ConversationState next = state.withStage(Stage.TRIAGE).withTriage(List.of(), Optional.empty());
        List<Reply> replies = new ArrayList<>(before);
        replies.add(Reply.text(content.triage().intro()));
        replies.add(prompt(next).reply());
        return new Turn(next.touchedAt(now), replies);
    }

    private String status(ConversationState state) {
        List<String> lines = new ArrayList<>();
        lines.add("Where you stand:");
        lines.add("- Stage: " + describeStage(state));
        lines.add("- Triage: " + state.triageResult().map(this::describeResult).orElse("not finished yet"));
        lines.add("- Body weight: " + state.profile().weightKg().map(kg -> BodyWeight.format(kg) + " kg").orElse("not given yet"));
        lines.add("- Time zone: " + state.profile().timeZone().orElse("not given yet"));
        lines.add("- Paused: " + (state.paused() ? "yes (send /start to carry on)" : "no"));
        return String.join("\n", lines);
    }

    private String describeStage(ConversationState state) {
        return switch (state.stage()) {
            case NEW -> "not started (send /start)";
            case TRIAGE -> "triage questions, " + state.triageAnswers().size() + " answered";
            case ASK_WEIGHT, ASK_TIME_ZONE -> "setting up your profile";
            case RECOVERY -> "recovery, first 72 hours";
            case REFERRED -> "sent to real care, no training";
        };
    }

    private String describeResult(TriageResult result) {
        String pattern = content.triage().recoveryPatterns().stream()
                .filter(p -> p.id().equals(result.patternId()))
                .map(p -> ", looks like " + p.name())
                .findFirst().orElse("");
        return result.outcome().name() + pattern + " (" + DATE.format(result.at().atZone(ZoneOffset.UTC)) + ")";
    }

    // ---- overlays ------------------------------------------------------------------------------------

    private Turn overlay(ConversationState state, Input input, Instant now) {
        Prompt prompt = prompt(state);
        if (!(input instanceof Input.Choice choice) || !choice.promptId().equals(prompt.id())) {
            String ask = state.overlay() == Overlay.CONFIRM_RED_FLAG ? Texts.ANSWER_RED_FLAG_FIRST : Texts.chooseButton(labels(prompt.reply()));
            return turn(state, now, Reply.text(ask), prompt.reply());
        }
        boolean yes = choice.optionId().equals("yes");
        if (state.overlay() == Overlay.CONFIRM_RESET) {
            if (yes) {
                ConversationState fresh = ConversationState.fresh(now);
                return beginTriage(fresh, now, List.of(Reply.text(Texts.RESET_DONE), Reply.text(Texts.NOT_A_DOCTOR)));
            }
            ConversationState kept = state.withoutOverlay();
            return turn(kept, now, Reply.text(Texts.RESET_KEPT), prompt(kept).reply());
        }
        String signId = state.pendingRedFlag();
        if (yes) {
            String name = content.redFlags().signs().stream().filter(s -> s.id().equals(signId))
                    .map(s -> s.name()).findFirst().orElse("an emergency symptom");
            return emergency(state.withoutOverlay(), new RedFlag(signId, name, true), now);
        }
        ConversationState cleared = state.withoutOverlay();
        return turn(cleared, now, Reply.text(Texts.RED_FLAG_CLEARED), prompt(cleared).reply());
    }

    // ---- emergencies and referrals -------------------------------------------------------------------

    private boolean isEmergency(ConversationState state) {
        return state.stage() == Stage.REFERRED
                && state.triageResult().map(r -> r.outcome() == Outcome.EMERGENCY).orElse(false);
    }

    private Turn emergency(ConversationState state, RedFlag flag, Instant now) {
        TriageResult result = new TriageResult(Outcome.EMERGENCY, List.of(flag.signName()), "", now);
        ConversationState next = state.withoutOverlay().withStage(Stage.REFERRED)
                .withTriage(List.of(), Optional.of(result));
        return turn(next, now, emergencyReply(flag, true));
    }

    private Reply emergencyReply(RedFlag flag, boolean personal) {
        TriageQuiz.OutcomeText text = content.triage().textFor(Outcome.EMERGENCY);
        String because = personal ? "You wrote about " + flag.signName() + ". " : "Someone here mentioned " + flag.signName() + ". ";
        return Reply.text(text.title() + "\n" + because + text.text());
    }

    private Reply referral(ConversationState state, boolean withReasons) {
        TriageResult result = state.triageResult().orElseThrow();
        TriageQuiz.OutcomeText text = content.triage().textFor(result.outcome());
        StringBuilder b = new StringBuilder(text.title()).append('\n');
        if (withReasons && !result.reasons().isEmpty()) {
            b.append("Because you told me about: ").append(String.join("; ", result.reasons())).append(".\n");
        }
        b.append(text.text()).append('\n').append(Texts.REFERRED_AGAIN);
        return Reply.text(b.toString());
    }

    // ---- stages --------------------------------------------------------------------------------------

    private Turn triageAnswer(ConversationState state, Input input, Instant now) {
        Prompt prompt = prompt(state);
        if (!(input instanceof Input.Choice choice)) {
            return turn(state, now, Reply.text(Texts.chooseButton(labels(prompt.reply()))), prompt.reply());
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
            return turn(answered, now, prompt(answered).reply());
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
        ConversationState next = done.withStage(nextProfileStage(done.profile()));
        return turn(next, now, Reply.text(text.title() + "\n" + text.text() + "\n" + expectation), prompt(next).reply());
    }

    private static Stage nextProfileStage(Profile profile) {
        if (profile.weightKg().isEmpty()) {
            return Stage.ASK_WEIGHT;
        }
        return profile.timeZone().isEmpty() ? Stage.ASK_TIME_ZONE : Stage.RECOVERY;
    }

    private Turn weight(ConversationState state, Input input, Instant now) {
        if (!(input instanceof Input.FreeText text)) {
            return stale(state, now);
        }
        Optional<Double> kg = BodyWeight.parseKg(text.text());
        if (kg.isEmpty()) {
            return turn(state, now, Reply.text(Texts.BAD_WEIGHT));
        }
        Profile profile = state.profile().withWeightKg(kg.get());
        ConversationState next = state.withProfile(profile).withStage(nextProfileStage(profile));
        return turn(next, now, Reply.text("Noted: " + BodyWeight.format(kg.get()) + " kg."), prompt(next).reply());
    }

    private Turn timeZone(ConversationState state, Input input, Instant now) {
        if (!(input instanceof Input.FreeText text)) {
            return stale(state, now);
        }
        Optional<ZoneId> zone = TimeZones.parse(text.text());
        if (zone.isEmpty()) {
            String shown = text.text().length() > 40 ? text.text().substring(0, 40) + "..." : text.text();
            return turn(state, now, Reply.text(Texts.badTimeZone(shown)));
        }
        Profile profile = state.profile().withTimeZone(zone.get().getId());
        ConversationState next = state.withProfile(profile).withStage(nextProfileStage(profile));
        String confirm = "Time zone set to " + zone.get().getId() + " (it is " + CLOCK.format(now.atZone(zone.get())) + " there now).";
        return turn(next, now, Reply.text(confirm), prompt(next).reply());
    }

    // ---- prompts -------------------------------------------------------------------------------------

    /** What the person is being asked right now; shown again after a command or an input that did not fit. */
    private Prompt prompt(ConversationState state) {
        if (state.overlay() == Overlay.CONFIRM_RESET) {
            return new Prompt(RESET_PROMPT, Reply.choices(Texts.CONFIRM_RESET, List.of(
                    new Button(Texts.RESET_YES, RESET_PROMPT + ":yes"), new Button(Texts.RESET_NO, RESET_PROMPT + ":no"))));
        }
        if (state.overlay() == Overlay.CONFIRM_RED_FLAG) {
            String name = content.redFlags().signs().stream().filter(s -> s.id().equals(state.pendingRedFlag()))
                    .map(s -> s.name()).findFirst().orElse("an emergency symptom");
            return new Prompt(RED_FLAG_PROMPT, Reply.choices(Texts.redFlagQuestion(name), List.of(
                    new Button(Texts.RED_FLAG_YES, RED_FLAG_PROMPT + ":yes"), new Button(Texts.RED_FLAG_NO, RED_FLAG_PROMPT + ":no"))));
        }
        if (state.paused()) {
            return new Prompt("", Reply.text(Texts.STILL_PAUSED));
        }
        return switch (state.stage()) {
            case NEW -> new Prompt("", Reply.text("Send /start to begin."));
            case TRIAGE -> triagePrompt(state);
            case ASK_WEIGHT -> new Prompt("", Reply.text(Texts.ASK_WEIGHT));
            case ASK_TIME_ZONE -> new Prompt("", Reply.text(Texts.ASK_TIME_ZONE));
            case RECOVERY -> new Prompt("", recoverySummary(state));
            case REFERRED -> new Prompt("", referral(state, false));
        };
    }

    private Optional<Prompt> buttonPrompt(ConversationState state) {
        Prompt p = prompt(state);
        return p.reply().hasButtons() ? Optional.of(p) : Optional.empty();
    }

    private Prompt triagePrompt(ConversationState state) {
        Optional<TriageQuiz.Question> next = triage.nextQuestion(state.triageAnswers());
        if (next.isEmpty()) {
            // Only reachable with answers stored by an older quiz; finishing keeps the person moving.
            return new Prompt("", Reply.text("Your answers are complete. Send /triage to go through the questions again."));
        }
        TriageQuiz.Question q = next.get();
        int number = state.triageAnswers().size() + 1;
        String text = "Question " + number + " of up to " + content.triage().questions().size() + ": " + q.text();
        List<Button> buttons = q.options().stream().map(o -> new Button(o.label(), q.buttonData(o.id()))).toList();
        return new Prompt("t:" + q.id(), Reply.choices(text, buttons));
    }

    private Reply recoverySummary(ConversationState state) {
        Protocol protocol = content.protocol();
        Optional<DailyTargets> targets = state.profile().weightKg().map(kg -> DailyTargets.forWeight(protocol.nutrition(), kg));
        String water = targets.map(DailyTargets::water).orElse("your body weight in kg x 35-40 ml");
        String protein = targets.map(DailyTargets::protein).orElse("your body weight in kg x 1.6-2.2 g");
        String steps = protocol.first72Hours().steps().stream()
                .map(s -> "- " + s.replace("{water}", water).replace("{protein}", protein))
                .collect(Collectors.joining("\n"));
        return Reply.text(protocol.first72Hours().title() + ":\n" + steps);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private Turn stale(ConversationState state, Instant now) {
        return turn(state, now, Reply.text(Texts.STALE_BUTTON), prompt(state).reply());
    }

    private Turn reprompt(ConversationState state, Instant now, String why) {
        return turn(state, now, Reply.text(why), prompt(state).reply());
    }

    private Turn withPrompt(ConversationState state, Instant now, Reply first) {
        if (state.stage() == Stage.NEW && state.overlay() == Overlay.NONE) {
            return turn(state, now, first, Reply.text("Send /start to begin."));
        }
        return turn(state, now, first, prompt(state).reply());
    }

    private static String labels(Reply reply) {
        return reply.buttons().stream().map(Button::label).collect(Collectors.joining(" / "));
    }

    private static Turn turn(ConversationState state, Instant now, Reply... replies) {
        return new Turn(state.touchedAt(now), List.of(replies));
    }
}
