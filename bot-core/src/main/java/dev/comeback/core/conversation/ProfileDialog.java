package dev.comeback.core.conversation;

import com.ibm.icu.util.TimeZone;
import dev.comeback.core.content.Content;
import dev.comeback.core.message.Button;
import dev.comeback.core.message.Reply;
import dev.comeback.core.protocol.DailyTargets;
import dev.comeback.core.protocol.RecoveryProgress;
import dev.comeback.core.protocol.Units;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The profile questions and their changes: time zone (asked first), unit (kg or lb, the one usual in that zone
 * first), body weight, the one-rep max when loaded work starts, and /settings for all of them plus waking hours
 * and training days. An implausible weight or one-rep max is confirmed before it is stored, and the message right
 * after one is stored may correct it ("sorry, I meant 315 lb"). Every change keeps progress; reminders follow
 * from the stored state, so they are re-planned as soon as the turn is stored. Pure, like {@link Conversation}.
 */
final class ProfileDialog {
    static final String ZONE_PROMPT = "tz";
    static final String UNIT_PROMPT = "unit";
    static final String CONFIRM_PROMPT = "confirm";
    static final String SETTINGS_PROMPT = "set";
    static final String KEEP_PROMPT = "keep";

    /** Body weights outside 35-250 kg are confirmed before they are stored. */
    static final double PLAUSIBLE_MIN_KG = 35;
    static final double PLAUSIBLE_MAX_KG = 250;
    /** Body weights outside 20-400 kg are refused outright. */
    static final double MIN_KG = 20;
    static final double MAX_KG = 400;
    /** One-rep maxes outside 20-500 kg are refused; above 4x or below 0.5x body weight they are confirmed first. */
    static final double ONE_REP_MAX_MIN_KG = 20;
    static final double ONE_REP_MAX_MAX_KG = 500;
    static final double ONE_REP_MAX_MAX_RATIO = 4;
    static final double ONE_REP_MAX_MIN_RATIO = 0.5;

    private static final String WEIGHT = "weight";
    /** CONFIRM_VALUE about a bare number that looks typed in the unit the person used before. */
    private static final String WHICH_UNIT = "whichunit";
    private static final String ONE_RM = "1rm";
    private static final Set<String> POUND_REGIONS = Set.of("US", "LR", "MM");
    private static final Pattern SETTING = Pattern.compile(
            "(time ?zone|time-zone|zone|tz|units?|weight|body ?weight|bw|1 ?rm|one[- ]rep[- ]max|orm|max|waking(?: hours)?|wake|hours|days|training(?: days)?)(?:\\s+(.*))?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final List<String[]> MENU = List.of(
            new String[] {"zone", "Time zone"}, new String[] {"units", "Units"}, new String[] {WEIGHT, "Body weight"},
            new String[] {ONE_RM, "One-rep max"}, new String[] {"waking", "Waking hours"}, new String[] {"days", "Training days"});

    private static final String ASK_TIME_ZONE = "Which time zone are you in? Type a city (Berlin, New York), a country (India),"
            + " a zone name (Europe/Berlin) or an abbreviation (EST). I use it so reminders come at sensible times of your day.";
    private static final String UNKNOWN_ZONE = "I don't know the time zone \"%s\". Try a city (Berlin, New York), a country"
            + " (India), a zone name (Europe/Berlin), an abbreviation (EST) or an offset (UTC-5).";

    private final Content content;
    private final Conversation conversation;
    private final RecoveryDialog recovery;
    private final ReminderDialog reminders;
    private final ZoneReader zones;

    ProfileDialog(Content content, Conversation conversation, RecoveryDialog recovery, ReminderDialog reminders) {
        this.content = content;
        this.conversation = conversation;
        this.recovery = recovery;
        this.reminders = reminders;
        this.zones = new ZoneReader(content.zones());
    }

    /** The overlays this dialog answers. */
    static boolean owns(Overlay overlay) {
        return switch (overlay) {
            case PICK_ZONE, CONFIRM_VALUE, JUST_ENTERED, SETTINGS_MENU, SETTING -> true;
            default -> false;
        };
    }

