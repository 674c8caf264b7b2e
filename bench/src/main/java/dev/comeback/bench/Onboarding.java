package dev.comeback.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a person types from /start to the recovery protocol: every concern "no", a DOMS pattern, weight, zone. */
public final class Onboarding {
    /** Concern questions in config/triage.json before the hip-hinge check. */
    public static final int CONCERN_QUESTIONS = 14;

    private Onboarding() {
    }

    /** Typed button labels work like presses, as in the console. */
    public static List<String> throughTimeZone(String zone) {
        List<String> messages = new ArrayList<>(List.of("/start"));
        messages.addAll(Collections.nCopies(CONCERN_QUESTIONS, "no"));
        messages.addAll(List.of("yes, no spikes", "a day or two later", "dull, even stiffness", "yes, it eases", "today"));
        messages.add(zone);
        if (zone.matches("UTC[+-]\\d\\d:\\d\\d") && !zone.endsWith("00:00")) {
            // A typed offset offers the zones at it now, with the fixed offset as the last button.
            messages.add("Fixed " + zone);
        }
        messages.addAll(List.of("kg", "82"));
        return List.copyOf(messages);
    }
}
