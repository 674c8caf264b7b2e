package dev.comeback.core.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * One daily check-in: pain 0-10 before and after movement, whether daily tasks still hurt, and what the
 * protocol made of it ({@code outcome}, one of {@link Outcome}'s names; empty in check-ins stored before it
 * was recorded).
 */
public record CheckIn(Instant at, int before, int after, boolean dailyTasksPainful, String outcome) {
    /** What a check-in led to, most telling first when more than one applies. */
    public enum Outcome {
        /** Pain rose by the protocol's regressionRise or more: one phase back. */
        REGRESSED,
        /** A back strain reported: bodyweight hinges only for strainHoldDays. */
        STRAIN_HOLD,
        /** Not improving (or everyday tasks hurt): see a physical therapist. */
        THERAPIST,
        /** Pain rose a little while moving. */
        SMALL_RISE,
        /** Moving did not make it worse. */
        STEADY
    }

    public CheckIn {
        Objects.requireNonNull(at, "at");
        outcome = outcome == null ? "" : outcome;
    }

    public CheckIn(Instant at, int before, int after, boolean dailyTasksPainful) {
        this(at, before, after, dailyTasksPainful, "");
    }

    public int rise() {
        return after - before;
    }

    public CheckIn withOutcome(Outcome next) {
        return new CheckIn(at, before, after, dailyTasksPainful, next.name());
    }
}