    /** The unit usual where {@code zone} is: pounds in the United States, Liberia and Myanmar, else kilograms. */
    static Units suggestedUnits(Optional<String> zone) {
        if (zone.isEmpty()) {
            return Units.KG;
        }
        String canonical = TimeZone.getCanonicalID(zone.get());
        String region = canonical == null ? null : TimeZone.getRegion(canonical);
        return region != null && POUND_REGIONS.contains(region) ? Units.LB : Units.KG;
    }

    static String askOneRepMax(Units units) {
        String example = units == Units.LB ? "for example 315" : "for example 180";
        return "Loaded work starts now, so I need your deadlift one-rep max from before the injury, in " + units.symbol()
                + " (" + example + "). I work every load out from it.";
    }

    // ---- prompts -------------------------------------------------------------------------------------

    Prompt prompt(ConversationState state, Instant now) {
        String about = state.pendingRedFlag();
        return switch (state.overlay()) {
            case PICK_ZONE -> zonePrompt(about, now);
            case CONFIRM_VALUE -> confirmPrompt(state);
            case SETTINGS_MENU -> menuPrompt(state, now);
            case SETTING -> settingPrompt(state, about);
            default -> conversation.prompt(state.withoutOverlay(), now);
        };
    }

    Prompt timeZonePrompt() {
        return Prompt.typed(ASK_TIME_ZONE);
    }

    Prompt unitPrompt(ConversationState state) {
        Units first = suggestedUnits(state.profile().timeZone());
        Units second = first == Units.KG ? Units.LB : Units.KG;
        String text = "Do you weigh yourself and your lifts in kilograms or pounds? I'll read and show every weight in the one you pick"
                + (first == Units.LB ? " (pounds are usual where you are)." : ".");
        return Prompt.buttons(UNIT_PROMPT, text, List.of(
                Prompt.button(UNIT_PROMPT, first.name().toLowerCase(Locale.ROOT), first.symbol()),
                Prompt.button(UNIT_PROMPT, second.name().toLowerCase(Locale.ROOT), second.symbol())));
    }

    Prompt weightPrompt(ConversationState state) {
        Units units = state.profile().unitsOrKg();
        String example = units == Units.LB ? "For example 176 or 176.5." : "For example 82 or 82.5.";
        return Prompt.typed("What is your body weight in " + units.symbol() + "? " + example
                + " I use it for your daily water and protein targets.");
    }

    private Prompt zonePrompt(String typed, Instant now) {
        ZoneReader.Result result = zones.read(typed, now);
        if (!(result instanceof ZoneReader.Result.Choose choose)) {
            return timeZonePrompt();
        }
        List<Button> buttons = new ArrayList<>();
        for (ZoneId zone : choose.zones()) {
            buttons.add(Prompt.button(ZONE_PROMPT, zone.getId(), ZoneReader.label(zone)));
        }
        choose.fixed().ifPresent(offset -> buttons.add(Prompt.button(ZONE_PROMPT, "fixed" + offset.getTotalSeconds(), ZoneReader.label(offset))));
        return Prompt.buttons(ZONE_PROMPT, choose.question(), buttons);
    }

    private Prompt confirmPrompt(ConversationState state) {
        Pending pending = Pending.of(state.pendingRedFlag());
        Units units = state.profile().unitsOrKg();
        String shown = units.format(pending.kg());
        String text;
        if (pending.kind().equals(WHICH_UNIT)) {
            double amount = units.fromKg(pending.kg());
            String inOther = Units.number(amount) + " " + other(units).symbol();
            return Prompt.buttons(CONFIRM_PROMPT, "Just checking: your body weight so far was " + state.profile().weightKg().map(units::format).orElse("")
                    + ", and you now use " + units.symbol() + ". Did you mean " + shown + " (" + Units.number(pending.kg()) + " kg) or "
                    + inOther + "?", List.of(
                    Prompt.button(CONFIRM_PROMPT, "yes", shown), Prompt.button(CONFIRM_PROMPT, "other", inOther)));
        }
        if (pending.kind().equals(WEIGHT)) {
            text = "Just checking: " + shown + " is an unusual body weight (most people weigh between "
                    + units.format(PLAUSIBLE_MIN_KG) + " and " + units.format(PLAUSIBLE_MAX_KG) + "). Is " + shown + " right?";
        } else {
            double bodyKg = state.profile().weightKg().orElse(pending.kg());
            String how = pending.kg() > bodyKg * ONE_REP_MAX_MAX_RATIO ? "more than 4 times" : "less than half";
            text = "Just checking: a one-rep max of " + shown + " is " + how + " your body weight of "
                    + units.format(bodyKg) + ". Is " + shown + " right?";
        }
        return Prompt.buttons(CONFIRM_PROMPT, text, List.of(
                Prompt.button(CONFIRM_PROMPT, "yes", "Yes, that's right"), Prompt.button(CONFIRM_PROMPT, "no", "No, let me fix it")));
    }

