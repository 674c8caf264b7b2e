package dev.comeback.core.protocol;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Today's plan and the road map, as text. Pure. */
public final class PlanText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final Protocol protocol;
    private final PhaseRules phases;

    public PlanText(Protocol protocol) {
        this.protocol = protocol;
        this.phases = new PhaseRules(protocol);
    }

    /**
     * Where a person stands at {@code now}: the one reading of their progress that both {@link #today} and
     * {@link #roadMap} show, so the two never disagree.
     */
    public record Standing(Protocol.Phase phase, int index, long day, int week, Instant enteredAt,
                           Optional<Instant> strainHoldUntil, Optional<PhaseRules.Awaiting> awaiting,
                           boolean loadedWorkWaits, Optional<Instant> nextPhaseAt, boolean nextNeedsSteadyCheckIn) {
    }

    public Standing standing(RecoveryProgress progress, Instant now) {
        Protocol.Phase phase = phases.phase(progress);
        int index = protocol.indexOf(phase.id());
        boolean last = index + 1 >= protocol.phases().size();
        Optional<Instant> next = last ? Optional.empty() : progress.phaseEndsAt().filter(end -> end.isAfter(now));
        return new Standing(phase, index, Math.max(0, Duration.between(progress.startedAt(), now).toDays()),
                phases.week(progress, now), progress.enteredPhaseAt(now),
                progress.strainHoldUntil().filter(now::isBefore), phases.awaiting(progress, now),
                phases.loadedWorkWaits(progress, now), next,
                !last && protocol.phases().get(index + 1).loadsSpine());
    }

    /** True when /today should offer the check-in right away: something waits for a steady one. */
    public boolean waitsForCheckIn(RecoveryProgress progress, Instant now) {
        Standing s = standing(progress, now);
        return s.awaiting().isPresent() || s.loadedWorkWaits();
    }

    public String today(RecoveryProgress progress, Optional<Double> weightKg, ZoneId zone, Instant now) {
        return today(progress, weightKg, zone, now, Units.KG);
    }

    /** Today's plan with loads in {@code units} (pounds: to the 5 lb plate step, kilograms beside). */
    public String today(RecoveryProgress progress, Optional<Double> weightKg, ZoneId zone, Instant now, Units units) {
        Standing s = standing(progress, now);
        Protocol.Phase phase = s.phase();
        List<String> lines = new ArrayList<>();
        String week = phase.weekCount() > 0 ? ", week " + s.week() + " of " + phase.weekCount() : "";
        lines.add("Today, day " + s.day() + " of your recovery: phase " + (s.index() + 1) + ", "
                + phase.name() + week + ".");
        if (!phase.summary().isBlank()) {
            lines.add(phase.summary());
        }
        s.awaiting().ifPresent(a -> lines.add("Next: " + a.what() + ", due since " + DAY.format(a.dueSince().atZone(zone))
                + ". It loads your spine, so it starts only after a steady check-in (within " + steadyHours()
                + " hours, pain not rising by " + protocol.checkIn().regressionRise() + " or more). You stay here until then: send /checkin."));
        boolean hold = s.strainHoldUntil().isPresent();
        if (hold) {
            lines.add("After the back strain you reported, loaded work is on hold until "
                    + DAY.format(s.strainHoldUntil().get().atZone(zone)) + ". Instead:");
        } else if (s.loadedWorkWaits()) {
            lines.add("Loaded work needs a steady check-in within the last " + steadyHours()
                    + " hours, and I have none: check in (/checkin) and today's loads follow. Until then:");
        }
        for (Protocol.Item item : phases.currentItems(progress, now)) {
            lines.add("- " + item(item, progress, now, units));
        }
        boolean replaced = hold || s.loadedWorkWaits();
        if (!replaced) {
            phase.accessories().ifPresent(acc -> {
                lines.add("Accessory work, " + times(acc.perWeek()) + " a week:");
                acc.items().forEach(i -> lines.add("- " + item(i, progress, now, units)));
            });
        }
        phase.gate().filter(g -> !phases.gatePassed(progress)).ifPresent(gate -> {
            lines.add("The tests:");
            gate.tests().forEach(t -> lines.add("- " + t.text()));
        });
        if (phase.isLoaded() && progress.oneRepMaxKg().isEmpty()) {
            lines.add("Loads are worked out from your one-rep max before the injury: tell me when I ask.");
        }
        Optional<DailyTargets> targets = weightKg.map(kg -> DailyTargets.forWeight(protocol.nutrition(), kg));
        if (!replaced) {
            for (String note : phase.notes()) {
                lines.add(fill(note, targets, units));
            }
        }
        s.nextPhaseAt().ifPresent(end -> lines.add("Next phase from " + DAY.format(end.atZone(zone))
                + (s.nextNeedsSteadyCheckIn() ? ", once a check-in within " + steadyHours() + " hours before it is steady (silence does not count)."
                : ".")));
        return String.join("\n", lines);
    }

    private int steadyHours() {
        return protocol.checkIn().steadyWithinHours();
    }

    /** The road map and where the person stands, from the same {@link #standing} as {@link #today}. */
    public String roadMap(RecoveryProgress progress, ZoneId zone, Instant now) {
        Standing s = standing(progress, now);
        int current = s.index();
        List<String> lines = new ArrayList<>();
        lines.add("Your road map:");
        for (int i = 0; i < protocol.phases().size(); i++) {
            Protocol.Phase phase = protocol.phases().get(i);
            String mark = i < current ? "[done] " : i == current ? "[now]  " : "       ";
            String line = mark + (i + 1) + ". " + phase.name() + " (" + span(phase) + ")";
            if (i == current) {
                line += ": since " + DAY.format(s.enteredAt().atZone(zone));
                if (phase.weekCount() > 0) {
                    line += ", week " + s.week() + " of " + phase.weekCount();
                }
                if (s.strainHoldUntil().isPresent()) {
                    line += "; loaded work on hold until " + DAY.format(s.strainHoldUntil().get().atZone(zone));
                } else if (s.loadedWorkWaits()) {
                    line += "; loaded work waits for a steady check-in";
                }
                if (s.awaiting().isPresent()) {
                    line += "; " + s.awaiting().get().what() + " waits for a steady check-in";
                }
            }
            lines.add(line);
        }
        return String.join("\n", lines);
    }

    private static String span(Protocol.Phase phase) {
        if (phase.gate().isPresent()) {
            return "all " + phase.gate().get().tests().size() + " tests must pass";
        }
        if (phase.fromHour().isPresent() && phase.toHour().isPresent()) {
            int from = phase.fromHour().get();
            int to = phase.toHour().get();
            if (from % 24 == 0 && to % 24 == 0 && to - from > 24) {
                return "days " + from / 24 + "-" + (to / 24 - 1);
            }
            return "hours " + from + "-" + to;
        }
        if (phase.weekCount() > 0) {
            return phase.weekCount() + " weeks";
        }
        return phase.minDays().filter(d -> d > 0).map(d -> d % 7 == 0 ? d / 7 + (d == 7 ? " week" : " weeks") : d + " days")
                .orElse("for good");
    }

    public String item(Protocol.Item item, RecoveryProgress progress, Instant now) {
        return item(item, progress, now, Units.KG);
    }

    /** One exercise line: dose, load in {@code units}, cues. */
    public String item(Protocol.Item item, RecoveryProgress progress, Instant now, Units units) {
        String name = protocol.exercise(item.exercise()).map(Protocol.Exercise::name).orElse(item.exercise());
        StringBuilder b = new StringBuilder(name).append(':');
        List<String> dose = new ArrayList<>();
        if (item.sets().isPresent() && item.reps().isPresent()) {
            dose.add(item.sets().get() + " x " + item.reps().get() + (item.perSide() ? " per side" : ""));
        } else if (item.reps().isPresent()) {
            dose.add(item.reps().get() + (item.perSide() ? " per side" : " reps"));
        }
        item.minutes().ifPresent(m -> dose.add(m + " min"));
        item.frequency().ifPresent(dose::add);
        item.loadPercent().ifPresent(percent -> dose.add(loadText(item, percent, progress, now, units)));
        b.append(' ').append(dose.isEmpty() ? "as described" : String.join(", ", dose)).append('.');
        protocol.exercise(item.exercise()).filter(e -> !e.cues().isEmpty())
                .ifPresent(e -> b.append(" Cues: ").append(String.join("; ", e.cues())).append('.'));
        return b.toString();
    }

    /** Shows {@link PhaseRules#load}: the only place a load is computed. */
    private String loadText(Protocol.Item item, Protocol.Range percent, RecoveryProgress progress, Instant now, Units units) {
        String pct = percent.min() == percent.max() ? fmt(percent.min()) + "%" : fmt(percent.min()) + "-" + fmt(percent.max()) + "%";
        Optional<PhaseRules.Load> found = phases.load(item, progress, now);
        if (found.isEmpty()) {
            return pct + " of your one-rep max";
        }
        PhaseRules.Load load = found.get();
        String oneRm = units.format(progress.oneRepMaxKg().get());
        String unit = units == Units.LB ? " lb" : " kg";
        String range = percent.min() == percent.max() ? number(load.rangeMaxKg(), units) + unit
                : number(load.rangeMinKg(), units) + "-" + number(load.rangeMaxKg(), units) + unit;
        if (!load.fits()) {
            return pct + " of your " + oneRm + " one-rep max is " + range + ". " + load.adjust();
        }
        boolean bells = bells(load);
        String amount = amount(load, units);
        String kit = !bells ? "" : " (" + load.kit() + (units == Units.LB ? ", about " + Math.round(units.fromKg(load.kg())) + " lb" : "") + ")";
        if (percent.min() == percent.max()) {
            return amount + kit + " (" + pct + " of your " + oneRm + " one-rep max is " + range + ")";
        }
        String cap = bells || units == Units.KG ? fmt(load.capKg()) + " kg" : fmt(phases.roundDown(Units.LB.fromKg(load.capKg()), Units.LB)) + " lb";
        return amount + kit + " this session (" + pct + " of your " + oneRm + " one-rep max is " + range + "; up to "
                + cap + " with what exists)";
    }

    private static boolean bells(PhaseRules.Load load) {
        return load.kit().endsWith("kettlebell") || load.kit().endsWith("kettlebells");
    }

    /**
     * A load as the person is shown it, in /today and in check-in replies alike: kilograms for kettlebells and for
     * people who use kilograms ("57.5 kg"); for a barbell in pounds, {@link #shownAmount} with kilograms beside
     * ("150 lb (68 kg)").
     */
    public String amount(PhaseRules.Load load, Units units) {
        if (bells(load) || units == Units.KG) {
            return fmt(load.kg()) + " kg";
        }
        double lb = shownAmount(load, units);
        return fmt(lb) + " lb (" + Math.round(Units.LB.toKg(lb)) + " kg)";
    }

    /**
     * The number shown for a load, in the unit it is shown in: kilograms for kettlebells and kilogram users; for a
     * barbell in pounds, the kilogram load converted and rounded down to the 5 lb step, or up one step when
     * rounding down would leave the block's range.
     */
    public double shownAmount(PhaseRules.Load load, Units units) {
        if (bells(load) || units == Units.KG) {
            return load.kg();
        }
        double lb = phases.roundDown(units.fromKg(load.kg()), units);
        double up = lb + protocol.loading().roundingStepLb();
        if (lb < units.fromKg(load.rangeMinKg()) - 1e-6 && up <= units.fromKg(load.rangeMaxKg()) + 1e-6) {
            lb = up;
        }
        return lb;
    }

    private static String number(double kg, Units units) {
        return fmt(Math.round(units.fromKg(kg) * 10) / 10.0);
    }

    private String fill(String note, Optional<DailyTargets> targets, Units units) {
        Protocol.Nutrition n = protocol.nutrition();
        String water = targets.map(t -> t.water(units)).orElse(fmt(n.waterMlPerKg().min()) + "-" + fmt(n.waterMlPerKg().max()) + " ml per kg of body weight");
        String protein = targets.map(DailyTargets::protein).orElse(fmt(n.proteinGPerKg().min()) + "-" + fmt(n.proteinGPerKg().max()) + " g per kg of body weight");
        return note.replace("{water}", water).replace("{protein}", protein);
    }

    private static String times(int n) {
        return switch (n) {
            case 1 -> "once";
            case 2 -> "twice";
            default -> n + " times";
        };
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
