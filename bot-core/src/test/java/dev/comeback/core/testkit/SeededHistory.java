package dev.comeback.core.testkit;

import java.time.Duration;
import java.util.Random;

/**
 * A realistic ten-week recovery, driven through the real conversation so that its history is recorded the
 * way a person's is: triage, the early phases, the functional tests, hinge practice and kettlebell RDLs,
 * then six weeks of reloading with daily check-ins whose pain settles from 0-1 to mostly 0 with day-to-day noise, one
 * back strain and one painful session that steps the person back a phase. The same seed gives the same history.
 */
public final class SeededHistory {
    /** Days of daily check-ins after reaching reloading (about four weeks go before it). */
    public static final int RELOADING_DAYS = 40;
    public static final int STRAIN_DAY = 12;
    public static final int REGRESSION_DAY = 30;

    private SeededHistory() {
    }

    /** Runs the ten weeks on {@code chat}'s virtual clock; returns the chat, now at the end of them. */
    public static ChatDriver tenWeeks(ChatDriver chat, long seed) {
        Random random = new Random(seed);
        Recovery.toReloading(chat, "140");
        for (int day = 1; day <= RELOADING_DAYS; day++) {
            chat.advance(Duration.ofDays(1));
            int before = day < 20 ? random.nextInt(2) : random.nextInt(4) / 3;
            int after = day == REGRESSION_DAY ? Math.min(10, before + 3)
                    : Math.max(0, Math.min(10, before + random.nextInt(3) - 1));
            String session = day == STRAIN_DAY ? "Felt back strain"
                    : day % 2 == 0 ? "All sets pain-free, good form" : "No session since last check-in";
            Recovery.checkIn(chat, before, after, session);
        }
        return chat;
    }
}