    private Prompt menuPrompt(ConversationState state, Instant now) {
        List<Button> buttons = MENU.stream().map(m -> Prompt.button(SETTINGS_PROMPT, m[0], m[1])).toList();
        return Prompt.buttons(SETTINGS_PROMPT, describe(state, now), buttons);
    }

    private Prompt settingPrompt(ConversationState state, String kind) {
        Units units = state.profile().unitsOrKg();
        if (kind.equals("units")) {
            List<Button> buttons = new ArrayList<>(unitPrompt(state).reply().buttons());
            buttons.add(Prompt.button(KEEP_PROMPT, "keep", "Keep as is"));
            return Prompt.buttons(UNIT_PROMPT, "Kilograms or pounds? Now: " + units.symbol() + ".", buttons);
        }
        String text = switch (kind) {
            case "zone" -> "Type your time zone: a city (New York), a country (India), a zone name (Europe/Berlin), an abbreviation (EST) or an offset (UTC-5).";
            case WEIGHT -> "Type your body weight in " + units.symbol() + (units == Units.LB ? ", for example 176." : ", for example 82.");
            case ONE_RM -> "Type your deadlift one-rep max from before the injury, in " + units.symbol() + (units == Units.LB ? ", for example 315." : ", for example 180.");
            case "waking" -> "Type your waking hours, for example 07:00-23:00. No reminder comes outside them.";
            default -> "Type your training days, for example mon wed fri.";
        };
        return Prompt.buttons(KEEP_PROMPT, text, List.of(Prompt.button(KEEP_PROMPT, "keep", "Keep as is")));
    }

    // ---- onboarding stages ---------------------------------------------------------------------------

    Turn timeZone(ConversationState state, Input input, Instant now) {
        if (!(input instanceof Input.FreeText text)) {
            return conversation.stale(state, now);
        }
        return zoneTyped(state, text.text(), now);
    }

    Turn unit(ConversationState state, Input input, Instant now) {
        if (input instanceof Input.Choice choice) {
            if (!choice.promptId().equals(UNIT_PROMPT)) {
                return conversation.stale(state, now);
            }
            return unitChosen(state, choice.optionId().equals("lb") ? Units.LB : Units.KG, now);
        }
        if (input instanceof Input.FreeText text) {
            Optional<Units> named = unitNamed(text.text());
            if (named.isPresent()) {
                return unitChosen(state, named.get(), now);
            }
            // "176 lb" answers both questions at once.
            Optional<BodyWeight.Typed> typed = BodyWeight.read(text.text()).filter(t -> t.unit().isPresent());
            if (typed.isPresent()) {
                ConversationState chosen = state.withProfile(state.profile().withUnits(typed.get().unit().get())).withStage(Stage.ASK_WEIGHT);
                return weightTyped(chosen, typed.get(), now);
            }
        }
        Prompt prompt = unitPrompt(state);
        return turn(state, now, Reply.text(Texts.chooseButton(Conversation.labels(prompt.reply()))), prompt.reply());
    }

    private Turn unitChosen(ConversationState state, Units units, Instant now) {
        ConversationState next = state.withoutOverlay().withProfile(state.profile().withUnits(units));
        String said = units == Units.LB ? "Pounds it is." : "Kilograms it is.";
        if (state.stage() == Stage.ASK_UNIT) {
            return conversation.profileStep(next, now, Reply.text(said));
        }
        String values = state.profile().weightKg().map(kg -> " Body weight " + units.format(kg)).orElse("")
                + state.recovery().flatMap(RecoveryProgress::oneRepMaxKg).map(kg -> ", one-rep max " + units.format(kg)).orElse("");
        return turn(next, now, Reply.text(said + " Weights and loads are shown in " + units.symbol() + " from now on." + (values.isEmpty() ? "" : values + ".")),
                conversation.prompt(next, now).reply());
    }

