package dev.comeback.core.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a person is in the protocol. {@code phaseEndsAt} is empty while a gate waits for its tests.
 * {@code loadSteps} counts the 5% rises earned in the loading block named by {@code loadBlock}.
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
        List<CheckIn> checkIns) {

    /** Enough history for the 14-day rule and a look back, without letting the stored state grow forever. */
    public static final int KEPT_CHECK_INS = 60;

    public RecoveryProgress {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(phaseId, "phaseId");
        Objects.requireNonNull(phaseStartedAt, "phaseStartedAt");
        phaseEndsAt = phaseEndsAt == null ? Optional.empty() : phaseEndsAt;
        oneRepMaxKg = oneRepMaxKg == null ? Optional.empty() : oneRepMaxKg;
        loadBlock = loadBlock == null ? "" : loadBlock;
        strainHoldUntil = strainHoldUntil == null ? Optional.empty() : strainHoldUntil;
        checkIns = checkIns == null ? List.of() : List.copyOf(checkIns);
    }

    RecoveryProgress inPhase(String phase, Instant startedAt, Optional<Instant> endsAt) {
        return new RecoveryProgress(this.startedAt, phase, startedAt, endsAt, oneRepMaxKg, 0, "", Optional.empty(), checkIns);
    }

    public RecoveryProgress withOneRepMaxKg(double kg) {
        return new RecoveryProgress(startedAt, phaseId, phaseStartedAt, phaseEndsAt, Optional.of(kg), loadSteps, loadBlock, strainHoldUntil, checkIns);
    }

    RecoveryProgress withLoadSteps(int steps, String block) {
        return new RecoveryProgress(startedAt, phaseId, phaseStartedAt, phaseEndsAt, oneRepMaxKg, steps, block, strainHoldUntil, checkIns);
    }

    RecoveryProgress withStrainHold(Instant until, Instant shiftedStart, Optional<Instant> shiftedEnd) {
        return new RecoveryProgress(startedAt, phaseId, shiftedStart, shiftedEnd, oneRepMaxKg, loadSteps, loadBlock, Optional.of(until), checkIns);
    }

    public RecoveryProgress withCheckIn(CheckIn checkIn) {
        List<CheckIn> all = new java.util.ArrayList<>(checkIns);
        all.add(checkIn);
        List<CheckIn> kept = all.size() > KEPT_CHECK_INS ? all.subList(all.size() - KEPT_CHECK_INS, all.size()) : all;
        return new RecoveryProgress(startedAt, phaseId, phaseStartedAt, phaseEndsAt, oneRepMaxKg, loadSteps, loadBlock, strainHoldUntil, kept);
    }

    public boolean inStrainHold(Instant now) {
        return strainHoldUntil.map(now::isBefore).orElse(false);
    }
}
