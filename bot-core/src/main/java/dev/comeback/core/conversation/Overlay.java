package dev.comeback.core.conversation;

/** A yes/no question laid over the current stage; once answered, the stage carries on where it was. */
public enum Overlay {
    NONE,
    CONFIRM_RESET,
    CONFIRM_RED_FLAG
}