    private static Optional<Units> unitNamed(String text) {
        String t = text.toLowerCase(Locale.ROOT).strip().replaceAll("[.!]+$", "");
        if (t.matches("kgs?|kilos?|kilograms?|kilogrammes?|metric|in kg|kg please")) {
            return Optional.of(Units.KG);
        }
        if (t.matches("lbs?|pounds?|imperial|in lbs?|in pounds|lb please")) {
            return Optional.of(Units.LB);
        }
        return Optional.empty();
    }

    Turn weight(ConversationState state, Input input, Instant now) {
        if (!(input instanceof Input.FreeText text)) {
            return conversation.stale(state, now);
        }
        Optional<BodyWeight.Typed> typed = BodyWeight.read(text.text());
        if (typed.isEmpty()) {
            return turn(state, now, Reply.text(badWeight(state.profile().unitsOrKg())));
        }
        return weightTyped(state, typed.get(), now);
    }

    Turn oneRepMax(ConversationState state, Input input, Instant now) {
        if (!(input instanceof Input.FreeText text)) {
            return conversation.stale(state, now);
        }
        Optional<BodyWeight.Typed> typed = BodyWeight.read(text.text());
        if (typed.isEmpty()) {
            return turn(state, now, Reply.text(badOneRepMax(state.profile().unitsOrKg())));
        }
        return oneRepMaxTyped(state, typed.get(), now);
    }

    private static String badWeight(Units units) {
        return "I need your body weight as a number of " + (units == Units.LB ? "pounds, for example 176 (or kilograms, like 80 kg)."
                : "kilograms, for example 82 or 82.5 (or pounds, like 180 lb).");
    }

    private static String badOneRepMax(Units units) {
        return "I need your one-rep max as a number of " + (units == Units.LB ? "pounds, for example 315 (or kilograms, like 140 kg)."
                : "kilograms, for example 180 (or pounds, like 400 lb).");
    }

    // ---- entering a weight or a one-rep max ----------------------------------------------------------

    private Turn weightTyped(ConversationState state, BodyWeight.Typed typed, Instant now) {
        Units units = state.profile().unitsOrKg();
        double kg = typed.kg(units);
        if (kg < MIN_KG || kg > MAX_KG) {
            return turn(state, now, Reply.text("That can't be a body weight: I need one between " + units.format(MIN_KG) + " and "
                    + units.format(MAX_KG) + ". " + badWeight(units)));
        }
        if (kg < PLAUSIBLE_MIN_KG || kg > PLAUSIBLE_MAX_KG) {
            return confirm(state, WEIGHT, kg, now);
        }
        if (typed.unit().isEmpty() && inOtherUnit(state, typed.amount())) {
            return confirm(state, WHICH_UNIT, kg, now);
        }
        return storeWeight(state, kg, now);
    }

    /**
     * A bare number that matches the stored body weight in the other unit (within 2%) but not in the person's
     * unit (more than 10% off): most likely typed out of habit after switching units, so it is asked about.
     */
    private static boolean inOtherUnit(ConversationState state, double amount) {
        Optional<Double> stored = state.profile().weightKg();
        if (stored.isEmpty()) {
            return false;
        }
        Units units = state.profile().unitsOrKg();
        double asOther = other(units).toKg(amount);
        double asOwn = units.toKg(amount);
        return Math.abs(asOther - stored.get()) <= stored.get() * 0.02 && Math.abs(asOwn - stored.get()) > stored.get() * 0.10;
    }

    private static Units other(Units units) {
        return units == Units.KG ? Units.LB : Units.KG;
    }

