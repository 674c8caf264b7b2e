package dev.comeback.core.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a person is in the protocol. {@code phaseEndsAt} is empty while a gate waits for its tests.
 * {@code loadSteps} counts the clean sessions reported in the loading block named by {@code loadBlock} (each
 * lets the load rise by at most 5%). {@code phaseStartedAt} is the phase's clock, which a strain hold or a
 * wait for a steady check-in moves on; {@code enteredAt} is when the person actually entered the phase
 * (empty in states stored before it existed: then {@code phaseStartedAt}).
 */
public record RecoveryProgress(
        Instant startedAt,
        String phaseId,
        Instant phaseStartedAt,
        Optional<Instant> phaseEndsAt,
        Optional<Double> oneRepMaxKg,
        int loadSteps,
        String loadBlock,
        Optional<Instant> strainHoldUntil,
        List<CheckIn> checkIns,
        Optional<Instant> enteredAt) {

    /** Enough history for the 14-day rule and a look back, without letting the stored state grow forever. */
    public static final int KEPT_CHECK_INS = 60;
    /** The first check-ins, kept for good as the baseline of the pain trend. */
    public static final int BASELINE_CHECK_INS = 5;

    public RecoveryProgress {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(phaseId, "phaseId");
        Objects.requireNonNull(phaseStartedAt, "phaseStartedAt");
        phaseEndsAt = phaseEndsAt == null ? Optional.empty() : phaseEndsAt;
        oneRepMaxKg = oneRepMaxKg == null ? Optional.empty() : oneRepMaxKg;
        loadBlock = loadBlock == null ? "" : loadBlock;
        strainHoldUntil = strainHoldUntil == null ? Optional.empty() : strainHoldUntil;
        checkIns = checkIns == null ? List.of() : List.copyOf(checkIns);
        enteredAt = enteredAt == null ? Optional.empty() : enteredAt;
    }

    public RecoveryProgress(Instant startedAt, String phaseId, Instant phaseStartedAt, Optional<Instant> phaseEndsAt,
                            Optional<Double> oneRepMaxKg, int loadSteps, String loadBlock, Optional<Instant> strainHoldUntil,
                            List<CheckIn> checkIns) {
        this(startedAt, phaseId, phaseStartedAt, phaseEndsAt, oneRepMaxKg, loadSteps, loadBlock, strainHoldUntil, checkIns, Optional.empty());
    }

    /** When the person entered the current phase, never after {@code now}. */
    public Instant enteredPhaseAt(Instant now) {
        Instant at = enteredAt.orElse(phaseStartedAt);
        return at.isAfter(now) ? now : at;
    }

    RecoveryProgress inPhase(String phase, Instant startedAt, Optional<Instant> endsAt) {
        return new RecoveryProgress(this.startedAt, phase, startedAt, endsAt, oneRepMaxKg, 0, "", Optional.empty(), checkIns, Optional.of(startedAt));
    }

    public RecoveryProgress withOneRepMaxKg(double kg) {
        return new RecoveryProgress(startedAt, phaseId, phaseStartedAt, phaseEndsAt, Optional.of(kg), loadSteps, loadBlock, strainHoldUntil, checkIns, enteredAt);
    }

    RecoveryProgress withLoadSteps(int steps, String block) {
        return new RecoveryProgress(startedAt, phaseId, phaseStartedAt, phaseEndsAt, oneRepMaxKg, steps, block, strainHoldUntil, checkIns, enteredAt);
    }

    RecoveryProgress withStrainHold(Instant until, Instant shiftedStart, Optional<Instant> shiftedEnd) {
        return new RecoveryProgress(startedAt, phaseId, shiftedStart, shiftedEnd, oneRepMaxKg, loadSteps, loadBlock, Optional.of(until), checkIns,
                Optional.of(enteredAt.orElse(phaseStartedAt)));
    }

    /** The phase's clock moved by {@code by} (waiting for a steady check-in); the entry time stays. */
    RecoveryProgress shifted(java.time.Duration by) {
        return new RecoveryProgress(startedAt, phaseId, phaseStartedAt.plus(by), phaseEndsAt.map(e -> e.plus(by)), oneRepMaxKg,
                loadSteps, loadBlock, strainHoldUntil, checkIns, Optional.of(enteredAt.orElse(phaseStartedAt)));
    }

    /** The phase's time is up now (a gate whose tests passed). */
    RecoveryProgress endingAt(Instant end) {
        return new RecoveryProgress(startedAt, phaseId, phaseStartedAt, Optional.of(end), oneRepMaxKg, loadSteps, loadBlock,
                strainHoldUntil, checkIns, enteredAt);
    }

    /**
     * Adds a check-in. Past {@link #KEPT_CHECK_INS}, the oldest after the first {@link #BASELINE_CHECK_INS} are
     * dropped: the first ones stay as the baseline a trend is measured against.
     */
    public RecoveryProgress withCheckIn(CheckIn checkIn) {
        List<CheckIn> all = new java.util.ArrayList<>(checkIns);
        all.add(checkIn);
        while (all.size() > KEPT_CHECK_INS) {
            all.remove(BASELINE_CHECK_INS);
        }
        return new RecoveryProgress(startedAt, phaseId, phaseStartedAt, phaseEndsAt, oneRepMaxKg, loadSteps, loadBlock, strainHoldUntil, all, enteredAt);
    }

    /** The latest check-in replaced by {@code latest} (its outcome recorded once the review is done). */
    RecoveryProgress withLatestCheckIn(CheckIn latest) {
        if (checkIns.isEmpty()) {
            return this;
        }
        List<CheckIn> all = new java.util.ArrayList<>(checkIns);
        all.set(all.size() - 1, latest);
        return new RecoveryProgress(startedAt, phaseId, phaseStartedAt, phaseEndsAt, oneRepMaxKg, loadSteps, loadBlock, strainHoldUntil, all, enteredAt);
    }

    public boolean inStrainHold(Instant now) {
        return strainHoldUntil.map(now::isBefore).orElse(false);
    }
}
