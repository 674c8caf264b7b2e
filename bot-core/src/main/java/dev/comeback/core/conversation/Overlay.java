package dev.comeback.core.conversation;

/**
 * A short question laid over the current stage; once answered, the stage carries on where it was. Stored by
 * name. The profile overlays ({@link ProfileDialog}) keep what they are about in the state's
 * {@code pendingRedFlag} text.
 */
public enum Overlay {
    NONE,
    CONFIRM_RESET,
    CONFIRM_RED_FLAG,
    /** Buttons for the zones a typed time zone could mean; the text holds what was typed. */
    PICK_ZONE,
    /** An implausible weight or one-rep max, to confirm before it is stored; the text holds "weight 143.0" or "1rm 142.9". */
    CONFIRM_VALUE,
    /**
     * A weight or one-rep max was just stored ("weight" or "1rm"): the next message may correct it ("I meant 315
     * lb"); anything else goes on to the stage as if this were not here.
     */
    JUST_ENTERED,
    /** /settings alone: its buttons (typing a label presses it); anything else goes on to the stage. */
    SETTINGS_MENU,
    /**
     * /triage in the middle of recovery: retake the questions? Progress (phase, check-ins, one-rep max) and a
     * check-in in progress are kept when the retake finds nothing new.
     */
    CONFIRM_RETRIAGE,
    /** /triage after EMERGENCY, URGENT or SEE A CLINICIAN: has a clinician seen you and cleared you to train? */
    ASK_CLEARANCE,
    /** Waiting for a new value for one setting ("zone", "units", "weight", "1rm", "waking", "days"). */
    SETTING,
    /** /forget: delete everything? The text holds when it was asked (epoch seconds); typed yes/no answer it. */
    CONFIRM_FORGET
}