    private Turn oneRepMaxTyped(ConversationState state, BodyWeight.Typed typed, Instant now) {
        Units units = state.profile().unitsOrKg();
        if (state.recovery().isEmpty()) {
            return turn(state.withoutOverlay(), now, Reply.text("I'll ask for your one-rep max when loaded work starts, once your recovery plan is under way."),
                    conversation.prompt(state.withoutOverlay(), now).reply());
        }
        double kg = typed.kg(units);
        if (kg < ONE_REP_MAX_MIN_KG || kg > ONE_REP_MAX_MAX_KG) {
            return turn(state, now, Reply.text("That can't be a deadlift one-rep max: I need one between " + units.format(ONE_REP_MAX_MIN_KG)
                    + " and " + units.format(ONE_REP_MAX_MAX_KG) + ". " + badOneRepMax(units)));
        }
        Optional<Double> body = state.profile().weightKg();
        if (body.isPresent() && (kg > body.get() * ONE_REP_MAX_MAX_RATIO || kg < body.get() * ONE_REP_MAX_MIN_RATIO)) {
            return confirm(state, ONE_RM, kg, now);
        }
        return storeOneRepMax(state, kg, now);
    }

    private Turn confirm(ConversationState state, String kind, double kg, Instant now) {
        ConversationState asking = state.withOverlay(Overlay.CONFIRM_VALUE, new Pending(kind, kg).text());
        return turn(asking, now, prompt(asking, now).reply());
    }

    private Turn storeWeight(ConversationState state, double kg, Instant now) {
        Units units = state.profile().unitsOrKg();
        ConversationState next = state.withoutOverlay().withProfile(state.profile().withWeightKg(kg));
        Turn done;
        if (state.stage() == Stage.ASK_WEIGHT) {
            done = conversation.profileStep(next, now, Reply.text("Noted: " + units.format(kg) + "."));
        } else {
            DailyTargets day = DailyTargets.forWeight(content.protocol().nutrition(), kg);
            done = turn(next, now, Reply.text("Body weight set to " + units.format(kg) + ". Your daily targets now: water "
                    + day.water(units) + ", protein " + day.protein() + "."), conversation.prompt(next, now).reply());
        }
        return justEntered(done, WEIGHT);
    }

    private Turn storeOneRepMax(ConversationState state, double kg, Instant now) {
        Units units = state.profile().unitsOrKg();
        RecoveryProgress progress = state.recovery().orElseThrow().withOneRepMaxKg(kg);
        boolean asked = state.stage() == Stage.RECOVERY && state.task().kind() == Task.Kind.ONE_REP_MAX;
        ConversationState next = state.withoutOverlay().withRecovery(Optional.of(progress));
        if (asked) {
            next = next.withTask(recovery.defaultTask(progress));
        }
        boolean loaded = next.stage() == Stage.RECOVERY && recovery.inLoadedPhase(next);
        String said = asked ? "Noted: one-rep max " + units.format(kg) + ". Your loads:"
                : "One-rep max set to " + units.format(kg) + (loaded ? ". Your loads now:" : ". I'll work your loads out from it when loaded work starts.");
        List<Reply> replies = new ArrayList<>();
        replies.add(Reply.text(said));
        if (asked || loaded) {
            replies.add(recovery.today(next, now));
        }
        if (!asked) {
            replies.add(conversation.prompt(next, now).reply());
        }
        return justEntered(new Turn(next.touchedAt(now), replies), ONE_RM);
    }

    private static Turn justEntered(Turn done, String kind) {
        if (done.state().overlay() != Overlay.NONE) {
            return done;
        }
        return new Turn(done.state().withOverlay(Overlay.JUST_ENTERED, kind), done.replies());
    }

    /** What a CONFIRM_VALUE overlay is about: "weight 143.0" or "1rm 142.88". */
    private record Pending(String kind, double kg) {
        static Pending of(String text) {
            int space = text.indexOf(' ');
            try {
                return new Pending(text.substring(0, space), Double.parseDouble(text.substring(space + 1)));
            } catch (RuntimeException e) {
                return new Pending(WEIGHT, 0);
            }
        }

        String text() {
            return kind + " " + kg;
        }
    }

    // ---- overlays ------------------------------------------------------------------------------------

