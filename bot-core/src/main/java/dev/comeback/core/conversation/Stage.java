package dev.comeback.core.conversation;

/** Where a person is in their journey. Stored by name, so constants may be added but never renamed. */
public enum Stage {
    /** Never talked to us, or reset. */
    NEW,
    /** Answering the triage quiz. */
    TRIAGE,
    /**
     * Triage said RECOVERY: asking when the pain started (today, yesterday, 2 days ago, 3+ days), which places
     * the person on the timeline; then the profile questions. States stored before it existed never pass here.
     */
    ASK_ONSET,
    /** Triage said RECOVERY; asking body weight (for water and protein targets), in the unit chosen. */
    ASK_WEIGHT,
    /** Triage said RECOVERY; asking the time zone first (for reminders at sensible times of their day). */
    ASK_TIME_ZONE,
    /** Asking kg or lb, the one usual in their time zone first; then ASK_WEIGHT. */
    ASK_UNIT,
    /** In the recovery protocol. */
    RECOVERY,
    /** Sent to real care (emergency, urgent or clinician); nothing that loads the spine is offered. */
    REFERRED
}
