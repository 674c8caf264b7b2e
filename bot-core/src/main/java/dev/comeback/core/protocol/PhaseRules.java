package dev.comeback.core.protocol;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Moving through the protocol's phases: pure functions of the protocol, the progress and the time. */
public final class PhaseRules {
    private final Protocol protocol;

    public PhaseRules(Protocol protocol) {
        this.protocol = protocol;
    }

    /** The result of moving forward: the new progress and the phases entered on the way, in order. */
    public record Advance(RecoveryProgress progress, List<Protocol.Phase> entered) {
        public Advance {
            entered = List.copyOf(entered);
        }
    }

    public RecoveryProgress start(Instant now) {
        Protocol.Phase first = protocol.phases().get(0);
        return new RecoveryProgress(now, first.id(), now, first.length().map(now::plus), Optional.empty(), 0, "",
                Optional.empty(), List.of());
    }

    public Protocol.Phase phase(RecoveryProgress progress) {
        return protocol.phase(progress.phaseId()).orElseGet(() -> protocol.phases().get(0));
    }

    /**
     * Enters every phase whose predecessor's time is up. Each phase starts when the one before ended, not
     * when the person next writes, so someone back after days lands where the timeline puts them. A gate
     * stops the walk: it ends only when its tests pass.
     */
    public Advance advance(RecoveryProgress progress, Instant now) {
        List<Protocol.Phase> entered = new ArrayList<>();
        RecoveryProgress p = progress;
        while (p.phaseEndsAt().isPresent() && !now.isBefore(p.phaseEndsAt().get())) {
            int index = protocol.indexOf(p.phaseId());
            if (index + 1 >= protocol.phases().size()) {
                break;
            }
            Protocol.Phase next = protocol.phases().get(index + 1);
            Instant start = p.phaseEndsAt().get();
            p = p.inPhase(next.id(), start, next.length().map(start::plus));
            entered.add(next);
        }
        return new Advance(p, entered);
    }

    /** One phase back (gates are skipped), starting now. Empty when already in the first phase. */
    public Optional<RecoveryProgress> regress(RecoveryProgress progress, Instant now) {
        int index = protocol.indexOf(progress.phaseId()) - 1;
        while (index >= 0 && protocol.phases().get(index).gate().isPresent()) {
            index--;
        }
        if (index < 0) {
            return Optional.empty();
        }
        Protocol.Phase back = protocol.phases().get(index);
        return Optional.of(progress.inPhase(back.id(), now, back.length().map(now::plus)));
    }

    /** All tests passed: the phase after the gate starts now. */
    public RecoveryProgress passGate(RecoveryProgress progress, Instant now) {
        Protocol.Phase next = protocol.phases().get(protocol.indexOf(progress.phaseId()) + 1);
        return progress.inPhase(next.id(), now, next.length().map(now::plus));
    }

    /** A test failed: back to the gate's fallback phase, with the tests offered again after the retry delay. */
    public RecoveryProgress failGate(RecoveryProgress progress, Protocol.Gate gate, Instant now) {
        return progress.inPhase(gate.failBackTo(), now, Optional.of(now.plus(Duration.ofDays(gate.retryAfterDays()))));
    }

    /** 1-based week of a phase with a weekly table, never past its last week. */
    public int week(RecoveryProgress progress, Instant now) {
        Protocol.Phase phase = phase(progress);
        long days = Math.max(0, Duration.between(progress.phaseStartedAt(), now).toDays());
        int week = (int) (days / 7) + 1;
        return Math.max(1, Math.min(week, Math.max(1, phase.weekCount())));
    }

    /** The items of the phase for this moment: the week's row of a weekly table, else the phase's own. */
    public List<Protocol.Item> currentItems(RecoveryProgress progress, Instant now) {
        Protocol.Phase phase = phase(progress);
        if (progress.inStrainHold(now)) {
            return protocol.loading().strainItems();
        }
        if (phase.weeks().isEmpty()) {
            return phase.items();
        }
        int week = week(progress, now);
        return phase.weeks().stream().filter(w -> week >= w.from() && week <= w.to()).findFirst()
                .map(Protocol.Week::items).orElse(phase.items());
    }

    /** Names the loading block in force, so earned rises apply only to the block they were earned in. */
    public String loadBlock(RecoveryProgress progress, Instant now) {
        Protocol.Phase phase = phase(progress);
        if (phase.weeks().isEmpty()) {
            return phase.id();
        }
        int week = week(progress, now);
        return phase.weeks().stream().filter(w -> week >= w.from() && week <= w.to()).findFirst()
                .map(w -> phase.id() + ":" + w.from()).orElse(phase.id());
    }

    public int stepsInForce(RecoveryProgress progress, Instant now) {
        return progress.loadBlock().equals(loadBlock(progress, now)) ? progress.loadSteps() : 0;
    }

    /** All sets pain-free with good form: the next session's load rises by the protocol's step. */
    public RecoveryProgress reportCleanSession(RecoveryProgress progress, Instant now) {
        return progress.withLoadSteps(stepsInForce(progress, now) + 1, loadBlock(progress, now));
    }

    /** Back strain: bodyweight hinges for the hold, and the phase's clock waits for it. */
    public RecoveryProgress reportStrain(RecoveryProgress progress, Instant now) {
        Duration hold = Duration.ofDays(protocol.loading().strainHoldDays());
        return progress.withStrainHold(now.plus(hold), progress.phaseStartedAt().plus(hold),
                progress.phaseEndsAt().map(end -> end.plus(hold)));
    }

    /**
     * The load for an item in {@code units}: the amount now and the most the block allows ({@code cap}), both
     * rounded down to the unit's plate step (2.5 kg or 5 lb by default).
     */
    public record Load(double amount, double cap, Protocol.Range percent, Units units) {
        public Load {
            java.util.Objects.requireNonNull(units, "units");
        }
    }

    /** The load in kilograms. */
    public Optional<Load> load(Protocol.Item item, RecoveryProgress progress, Instant now) {
        return load(item, progress, now, Units.KG);
    }

    public Optional<Load> load(Protocol.Item item, RecoveryProgress progress, Instant now, Units units) {
        if (item.loadPercent().isEmpty() || progress.oneRepMaxKg().isEmpty()) {
            return Optional.empty();
        }
        Protocol.Range percent = item.loadPercent().get();
        double oneRm = units.fromKg(progress.oneRepMaxKg().get());
        double grown = oneRm * percent.min() / 100.0
                * Math.pow(1 + protocol.loading().progressionPercent() / 100.0, stepsInForce(progress, now));
        double cap = roundDown(oneRm * percent.max() / 100.0, units);
        return Optional.of(new Load(Math.min(roundDown(grown, units), cap), cap, percent, units));
    }

    /**
     * Plate-friendly loads round down to the unit's step (protocol.json's roundingStepKg or roundingStepLb), so a
     * rounded load never exceeds the protocol's percentage. The one place loads are rounded.
     */
    public double roundDown(double amount, Units units) {
        double step = units == Units.LB ? protocol.loading().roundingStepLb() : protocol.loading().roundingStepKg();
        return Math.floor(amount / step + 1e-9) * step;
    }
}