    Turn overlay(ConversationState state, Input input, Instant now) {
        return switch (state.overlay()) {
            case PICK_ZONE -> pickZone(state, input, now);
            case CONFIRM_VALUE -> confirmed(state, input, now);
            case JUST_ENTERED -> afterEntry(state, input, now);
            case SETTINGS_MENU -> input instanceof Input.Choice choice && choice.promptId().equals(SETTINGS_PROMPT)
                    ? menuPress(state, choice.optionId(), now)
                    : input instanceof Input.FreeText text ? menuTyped(state, text.text(), now)
                    : conversation.dispatch(state.withoutOverlay(), input, now);
            case SETTING -> setting(state, input, now);
            default -> conversation.dispatch(state.withoutOverlay(), input, now);
        };
    }

    private Turn pickZone(ConversationState state, Input input, Instant now) {
        if (input instanceof Input.FreeText text) {
            return zoneTyped(state.withoutOverlay(), text.text(), now);
        }
        Prompt prompt = prompt(state, now);
        if (!(input instanceof Input.Choice choice) || !choice.promptId().equals(ZONE_PROMPT)) {
            return conversation.stale(state, now);
        }
        boolean offered = prompt.reply().buttons().stream().anyMatch(b -> b.data().equals(ZONE_PROMPT + ":" + choice.optionId()));
        if (!offered) {
            return conversation.stale(state, now);
        }
        try {
            ZoneId zone = choice.optionId().startsWith("fixed")
                    ? ZoneOffset.ofTotalSeconds(Integer.parseInt(choice.optionId().substring(5)))
                    : ZoneId.of(choice.optionId());
            return zoneChosen(state.withoutOverlay(), zone, now);
        } catch (DateTimeException | NumberFormatException e) {
            return conversation.stale(state, now);
        }
    }

    private Turn confirmed(ConversationState state, Input input, Instant now) {
        Pending pending = Pending.of(state.pendingRedFlag());
        ConversationState cleared = state.withoutOverlay();
        if (pending.kg() <= 0) {
            return conversation.dispatch(cleared, input, now); // unreadable: nothing to confirm
        }
        if (input instanceof Input.FreeText text) {
            Optional<BodyWeight.Typed> typed = BodyWeight.read(text.text());
            if (typed.isPresent()) {
                return pending.kind().equals(ONE_RM) ? oneRepMaxTyped(cleared, typed.get(), now) : weightTyped(cleared, typed.get(), now);
            }
        }
        Prompt prompt = prompt(state, now);
        if (!(input instanceof Input.Choice choice) || !choice.promptId().equals(CONFIRM_PROMPT)) {
            return turn(state, now, Reply.text(Texts.chooseButton(Conversation.labels(prompt.reply()))), prompt.reply());
        }
        if (choice.optionId().equals("yes")) {
            return pending.kind().equals(ONE_RM) ? storeOneRepMax(cleared, pending.kg(), now) : storeWeight(cleared, pending.kg(), now);
        }
        if (choice.optionId().equals("other") && pending.kind().equals(WHICH_UNIT)) {
            Units units = state.profile().unitsOrKg();
            double kg = other(units).toKg(units.fromKg(pending.kg()));
            return storeWeight(cleared, other(units) == Units.KG ? Math.round(kg * 10) / 10.0 : kg, now);
        }
        boolean onboarding = !pending.kind().equals(ONE_RM) ? state.stage() == Stage.ASK_WEIGHT
                : state.stage() == Stage.RECOVERY && state.task().kind() == Task.Kind.ONE_REP_MAX;
        ConversationState again = onboarding ? cleared : cleared.withOverlay(Overlay.SETTING, pending.kind().equals(ONE_RM) ? ONE_RM : WEIGHT);
        return turn(again, now, Reply.text("OK, nothing stored. Let's try again:"), conversation.prompt(again, now).reply());
    }

    private Turn afterEntry(ConversationState state, Input input, Instant now) {
        if (input instanceof Input.FreeText text) {
            Optional<BodyWeight.Typed> fixed = BodyWeight.correction(text.text());
            if (fixed.isPresent()) {
                ConversationState cleared = state.withoutOverlay();
                return state.pendingRedFlag().equals(ONE_RM) ? oneRepMaxTyped(cleared, fixed.get(), now) : weightTyped(cleared, fixed.get(), now);
            }
        }
        return conversation.dispatch(state.withoutOverlay(), input, now);
    }

