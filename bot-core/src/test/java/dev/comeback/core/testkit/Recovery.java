package dev.comeback.core.testkit;

import java.time.Duration;

/** Moves a chat through recovery on the virtual clock. */
public final class Recovery {
    private Recovery() {
    }

    /** A daily check-in with these pains; answers the session question when it is asked. */
    public static ChatDriver checkIn(ChatDriver chat, int before, int after, String session) {
        chat.send("/checkin").press("No").press(String.valueOf(before)).press(String.valueOf(after)).press("No");
        if (chat.lastButtonLabels().contains("All sets pain-free, good form")) {
            chat.press(session);
        }
        return chat;
    }

    /** From a fresh chat to the functional tests: triage, profile, then a week on the clock. */
    public static ChatDriver toFunctionalTests(ChatDriver chat) {
        Triage.toRecovery(chat);
        chat.advance(Duration.ofHours(192)).send("/today");
        return chat;
    }

    public static ChatDriver passAllTests(ChatDriver chat) {
        return chat.press("Passed").press("Passed").press("Passed").press("Passed");
    }

    /** A steady check-in (pain 1 before and after, no session to report). */
    public static ChatDriver steadyCheckIn(ChatDriver chat) {
        return checkIn(chat, 1, 1, "No session since last check-in");
    }

    /**
     * Moves the clock {@code days} days on, one day at a time, with a steady check-in at the end of each: a
     * person who checks in every day, so phases and blocks that load the spine start on time.
     */
    public static ChatDriver daysCheckingIn(ChatDriver chat, int days) {
        for (int i = 0; i < days; i++) {
            chat.advance(Duration.ofDays(1));
            steadyCheckIn(chat);
        }
        return chat.send("/today");
    }

    /** Through the gate, hinge practice and kettlebell RDLs (giving the one-rep max) into reloading week 1, checking in daily. */
    public static ChatDriver toReloading(ChatDriver chat, String oneRepMax) {
        toFunctionalTests(chat);
        steadyCheckIn(chat);
        chat.send("/today");
        passAllTests(chat);
        daysCheckingIn(chat, 7);
        chat.send(oneRepMax);
        daysCheckingIn(chat, 14);
        return chat;
    }
}
