package dev.comeback.bench.conversation;

import dev.comeback.bench.Onboarding;

import java.util.ArrayList;
import java.util.List;

/**
 * What each simulated person types, in order. {@link #setUp()} takes them into the triage quiz (untimed: it
 * warms the JIT and leaves everyone mid-flow); {@link #measured()} answers the rest of the quiz, body weight
 * and time zone, does a daily check-in and asks for /status.
 */
record Script(List<String> setUp, List<String> measured) {
    /** /start and the first two quiz answers. */
    private static final int SET_UP = 3;

    Script {
        setUp = List.copyOf(setUp);
        measured = List.copyOf(measured);
    }

    /** {@code zone} is typed as the time zone; the scenario picks one where it is night, so no reminder fires. */
    static Script toCheckIn(String zone) {
        List<String> all = new ArrayList<>(Onboarding.throughTimeZone(zone));
        all.addAll(List.of("/checkin", "no", "3", "2", "no"));
        all.add("/status");
        return new Script(all.subList(0, SET_UP), all.subList(SET_UP, all.size()));
    }
}