    private Turn setting(ConversationState state, Input input, Instant now) {
        String kind = state.pendingRedFlag();
        ConversationState cleared = state.withoutOverlay();
        if (input instanceof Input.Choice choice) {
            if (choice.promptId().equals(KEEP_PROMPT)) {
                return turn(cleared, now, Reply.text("Nothing changed."), conversation.prompt(cleared, now).reply());
            }
            if (choice.promptId().equals(UNIT_PROMPT) && kind.equals("units")) {
                return unitChosen(cleared, choice.optionId().equals("lb") ? Units.LB : Units.KG, now);
            }
            if (choice.promptId().equals(SETTINGS_PROMPT)) {
                return menuPress(cleared, choice.optionId(), now);
            }
            return conversation.stale(state, now);
        }
        if (!(input instanceof Input.FreeText text)) {
            return turn(state, now, prompt(state, now).reply());
        }
        Turn changed = change(cleared, kind, text.text(), now);
        if (changed.state().equals(cleared.touchedAt(now))) {
            // Not understood: say why and keep asking for the same setting.
            List<Reply> replies = new ArrayList<>(changed.replies().subList(0, 1));
            replies.add(prompt(state, now).reply());
            return new Turn(state.touchedAt(now), replies);
        }
        return changed;
    }

    // ---- /settings -----------------------------------------------------------------------------------

    /** /settings, /settings zone Asia/Tokyo, /settings weight 82, /settings 1rm 315 lb, /settings units lb, waking, days. */
    Turn settings(ConversationState state, String args, Instant now) {
        ConversationState base = owns(state.overlay()) ? state.withoutOverlay() : state;
        String a = args.strip();
        if (a.isEmpty()) {
            ConversationState menu = base.withOverlay(Overlay.SETTINGS_MENU, "");
            return turn(menu, now, prompt(menu, now).reply());
        }
        Matcher m = SETTING.matcher(a);
        if (!m.matches()) {
            ConversationState menu = base.withOverlay(Overlay.SETTINGS_MENU, "");
            Prompt p = prompt(menu, now);
            return turn(menu, now, Reply.text("I didn't understand that setting."), p.reply());
        }
        String kind = kind(m.group(1));
        String value = m.group(2) == null ? "" : m.group(2).strip();
        if (value.isEmpty()) {
            return menuPress(base, kind, now);
        }
        return change(base, kind, value, now);
    }

    /** "weight 180", "zone PST": a setting's name followed by a value. */
    static boolean namesSettingWithValue(String text) {
        Matcher m = SETTING.matcher(text.strip());
        return m.matches() && m.group(2) != null && !m.group(2).isBlank();
    }

    /**
     * Typed at the settings menu: a setting with or without its value ("zone PST", "units"), or a value that can
     * only be one setting (a time zone such as "PST", "kg" or "lb"); anything else goes on as usual.
     */
    private Turn menuTyped(ConversationState state, String text, Instant now) {
        String t = text.strip();
        if (SETTING.matcher(t).matches()) {
            return settings(state, t, now);
        }
        if (unitNamed(t).isPresent()) {
            return settings(state, "units " + t, now);
        }
        if (!t.matches("[\\d.,\\s]+") && !(zones.read(t, now) instanceof ZoneReader.Result.Unknown)) {
            return settings(state, "zone " + t, now);
        }
        return conversation.dispatch(state.withoutOverlay(), new Input.FreeText(t), now);
    }

    private static String kind(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (w.startsWith("time") || w.equals("zone") || w.equals("tz")) {
            return "zone";
        }
        if (w.startsWith("unit")) {
            return "units";
        }
        if (w.contains("weight") || w.equals("bw")) {
            return WEIGHT;
        }
        if (w.startsWith("wak") || w.equals("hours")) {
            return "waking";
        }
        if (w.startsWith("days") || w.startsWith("training")) {
            return "days";
        }
        return ONE_RM;
    }

    private Turn menuPress(ConversationState state, String kind, Instant now) {
        ConversationState asking = state.withOverlay(Overlay.SETTING, kind);
        return turn(asking, now, prompt(asking, now).reply());
    }

