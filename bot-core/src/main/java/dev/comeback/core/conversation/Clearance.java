package dev.comeback.core.conversation;

import dev.comeback.core.triage.Outcome;

import java.time.Instant;
import java.util.Objects;

/**
 * The person told us a clinician has seen them and cleared them to train, at {@code at}, after the triage
 * outcome {@code after} (EMERGENCY, URGENT or SEE_CLINICIAN). Only then does a retake of the triage start.
 */
public record Clearance(Instant at, Outcome after) {
    public Clearance {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(after, "after");
    }
}
