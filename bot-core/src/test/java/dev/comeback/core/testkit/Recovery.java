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

    /** Through the gate, hinge practice and kettlebell RDLs (giving the one-rep max) into reloading week 1. */
    public static ChatDriver toReloading(ChatDriver chat, String oneRepMax) {
        passAllTests(toFunctionalTests(chat));
        chat.advance(Duration.ofDays(7)).send("/today");
        chat.send(oneRepMax);
        chat.advance(Duration.ofDays(14)).send("/today");
        return chat;
    }
}