    /** One setting changed from typed text; an answer that does not fit leaves the state as it was. */
    private Turn change(ConversationState state, String kind, String value, Instant now) {
        switch (kind) {
            case "zone":
                return zoneTyped(state, value, now);
            case "units": {
                Optional<Units> units = unitNamed(value);
                return units.isPresent() ? unitChosen(state, units.get(), now)
                        : turn(state, now, Reply.text("Units can be kg or lb: for example /settings units lb."), conversation.prompt(state, now).reply());
            }
            case WEIGHT: {
                Optional<BodyWeight.Typed> typed = BodyWeight.read(value);
                return typed.isPresent() ? weightTyped(state, typed.get(), now) : turn(state, now, Reply.text(badWeight(state.profile().unitsOrKg())));
            }
            case ONE_RM: {
                Optional<BodyWeight.Typed> typed = BodyWeight.read(value);
                return typed.isPresent() ? oneRepMaxTyped(state, typed.get(), now) : turn(state, now, Reply.text(badOneRepMax(state.profile().unitsOrKg())));
            }
            default: {
                Turn t = reminders.settings(state, (kind.equals("waking") ? "waking " : "days ") + value, now);
                return t.state().equals(state.touchedAt(now)) ? t
                        : new Turn(t.state(), List.of(t.replies().get(0), conversation.prompt(t.state(), now).reply()));
            }
        }
    }

    private String describe(ConversationState state, Instant now) {
        Profile p = state.profile();
        Units units = p.unitsOrKg();
        String zone = p.timeZone().map(z -> ZoneReader.describe(ZoneId.of(z), now)).orElse("not given yet");
        String oneRm = state.recovery().flatMap(RecoveryProgress::oneRepMaxKg).map(units::format)
                .orElse("asked when loaded work starts");
        return "Your settings:"
                + "\n- Time zone: " + zone
                + "\n- Units: " + (p.units().isPresent() ? units.symbol() : units.symbol() + " (not chosen yet)")
                + "\n- Body weight: " + p.weightKg().map(units::format).orElse("not given yet")
                + "\n- One-rep max before the injury: " + oneRm
                + "\n- Waking hours: " + reminders.wakingText(p)
                + "\n- Training days: " + reminders.daysText(p)
                + "\nChanging one keeps your progress. Press a button, or type it in one go: /settings zone Asia/Tokyo,"
                + " /settings weight 82, /settings 1rm 315 lb, /settings units lb, /settings waking 07:00-23:00, /settings days mon wed fri.";
    }

    // ---- time zones ----------------------------------------------------------------------------------

    private Turn zoneTyped(ConversationState state, String typed, Instant now) {
        ZoneReader.Result result = zones.read(typed, now);
        if (result instanceof ZoneReader.Result.Found found) {
            return zoneChosen(state, found.zone(), now);
        }
        if (result instanceof ZoneReader.Result.Choose) {
            ConversationState asking = state.withOverlay(Overlay.PICK_ZONE, typed.strip());
            return turn(asking, now, prompt(asking, now).reply());
        }
        String why = result instanceof ZoneReader.Result.Refused refused ? refused.reason()
                : String.format(UNKNOWN_ZONE, typed.length() > 40 ? typed.substring(0, 40) + "..." : typed);
        return turn(state, now, Reply.text(why));
    }

    private Turn zoneChosen(ConversationState state, ZoneId zone, Instant now) {
        ConversationState next = state.withoutOverlay().withProfile(state.profile().withTimeZone(zone.getId()));
        String said = "Time zone set: " + ZoneReader.describe(zone, now) + ".";
        if (zone instanceof ZoneOffset) {
            said += " This offset stays the same all year: if your clocks change for summer, set your city instead with /settings zone.";
        }
        if (state.stage() == Stage.ASK_TIME_ZONE) {
            return conversation.profileStep(next, now, Reply.text(said));
        }
        if (state.stage() == Stage.RECOVERY) {
            said += " Your reminders follow it from now on.";
        }
        return turn(next, now, Reply.text(said), conversation.prompt(next, now).reply());
    }

    private static Turn turn(ConversationState state, Instant now, Reply... replies) {
        return new Turn(state.touchedAt(now), List.of(replies));
    }
}
