package dev.comeback.core.progress;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened in a person's recovery, as stored in {@code progress_event} (see V11). Pain scores
 * are 0-10 and only meaningful for {@link Kind#CHECK_IN} (0 otherwise); {@code loadKg} is the heaviest load
 * on the plan at a check-in, in kilograms, 0 when the plan had no loaded work; {@code phaseId} is the phase
 * the person was in (or entered) at {@code at} (empty before recovery); {@code detail} says more per kind.
 */
public record ProgressEvent(Instant at, Kind kind, String phaseId, int painBefore, int painAfter, double loadKg,
                            String detail) {
    public enum Kind {
        /** A triage outcome; detail: the outcome's name, then "; " and the reasons. */
        TRIAGE,
        /** Recovery began (the first phase). */
        RECOVERY_STARTED,
        /** A phase entered; detail: ADVANCED, REGRESSED (pain rose while moving) or GATE_FAILED. */
        PHASE,
        /** All functional tests of the gate phase {@code phaseId} passed. */
        GATE_PASSED,
        /** A daily check-in; detail: its {@code CheckIn.Outcome}. */
        CHECK_IN,
        /** A back strain: loaded work held; detail: until when (UTC instant). */
        STRAIN_HOLD,
        /** A clinician cleared the person to train; detail: the outcome they were cleared after. */
        CLEARANCE
    }

    public ProgressEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        phaseId = phaseId == null ? "" : phaseId;
        detail = detail == null ? "" : detail;
        if (painBefore < 0 || painBefore > 10 || painAfter < 0 || painAfter > 10) {
            throw new IllegalArgumentException("pain outside 0-10: " + painBefore + ", " + painAfter);
        }
        if (loadKg < 0) {
            throw new IllegalArgumentException("negative load: " + loadKg);
        }
    }

    public static ProgressEvent of(Instant at, Kind kind, String phaseId, String detail) {
        return new ProgressEvent(at, kind, phaseId, 0, 0, 0, detail);
    }

    public static ProgressEvent checkIn(Instant at, String phaseId, int before, int after, double loadKg, String outcome) {
        return new ProgressEvent(at, Kind.CHECK_IN, phaseId, before, after, loadKg, outcome);
    }
}
