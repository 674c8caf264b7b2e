package dev.comeback.bench.people;

import dev.comeback.bench.Onboarding;
import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.conversation.ReminderLog;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.protocol.RecoveryProgress;
import dev.comeback.core.triage.TriageResult;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stored states of people who have just finished triage and onboarding, for enrolling many quickly. The
 * real conversation makes one per time zone (every onboarding message, all at one instant); each person's
 * is that one moved in time to when they started. Nothing else in the state depends on when (the test
 * checks that a moved state equals one the conversation makes at the later time).
 */
public final class RecoveringStates {
    private static final UserRef TEMPLATE = UserRef.of("template", "1");

    private final Conversation conversation;
    private final Instant templateTime;
    private final Map<String, ConversationState> byZone = new ConcurrentHashMap<>();

    public RecoveringStates(Conversation conversation, Instant templateTime) {
        this.conversation = conversation;
        this.templateTime = templateTime;
    }

    /** Someone who typed {@code zone} and whose recovery started at {@code start}. */
    public ConversationState startedAt(Instant start, String zone) {
        ConversationState template = byZone.computeIfAbsent(zone, z -> onboard(conversation, templateTime, z));
        return moved(template, Duration.between(templateTime, start));
    }

    /** Every onboarding message through the real conversation, all at {@code at}. */
    static ConversationState onboard(Conversation conversation, Instant at, String zone) {
        ChatRef chat = ChatRef.privateChat(TEMPLATE.platform(), TEMPLATE.id());
        ConversationState state = ConversationState.fresh(at);
        for (String text : Onboarding.throughTimeZone(zone)) {
            state = conversation.step(state, new Incoming.Text(TEMPLATE, chat, text, at)).state();
        }
        return state;
    }

    static ConversationState moved(ConversationState s, Duration by) {
        return new ConversationState(s.schemaVersion(), s.stage(), s.overlay(), s.pendingRedFlag(), s.profile(),
                s.triageAnswers(),
                s.triageResult().map(t -> new TriageResult(t.outcome(), t.reasons(), t.patternId(), t.at().plus(by))),
                s.paused(), s.recovery().map(r -> moved(r, by)), s.task(), moved(s.reminders(), by), s.clearance(),
                s.createdAt().plus(by), s.updatedAt().plus(by));
    }

    private static RecoveryProgress moved(RecoveryProgress r, Duration by) {
        return new RecoveryProgress(r.startedAt().plus(by), r.phaseId(), r.phaseStartedAt().plus(by),
                r.phaseEndsAt().map(t -> t.plus(by)), r.oneRepMaxKg(), r.loadSteps(), r.loadBlock(),
                r.strainHoldUntil().map(t -> t.plus(by)), r.checkIns(), r.enteredAt().map(t -> t.plus(by)));
    }

    private static ReminderLog moved(ReminderLog log, Duration by) {
        return new ReminderLog(log.delivered(), log.done(), log.snoozes().stream()
                .map(z -> new ReminderLog.Snooze(z.reminderId(), z.until().plus(by))).toList(), log.skipNoteSent(),
                log.heardAt().map(t -> t.plus(by)));
    }
}
