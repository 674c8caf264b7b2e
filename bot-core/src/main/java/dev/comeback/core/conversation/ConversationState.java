package dev.comeback.core.conversation;

import dev.comeback.core.protocol.RecoveryProgress;
import dev.comeback.core.triage.Answer;
import dev.comeback.core.triage.TriageResult;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything stored about one person's conversation. Immutable; a step returns a new one.
 * {@code pendingRedFlag} is the sign being asked about while {@code overlay} is CONFIRM_RED_FLAG, else empty.
 */
public record ConversationState(
        int schemaVersion,
        Stage stage,
        Overlay overlay,
        String pendingRedFlag,
        Profile profile,
        List<Answer> triageAnswers,
        Optional<TriageResult> triageResult,
        boolean paused,
        Optional<RecoveryProgress> recovery,
        Task task,
        ReminderLog reminders,
        Optional<Clearance> clearance,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * 2: recovery progress and tasks; 3: reminder log, waking hours; 4: units, the ASK_UNIT stage and the profile
     * overlays; 5: a clinician's clearance, the ASK_ONSET stage, the retake and clearance overlays, when a task
     * started. Fields absent in older states read as empty.
     */
    public static final int SCHEMA_VERSION = 5;

    public ConversationState {
        Objects.requireNonNull(stage, "stage");
        overlay = overlay == null ? Overlay.NONE : overlay;
        pendingRedFlag = pendingRedFlag == null ? "" : pendingRedFlag;
        profile = profile == null ? Profile.EMPTY : profile;
        triageAnswers = triageAnswers == null ? List.of() : List.copyOf(triageAnswers);
        triageResult = triageResult == null ? Optional.empty() : triageResult;
        recovery = recovery == null ? Optional.empty() : recovery;
        task = task == null ? Task.NONE : task;
        reminders = reminders == null ? ReminderLog.EMPTY : reminders;
        clearance = clearance == null ? Optional.empty() : clearance;
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static ConversationState fresh(Instant now) {
        return new ConversationState(SCHEMA_VERSION, Stage.NEW, Overlay.NONE, "", Profile.EMPTY, List.of(),
                Optional.empty(), false, Optional.empty(), Task.NONE, ReminderLog.EMPTY, Optional.empty(), now, now);
    }

    public ConversationState withStage(Stage next) {
        return new ConversationState(schemaVersion, next, overlay, pendingRedFlag, profile, triageAnswers, triageResult, paused, recovery, task, reminders, clearance, createdAt, updatedAt);
    }

    public ConversationState withOverlay(Overlay next, String redFlag) {
        return new ConversationState(schemaVersion, stage, next, redFlag, profile, triageAnswers, triageResult, paused, recovery, task, reminders, clearance, createdAt, updatedAt);
    }

    public ConversationState withoutOverlay() {
        return withOverlay(Overlay.NONE, "");
    }

    public ConversationState withProfile(Profile next) {
        return new ConversationState(schemaVersion, stage, overlay, pendingRedFlag, next, triageAnswers, triageResult, paused, recovery, task, reminders, clearance, createdAt, updatedAt);
    }

    public ConversationState withTriage(List<Answer> answers, Optional<TriageResult> result) {
        return new ConversationState(schemaVersion, stage, overlay, pendingRedFlag, profile, answers, result, paused, recovery, task, reminders, clearance, createdAt, updatedAt);
    }

    public ConversationState withPaused(boolean next) {
        return new ConversationState(schemaVersion, stage, overlay, pendingRedFlag, profile, triageAnswers, triageResult, next, recovery, task, reminders, clearance, createdAt, updatedAt);
    }

    public ConversationState withRecovery(Optional<RecoveryProgress> next) {
        return new ConversationState(schemaVersion, stage, overlay, pendingRedFlag, profile, triageAnswers, triageResult, paused, next, task, reminders, clearance, createdAt, updatedAt);
    }

    public ConversationState withTask(Task next) {
        return new ConversationState(schemaVersion, stage, overlay, pendingRedFlag, profile, triageAnswers, triageResult, paused, recovery, next, reminders, clearance, createdAt, updatedAt);
    }

    public ConversationState withReminders(ReminderLog next) {
        return new ConversationState(schemaVersion, stage, overlay, pendingRedFlag, profile, triageAnswers, triageResult, paused, recovery, task, next, clearance, createdAt, updatedAt);
    }

    public ConversationState withClearance(Optional<Clearance> next) {
        return new ConversationState(schemaVersion, stage, overlay, pendingRedFlag, profile, triageAnswers, triageResult, paused, recovery, task, reminders, next, createdAt, updatedAt);
    }

    /** Written by this build from now on, so its schema version is this build's. */
    public ConversationState touchedAt(Instant now) {
        return new ConversationState(SCHEMA_VERSION, stage, overlay, pendingRedFlag, profile, triageAnswers, triageResult, paused, recovery, task, reminders, clearance, createdAt, now);
    }
}
