package dev.comeback.core.testkit;

/** Walks the default triage quiz to a chosen point, answering every concern question "No". */
public final class Triage {
    /** Number of yes/no concern questions before the hip-hinge check in config/triage.json. */
    public static final int CONCERN_QUESTIONS = 14;

    private Triage() {
    }

    /** Through the quiz to RECOVERY and the question when the pain started, answered "Today". */
    public static ChatDriver toRecoveryProfile(ChatDriver chat) {
        return toOnsetQuestion(chat).press("Today");
    }

    /** Through the quiz to RECOVERY, where it asks when the pain started. */
    public static ChatDriver toOnsetQuestion(ChatDriver chat) {
        chat.send("/start").pressRepeatedly("No", CONCERN_QUESTIONS);
        return chat.press("Yes, no spikes").press("A day or two later").press("Dull, even stiffness").press("Yes, it eases");
    }

    public static ChatDriver toRecovery(ChatDriver chat) {
        return toRecovery(chat, "Europe/Berlin");
    }

    /** Through triage and the profile questions: time zone, kilograms, 82 kg. */
    public static ChatDriver toRecovery(ChatDriver chat, String zone) {
        return toRecoveryProfile(chat).send(zone).press("kg").send("82");
    }
}
