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

    public String today(RecoveryProgress progress, Optional<Double> weightKg, ZoneId zone, Instant now) {
        return today(progress, weightKg, zone, now, Units.KG);
    }

    /** Today's plan with loads in {@code units} (pounds: rounded down to 5 lb, kilograms beside). */
    public String today(RecoveryProgress progress, Optional<Double> weightKg, ZoneId zone, Instant now, Units units) {
        Protocol.Phase phase = phases.phase(progress);
        long day = Math.max(0, Duration.between(progress.startedAt(), now).toDays());
        List<String> lines = new ArrayList<>();
        String week = phase.weekCount() > 0 ? ", week " + phases.week(progress, now) + " of " + phase.weekCount() : "";
        lines.add("Today, day " + day + " of your recovery: phase " + (protocol.indexOf(phase.id()) + 1) + ", "
                + phase.name() + week + ".");
        if (!phase.summary().isBlank()) {
            lines.add(phase.summary());
        }
        if (progress.inStrainHold(now)) {
            lines.add("After the back strain you reported, loaded work is on hold until "
                    + DAY.format(progress.strainHoldUntil().get().atZone(zone)) + ". Instead:");
        }
        for (Protocol.Item item : phases.currentItems(progress, now)) {
            lines.add("- " + item(item, progress, now, units));
        }
        if (!progress.inStrainHold(now)) {
            phase.accessories().ifPresent(acc -> {
                lines.add("Accessory work, " + times(acc.perWeek()) + " a week:");
                acc.items().forEach(i -> lines.add("- " + item(i, progress, now, units)));
            });
        }
        phase.gate().ifPresent(gate -> {
            lines.add("The tests:");
            gate.tests().forEach(t -> lines.add("- " + t.text()));
        });
        if (phase.isLoaded() && progress.oneRepMaxKg().isEmpty()) {
            lines.add("Loads are worked out from your one-rep max before the injury: tell me when I ask.");
        }
        Optional<DailyTargets> targets = weightKg.map(kg -> DailyTargets.forWeight(protocol.nutrition(), kg));
        for (String note : phase.notes()) {
            lines.add(fill(note, targets));
        }
        progress.phaseEndsAt().filter(end -> end.isAfter(now) && protocol.indexOf(phase.id()) + 1 < protocol.phases().size())
                .ifPresent(end -> lines.add("Next phase from " + DAY.format(end.atZone(zone)) + ", if check-ins stay steady."));
        return String.join("\n", lines);
    }

    public String roadMap(RecoveryProgress progress, ZoneId zone) {
        int current = protocol.indexOf(progress.phaseId());
        List<String> lines = new ArrayList<>();
        lines.add("Your road map:");
        for (int i = 0; i < protocol.phases().size(); i++) {
            Protocol.Phase phase = protocol.phases().get(i);
            String mark = i < current ? "[done] " : i == current ? "[now]  " : "       ";
            String line = mark + (i + 1) + ". " + phase.name() + " (" + span(phase) + ")";
            if (i == current) {
                line += ": since " + DAY.format(progress.phaseStartedAt().atZone(zone));
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

    private String loadText(Protocol.Item item, Protocol.Range percent, RecoveryProgress progress, Instant now, Units units) {
        String pct = percent.min() == percent.max() ? fmt(percent.min()) + "%" : fmt(percent.min()) + "-" + fmt(percent.max()) + "%";
        Optional<PhaseRules.Load> load = phases.load(item, progress, now, units);
        if (load.isEmpty()) {
            return pct + " of your one-rep max";
        }
        String oneRm = units.format(progress.oneRepMaxKg().get());
        if (units == Units.LB) {
            String amount = pounds(load.get().amount());
            if (percent.min() == percent.max()) {
                return amount + ": " + pct + " of your " + oneRm + " one-rep max";
            }
            return amount + " this session: " + pct + " of your " + oneRm + " one-rep max is up to " + fmt(load.get().cap()) + " lb";
        }
        if (percent.min() == percent.max()) {
            return fmt(load.get().amount()) + " kg (" + pct + " of your " + oneRm + " one-rep max)";
        }
        return fmt(load.get().amount()) + " kg this session (" + pct + " of your " + oneRm + " one-rep max is up to "
                + fmt(load.get().cap()) + " kg)";
    }

    /** "225 lb (102 kg)": a load in pounds with whole kilograms beside. */
    private static String pounds(double lb) {
        return fmt(lb) + " lb (" + Math.round(Units.LB.toKg(lb)) + " kg)";
    }

    private static String fill(String note, Optional<DailyTargets> targets) {
        String water = targets.map(DailyTargets::water).orElse("35-40 ml per kg of body weight");
        String protein = targets.map(DailyTargets::protein).orElse("1.6-2.2 g per kg of body weight");
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
