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
     * when the person next writes, so someone back after days lands where the timeline puts them. Two things
     * stop the walk: a gate ends only when its tests pass, and a phase or reloading block that loads the spine
     * ({@link Protocol.Phase#loadsSpine()}) starts only with a steady check-in (see {@link #steadyStart}); if
     * the check-in came late, the phase starts at the check-in and its clock moves on by the wait. Silence
     * keeps the person where they are.
     */
    public Advance advance(RecoveryProgress progress, Instant now) {
        List<Protocol.Phase> entered = new ArrayList<>();
        RecoveryProgress p = enterBlocks(progress, now);
        while (awaiting(p, now).isEmpty() && p.phaseEndsAt().isPresent() && !now.isBefore(p.phaseEndsAt().get())) {
            int index = protocol.indexOf(p.phaseId());
            if (index + 1 >= protocol.phases().size()) {
                break;
            }
            Protocol.Phase next = protocol.phases().get(index + 1);
            Instant start = p.phaseEndsAt().get();
            if (next.loadsSpine()) {
                Optional<Instant> steady = steadyStart(p, start, now);
                if (steady.isEmpty()) {
                    break;
                }
                start = steady.get();
            }
            p = enterBlocks(p.inPhase(next.id(), start, next.length().map(start::plus)), now);
            entered.add(next);
        }
        return new Advance(p, entered);
    }

    /** What is waiting for a steady check-in: the next phase, or the next block of this phase's table. */
    public record Awaiting(String what, Instant dueSince, boolean block) {
    }

    /**
     * A step that loads the spine is due but has not started for want of a steady check-in: the next phase
     * (its predecessor's time is up) or the next block of a weekly table (its first week has come).
     */
    public Optional<Awaiting> awaiting(RecoveryProgress p, Instant now) {
        Protocol.Phase phase = phase(p);
        if (phase.loadsSpine()) {
            for (Protocol.Week w : phase.weeks()) {
                if (w.from() == 1) {
                    continue;
                }
                Instant due = blockStart(p, w);
                if (due.isAfter(now)) {
                    break;
                }
                if (steadyStart(p, due, now).isEmpty()) {
                    return Optional.of(new Awaiting("weeks " + w.from() + "-" + w.to() + " of " + phase.name(), due, true));
                }
            }
        }
        int index = protocol.indexOf(p.phaseId());
        if (p.phaseEndsAt().isPresent() && !now.isBefore(p.phaseEndsAt().get()) && index + 1 < protocol.phases().size()) {
            Protocol.Phase next = protocol.phases().get(index + 1);
            if (next.loadsSpine() && steadyStart(p, p.phaseEndsAt().get(), now).isEmpty()) {
                return Optional.of(new Awaiting(next.name(), p.phaseEndsAt().get(), false));
            }
        }
        return Optional.empty();
    }

    /** A check-in is steady when pain rose by less than the regression rise (a red-flag answer ends the check-in unsaved). */
    public boolean steady(CheckIn c) {
        return c.rise() < protocol.checkIn().regressionRise();
    }

    /**
     * When a step that loads the spine, due at {@code due}, may start: {@code due} itself if the latest check-in
     * in the {@code steadyWithinHours} before it was steady, else the first steady check-in after it (up to
     * {@code now}). Empty while it waits.
     */
    public Optional<Instant> steadyStart(RecoveryProgress p, Instant due, Instant now) {
        Instant windowStart = due.minus(Duration.ofHours(protocol.checkIn().steadyWithinHours()));
        Optional<CheckIn> latestBefore = p.checkIns().stream()
                .filter(c -> !c.at().isBefore(windowStart) && !c.at().isAfter(due))
                .reduce((a, b) -> b);
        if (latestBefore.filter(this::steady).isPresent()) {
            return Optional.of(due);
        }
        return p.checkIns().stream().filter(c -> c.at().isAfter(due) && !c.at().isAfter(now) && steady(c))
                .map(CheckIn::at).findFirst();
    }

    private Instant blockStart(RecoveryProgress p, Protocol.Week w) {
        return p.phaseStartedAt().plus(Duration.ofDays(7L * (w.from() - 1)));
    }

    /** Blocks of a weekly table whose first week has come start with a steady check-in; a late one moves the table on. */
    private RecoveryProgress enterBlocks(RecoveryProgress progress, Instant now) {
        RecoveryProgress p = progress;
        Protocol.Phase phase = phase(p);
        if (!phase.loadsSpine()) {
            return p;
        }
        for (Protocol.Week w : phase.weeks()) {
            if (w.from() == 1) {
                continue;
            }
            Instant due = blockStart(p, w);
            if (due.isAfter(now)) {
                break;
            }
            Optional<Instant> start = steadyStart(p, due, now);
            if (start.isEmpty()) {
                break;
            }
            if (start.get().isAfter(due)) {
                p = p.shifted(Duration.between(due, start.get()));
            }
        }
        return p;
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

    /**
     * All tests passed: the gate's time is up, and the phase after it starts now, or, when it loads the spine
     * and no steady check-in came in the hours before, with the next steady check-in.
     */
    public RecoveryProgress passGate(RecoveryProgress progress, Instant now) {
        return advance(progress.endingAt(now), now).progress();
    }

    /** A gate whose tests all passed, waiting for a steady check-in before the next phase. */
    public boolean gatePassed(RecoveryProgress progress) {
        return phase(progress).gate().isPresent() && progress.phaseEndsAt().isPresent();
    }

    /** A test failed: back to the gate's fallback phase, with the tests offered again after the retry delay. */
    public RecoveryProgress failGate(RecoveryProgress progress, Protocol.Gate gate, Instant now) {
        return progress.inPhase(gate.failBackTo(), now, Optional.of(now.plus(Duration.ofDays(gate.retryAfterDays()))));
    }

    /**
     * 1-based week of a phase with a weekly table, never past its last week, and never into a block still
     * waiting for a steady check-in (then the last week of the block before).
     */
    public int week(RecoveryProgress progress, Instant now) {
        Protocol.Phase phase = phase(progress);
        long days = Math.max(0, Duration.between(progress.phaseStartedAt(), now).toDays());
        int week = Math.max(1, Math.min((int) (days / 7) + 1, Math.max(1, phase.weekCount())));
        Optional<Awaiting> waiting = awaiting(progress, now).filter(Awaiting::block);
        if (waiting.isPresent()) {
            for (Protocol.Week w : phase.weeks()) {
                if (w.from() > 1 && !blockStart(progress, w).isAfter(now) && steadyStart(progress, blockStart(progress, w), now).isEmpty()) {
                    return Math.min(week, w.from() - 1);
                }
            }
        }
        return week;
    }

    /** The items of the phase for this moment: the week's row of a weekly table, else the phase's own. */
    public List<Protocol.Item> currentItems(RecoveryProgress progress, Instant now) {
        if (progress.inStrainHold(now)) {
            return protocol.loading().strainItems();
        }
        List<Protocol.Item> items = tableItems(progress, now);
        if (items.stream().anyMatch(i -> i.loadPercent().isPresent()) && !loadedWorkAllowed(progress, now)) {
            return protocol.loading().strainItems();
        }
        return items;
    }

    private List<Protocol.Item> tableItems(RecoveryProgress progress, Instant now) {
        Protocol.Phase phase = phase(progress);
        if (phase.weeks().isEmpty()) {
            return phase.items();
        }
        int week = week(progress, now);
        return phase.weeks().stream().filter(w -> week >= w.from() && week <= w.to()).findFirst()
                .map(Protocol.Week::items).orElse(phase.items());
    }

    /**
     * Loaded work (an item with a share of the one-rep max) is offered only while the latest check-in of the
     * last {@code steadyWithinHours} was steady; otherwise bodyweight hinges until the next steady check-in.
     */
    public boolean loadedWorkAllowed(RecoveryProgress progress, Instant now) {
        return steadyStart(progress, now, now).filter(now::equals).isPresent();
    }

    /** Loaded work would be on today's plan but waits for a steady check-in (not for a strain hold). */
    public boolean loadedWorkWaits(RecoveryProgress progress, Instant now) {
        return !progress.inStrainHold(now) && tableItems(progress, now).stream().anyMatch(i -> i.loadPercent().isPresent())
                && !loadedWorkAllowed(progress, now);
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
     * The load for an item, all in kilograms: {@code kg} for this session (what exists: a multiple of
     * {@code loading.roundingStepKg} on a barbell, a standard bell or two for a kettlebell), the block's range
     * {@code rangeMinKg}-{@code rangeMaxKg} (its share of the one-rep max, unrounded), {@code capKg} the most
     * the block allows with what exists, and {@code kit} how to make the load ("one 36 kg kettlebell").
     * {@code fits} is false when nothing that exists lies in the range; then {@code kg} is the nearest that
     * exists and {@code adjust} says which way. {@code waitingRise} names the next load up when a rise was
     * earned but would be more than the protocol's 5% (0 when none waits). Display layers round or convert
     * these numbers; they never compute a load themselves.
     */
    public record Load(double kg, double capKg, Protocol.Range percent, double rangeMinKg, double rangeMaxKg,
                       String kit, boolean fits, String adjust, double waitingRiseKg) {
    }

    /** The one place a load is computed: the item's block range, what exists, and the clean sessions earned. */
    public Optional<Load> load(Protocol.Item item, RecoveryProgress progress, Instant now) {
        if (item.loadPercent().isEmpty() || progress.oneRepMaxKg().isEmpty()) {
            return Optional.empty();
        }
        Protocol.Range percent = item.loadPercent().get();
        double oneRm = progress.oneRepMaxKg().get();
        double lo = oneRm * percent.min() / 100.0;
        double hi = oneRm * percent.max() / 100.0;
        boolean bells = protocol.exercise(item.exercise()).map(Protocol.Exercise::kettlebell).orElse(false);
        List<Double> sizes = available(bells, hi);
        List<Double> inRange = sizes.stream().filter(kg -> kg >= lo - EPS && kg <= hi + EPS).toList();
        if (inRange.isEmpty() && !bells) {
            // A single share (60%, 70%) rarely lands on a plate step: the nearest load below it, within one step.
            double below = roundDown(hi, Units.KG);
            if (below > 0 && hi - below < protocol.loading().roundingStepKg()) {
                inRange = List.of(below);
            }
        }
        if (inRange.isEmpty()) {
            return Optional.of(noFit(bells, sizes, lo, hi, percent));
        }
        double kg = inRange.get(0);
        double cap = inRange.get(inRange.size() - 1);
        double waiting = 0;
        double maxRise = 1 + protocol.loading().progressionPercent() / 100.0;
        for (int i = 0; i < stepsInForce(progress, now); i++) {
            double current = kg;
            Optional<Double> up = inRange.stream().filter(x -> x > current + EPS && x <= current * maxRise + EPS)
                    .reduce((a, b) -> b);
            if (up.isPresent()) {
                kg = up.get();
                waiting = 0;
            } else {
                waiting = inRange.stream().filter(x -> x > current + EPS).findFirst().orElse(0.0);
            }
        }
        return Optional.of(new Load(kg, cap, percent, lo, hi, kit(bells, kg), true, "", waiting));
    }

    private static final double EPS = 1e-6;

    /** Loads that exist, ascending: plate steps up to the range's top, or bell sizes (and pairs). */
    private List<Double> available(boolean bells, double hi) {
        List<Double> out = new ArrayList<>();
        if (bells) {
            Protocol.Kettlebells kb = protocol.loading().kettlebells();
            for (double size = kb.fromKg(); size <= kb.toKg() + EPS; size += kb.stepKg()) {
                out.add(size);
                if (kb.twoBells()) {
                    out.add(2 * size);
                }
            }
            return out.stream().distinct().sorted().toList();
        }
        double step = protocol.loading().roundingStepKg();
        for (double kg = step; kg <= hi + step + EPS; kg += step) {
            out.add(Math.round(kg / step) * step);
        }
        return out;
    }

    private String kit(boolean bells, double kg) {
        if (!bells) {
            return PlanText.fmt(kg) + " kg on the bar";
        }
        Protocol.Kettlebells kb = protocol.loading().kettlebells();
        boolean single = kg <= kb.toKg() + EPS && Math.abs((kg - kb.fromKg()) / kb.stepKg() - Math.rint((kg - kb.fromKg()) / kb.stepKg())) < EPS;
        return single ? "one " + PlanText.fmt(kg) + " kg kettlebell" : "two " + PlanText.fmt(kg / 2) + " kg kettlebells";
    }

    private Load noFit(boolean bells, List<Double> sizes, double lo, double hi, Protocol.Range percent) {
        String what = bells ? "kettlebell (or pair of bells)" : "plate load";
        Optional<Double> below = sizes.stream().filter(x -> x < lo).reduce((a, b) -> b);
        Optional<Double> above = sizes.stream().filter(x -> x > hi).findFirst();
        String adjust;
        double nearest;
        if (above.isPresent() && below.isEmpty()) {
            nearest = above.get();
            adjust = "No standard " + what + " is this light: the lightest, " + PlanText.fmt(nearest)
                    + " kg, is too heavy. Go lighter: a dumbbell or a plate of " + PlanText.fmt(lo) + "-" + PlanText.fmt(hi) + " kg.";
        } else if (below.isPresent() && above.isEmpty()) {
            nearest = below.get();
            adjust = "No standard " + what + " is this heavy: the heaviest, " + PlanText.fmt(nearest)
                    + " kg, is too light. Go heavier: a loaded barbell or trap bar of " + PlanText.fmt(lo) + "-" + PlanText.fmt(hi) + " kg.";
        } else {
            nearest = below.orElse(0.0);
            adjust = "No standard " + what + " lies in " + PlanText.fmt(lo) + "-" + PlanText.fmt(hi) + " kg: "
                    + PlanText.fmt(nearest) + " kg is too light and " + above.map(PlanText::fmt).orElse("?")
                    + " kg too heavy. Adjust with a dumbbell or plates in that range.";
        }
        return new Load(nearest, nearest, percent, lo, hi, "", false, adjust, 0);
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
