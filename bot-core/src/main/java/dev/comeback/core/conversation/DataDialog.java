package dev.comeback.core.conversation;

import dev.comeback.core.message.Attachment;
import dev.comeback.core.message.Button;
import dev.comeback.core.message.Reply;
import dev.comeback.core.protocol.CheckIn;
import dev.comeback.core.protocol.RecoveryProgress;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The person's own data: /progress (the pain chart), /history (the latest check-ins as a table), /report (a
 * page for a clinician), /export (everything stored, as JSON) and /forget (deletes everything, after a
 * button). Files are replies carrying an {@link Attachment} request; they are made from what is stored
 * just before they are sent, off the turn's thread.
 */
final class DataDialog {
    static final String FORGET_PROMPT = "forget";
    /** Check-ins in the /history table: two weeks of daily ones. */
    static final int HISTORY_ROWS = 14;
    /** How long the /forget button stays valid: a deletion for good should not hang on an old message. */
    static final Duration FORGET_VALID_FOR = Duration.ofMinutes(15);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final Conversation conversation;

    DataDialog(Conversation conversation) {
        this.conversation = conversation;
    }

    Turn command(ConversationState state, String name, Instant now) {
        List<CheckIn> checkIns = state.recovery().map(RecoveryProgress::checkIns).orElse(List.of());
        return switch (name) {
            case "progress" -> conversation.withPrompt(state, now, checkIns.size() < 2
                    ? Reply.text(DataTexts.chartNeedsTwo(checkIns.size()))
                    : Reply.file(DataTexts.CHART_CAPTION, Attachment.of(Attachment.Kind.CHART)));
            case "history" -> conversation.withPrompt(state, now, Reply.text(history(checkIns, RecoveryDialog.zone(state))));
            case "report" -> conversation.withPrompt(state, now, state.triageResult().isEmpty()
                    ? Reply.text(DataTexts.REPORT_NEEDS_TRIAGE)
                    : Reply.file(DataTexts.REPORT_CAPTION, Attachment.of(Attachment.Kind.REPORT)));
            case "export" -> conversation.withPrompt(state, now, Reply.file(DataTexts.EXPORT_CAPTION, Attachment.of(Attachment.Kind.EXPORT)));
            default -> {
                // An overlay, so a typed "yes delete it" answers this question and never the one underneath it.
                ConversationState asking = state.withOverlay(Overlay.CONFIRM_FORGET, String.valueOf(now.getEpochSecond()));
                yield new Turn(asking.touchedAt(now), List.of(confirmPrompt(asking).reply()));
            }
        };
    }

    /** The /forget question, its yes button carrying when it was asked (the overlay's text). */
    static Prompt confirmPrompt(ConversationState state) {
        return Prompt.buttons(FORGET_PROMPT, DataTexts.CONFIRM_FORGET, List.of(
                new Button(DataTexts.FORGET_YES, FORGET_PROMPT + ":y" + state.pendingRedFlag()),
                new Button(DataTexts.FORGET_NO, FORGET_PROMPT + ":no")));
    }

    /** A press of a /forget button: {@code y<epoch seconds when asked>} deletes, anything else keeps. */
    Turn press(ConversationState asked, String option, Instant now) {
        ConversationState state = asked.overlay() == Overlay.CONFIRM_FORGET ? asked.withoutOverlay() : asked;
        if (option.startsWith("y")) {
            long askedAt;
            try {
                askedAt = Long.parseLong(option.substring(1));
            } catch (NumberFormatException e) {
                return conversation.stale(state, now);
            }
            if (Duration.between(Instant.ofEpochSecond(askedAt), now).compareTo(FORGET_VALID_FOR) > 0) {
                return conversation.withPrompt(state, now, Reply.text(DataTexts.FORGET_EXPIRED));
            }
            return new Turn(ConversationState.fresh(now), List.of(Reply.text(DataTexts.FORGOTTEN)), true);
        }
        return conversation.withPrompt(state, now, Reply.text(DataTexts.FORGET_KEPT));
    }

    /** The latest {@link #HISTORY_ROWS} check-ins, newest first, one short line each, dates in {@code zone}. */
    static String history(List<CheckIn> checkIns, ZoneId zone) {
        if (checkIns.isEmpty()) {
            return DataTexts.NO_CHECK_INS;
        }
        List<CheckIn> latest = checkIns.subList(Math.max(0, checkIns.size() - HISTORY_ROWS), checkIns.size());
        List<String> lines = new ArrayList<>();
        lines.add(DataTexts.historyTitle(latest.size()));
        for (int i = latest.size() - 1; i >= 0; i--) {
            CheckIn c = latest.get(i);
            lines.add(DAY.format(c.at().atZone(zone)) + ": " + c.before() + " \u2192 " + c.after() + ", " + DataTexts.outcome(c.outcome()));
        }
        return String.join("\n", lines);
    }
}
