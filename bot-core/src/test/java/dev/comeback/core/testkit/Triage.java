package dev.comeback.core.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Walks the default triage quiz to a chosen point, answering every concern question "No". */
public final class Triage {
    /** Number of yes/no concern questions before the hip-hinge check in config/triage.json. */
    public static final int CONCERN_QUESTIONS = 14;

    /** The buttons pressed after /start through the quiz to RECOVERY, in order: every concern "No", DOMS answers. */
    public static final List<String> QUIZ_PRESSES = quizPresses();
    /** The answer to "when did this pain start?" that keeps the timeline starting now. */
    public static final String PAIN_STARTED = "Today";
    /** The profile answers after that, in the order they are asked: time zone, unit, body weight. */
    public static final List<String> PROFILE = List.of("Europe/Berlin", "kg", "82");

    private Triage() {
    }

    private static List<String> quizPresses() {
        List<String> presses = new ArrayList<>(Collections.nCopies(CONCERN_QUESTIONS, "No"));
        presses.addAll(List.of("Yes, no spikes", "A day or two later", "Dull, even stiffness", "Yes, it eases"));
        return List.copyOf(presses);
    }

    /** Through the quiz to RECOVERY and the question when the pain started, answered "Today". */
    public static ChatDriver toRecoveryProfile(ChatDriver chat) {
        return toOnsetQuestion(chat).press(PAIN_STARTED);
    }

    /** Through the quiz to RECOVERY, where it asks when the pain started. */
    public static ChatDriver toOnsetQuestion(ChatDriver chat) {
        chat.send("/start");
        QUIZ_PRESSES.forEach(chat::press);
        return chat;
    }

    public static ChatDriver toRecovery(ChatDriver chat) {
        return toRecovery(chat, "Europe/Berlin");
    }

    /** Through triage and the profile questions: time zone, kilograms, 82 kg. */
    public static ChatDriver toRecovery(ChatDriver chat, String zone) {
        return toRecoveryProfile(chat).send(zone).press(PROFILE.get(1)).send(PROFILE.get(2));
    }
}
