package dev.comeback.core.conversation;

/** Where a person is in their journey. Stored by name, so constants may be added but never renamed. */
public enum Stage {
    /** Never talked to us, or reset. */
    NEW,
    /** Answering the triage quiz. */
    TRIAGE,
    /** Triage said RECOVERY; asking body weight (for water and protein targets). */
    ASK_WEIGHT,
    /** Asking the time zone (for reminders at sensible times of their day). */
    ASK_TIME_ZONE,
    /** In the recovery protocol. */
    RECOVERY,
    /** Sent to real care (emergency, urgent or clinician); nothing that loads the spine is offered. */
    REFERRED
}
