package dev.comeback.core.protocol;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a finished check-in means under the protocol's rules. Pure. */
public final class CheckInReview {
    /** How the last loaded session went, when asked. */
    public enum Session { NOT_ASKED, NONE, CLEAN, STRAIN }

    public record Result(RecoveryProgress progress, List<String> messages, boolean regressed, boolean therapistAdvised) {
        public Result {
            messages = List.copyOf(messages);
        }
    }

    private final Protocol protocol;
    private final PhaseRules phases;
    private final PlanText plans;

    public CheckInReview(Protocol protocol) {
        this.protocol = protocol;
        this.phases = new PhaseRules(protocol);
        this.plans = new PlanText(protocol);
    }

    /** {@link #review(RecoveryProgress, CheckIn, Session, String, Instant, Units)} for someone who uses kilograms. */
    public Result review(RecoveryProgress progress, CheckIn checkIn, Session session, String expectation, Instant now) {
        return review(progress, checkIn, session, expectation, now, Units.KG);
    }

    /**
     * Applies, in order: the pain rise rule (a rise of the protocol's regressionRise or more while moving
     * regresses one phase, and then no load rises), the session report (back strain holds loaded work for
     * strainHoldDays, also together with a regression), a steady check-in letting a waiting phase or block
     * start, and the advice to see a physical therapist, naming what triggered it: at any day when everyday tasks
     * hurt and did not at the previous check-in (the protocol's "escalate immediately if daily activities like
     * driving become painful"), and after notImprovingAfterDays when pain has not improved or everyday tasks
     * still hurt.
     * {@code expectation} is what recovery should take for their pattern.
     */
    public Result review(RecoveryProgress progress, CheckIn checkIn, Session session, String expectation, Instant now, Units units) {
        List<String> messages = new ArrayList<>();
        RecoveryProgress p = progress.withCheckIn(checkIn);
        messages.add("Check-in saved: pain " + checkIn.before() + " before moving, " + checkIn.after() + " after ("
                + signed(checkIn.rise()) + ").");
        boolean regressed = false;
        if (checkIn.rise() >= protocol.checkIn().regressionRise()) {
            Optional<RecoveryProgress> back = phases.regress(p, now);
            if (back.isPresent()) {
                regressed = true;
                p = back.get();
                messages.add("Your pain rose by " + checkIn.rise() + " points while moving. The protocol says to step back one phase when pain rises by "
                        + protocol.checkIn().regressionRise() + " or more: you're back in " + phases.phase(p).name()
                        + " from today. That is normal in recovery, not a failure.");
            } else {
                messages.add("Your pain rose by " + checkIn.rise() + " points while moving. You're already in the first phase: rest more, and if pain keeps rising, see a doctor or physiotherapist.");
            }
        } else if (checkIn.rise() <= 0) {
            messages.add("Good: moving did not make it worse.");
        } else {
            messages.add("A small rise; keep to today's plan and stop anything that makes it climb.");
        }
        if (!regressed) {
            p = applySession(p, session, now, messages, units);
        } else if (session == Session.STRAIN) {
            // Both rules apply: one phase back, and no loaded work at all while the strain settles.
            p = phases.reportStrain(p, now);
            messages.add("With the back strain you reported, it is bodyweight hip hinges only for the next "
                    + protocol.loading().strainHoldDays() + " days, then " + phases.phase(p).name() + " from there.");
        }
        if (!regressed) {
            PhaseRules.Advance moved = phases.advance(p, now);
            if (!moved.entered().isEmpty()) {
                Protocol.Phase entered = moved.entered().get(moved.entered().size() - 1);
                messages.add("A steady check-in: phase " + (protocol.indexOf(entered.id()) + 1) + ", " + entered.name()
                        + ", starts today (see /today).");
            } else if (!moved.progress().equals(p)) {
                messages.add("A steady check-in: week " + phases.week(moved.progress(), now) + " of " + phases.phase(p).name()
                        + " starts today (see /today).");
            }
            p = moved.progress();
        }
        boolean therapist = false;
        long days = Duration.between(p.startedAt(), now).toDays();
        if (becamePainful(progress, checkIn)) {
            // The protocol: escalate immediately if daily activities like driving become painful. Early on they
            // often hurt from the start; what escalates at any day is a change from not hurting to hurting.
            therapist = true;
            messages.add("Everyday tasks did not hurt at your last check-in and they do now. The protocol says to get "
                    + "help straight away when that happens: please book a physical therapist or your doctor in the "
                    + "next few days, and keep to gentle movement until then.");
        } else if (days >= protocol.checkIn().notImprovingAfterDays()) {
            Optional<String> trend = notImproving(p);
            if (trend.isPresent() || checkIn.dailyTasksPainful()) {
                therapist = true;
                String why = trend.orElse("You told me everyday tasks still hurt, " + days + " days into your recovery.");
                messages.add(why + " Please see a physical therapist: hands-on "
                        + "assessment and treatment (such as McKenzie extensions) can find what this plan cannot.");
            }
        } else if (!expectation.isBlank() && p.checkIns().size() == 1) {
            // What to expect is said once, at the first check-in; repeated daily it stops being true or useful.
            messages.add(expectation);
        }
        CheckIn.Outcome outcome = regressed ? CheckIn.Outcome.REGRESSED
                : session == Session.STRAIN ? CheckIn.Outcome.STRAIN_HOLD
                : therapist ? CheckIn.Outcome.THERAPIST
                : checkIn.rise() > 0 ? CheckIn.Outcome.SMALL_RISE
                : CheckIn.Outcome.STEADY;
        p = p.withLatestCheckIn(checkIn.withOutcome(outcome));
        return new Result(p, messages, regressed, therapist);
    }

    /** Everyday tasks hurt at this check-in and did not at the one before it (empty history: false). */
    static boolean becamePainful(RecoveryProgress before, CheckIn checkIn) {
        List<CheckIn> earlier = before.checkIns();
        return checkIn.dailyTasksPainful() && !earlier.isEmpty() && !earlier.get(earlier.size() - 1).dailyTasksPainful();
    }

    private RecoveryProgress applySession(RecoveryProgress p, Session session, Instant now, List<String> messages, Units units) {
        switch (session) {
            case CLEAN -> {
                RecoveryProgress next = phases.reportCleanSession(p, now);
                List<String> changes = new ArrayList<>();
                boolean rose = false;
                for (Protocol.Item item : phases.currentItems(p, now)) {
                    Optional<PhaseRules.Load> before = phases.load(item, p, now).filter(PhaseRules.Load::fits);
                    Optional<PhaseRules.Load> after = phases.load(item, next, now).filter(PhaseRules.Load::fits);
                    if (before.isEmpty() || after.isEmpty()) {
                        continue;
                    }
                    String name = protocol.exercise(item.exercise()).map(Protocol.Exercise::name).orElse(item.exercise());
                    // Compared and said as /today shows them (pounds on the 5 lb step for a barbell in pounds).
                    double b = plans.shownAmount(before.get(), units);
                    double a = plans.shownAmount(after.get(), units);
                    String was = plans.amount(before.get(), units);
                    if (a > b) {
                        rose = true;
                        changes.add(name + " goes from " + was + " to " + plans.amount(after.get(), units) + " next session (+"
                                + PlanText.fmt(Math.round((a / b - 1) * 1000) / 10.0) + "%)");
                    } else if (after.get().waitingRiseKg() > 0) {
                        double w = after.get().waitingRiseKg();
                        double bKg = before.get().kg();
                        changes.add(name + " stays at " + was + ": the next load up, " + PlanText.fmt(w) + " kg, would be +"
                                + PlanText.fmt(Math.round((w / bKg - 1) * 1000) / 10.0) + "%, more than the protocol's "
                                + fmt(protocol.loading().progressionPercent()) + "%, so the rise waits"
                                + (bKg >= w / (1 + protocol.loading().progressionPercent() / 100.0) ? "" : " until a smaller step fits (smaller plates or bells would make it)"));
                    } else if (after.get().kg() > before.get().kg()) {
                        changes.add(name + " stays at " + was + " next session: the rise is smaller than one " + units.symbol() + " step");
                    } else {
                        changes.add(name + " is at the top of this block's range: stay at " + was + " until the next block");
                    }
                }
                if (changes.isEmpty()) {
                    messages.add("All sets pain-free with good form. Noted.");
                } else {
                    messages.add("All sets pain-free with good form" + (rose ? "" : ", but no rise this time") + ": " + String.join("; ", changes) + ".");
                }
                return next;
            }
            case STRAIN -> {
                RecoveryProgress next = phases.reportStrain(p, now);
                messages.add("Back strain noted. For the next " + protocol.loading().strainHoldDays()
                        + " days: bodyweight hip hinges instead of loaded work, then you pick up where you were.");
                return next;
            }
            default -> {
                return p;
            }
        }
    }

    /**
     * Not improving: the pain before moving, averaged over the latest {@code trendCheckIns} check-ins, is no
     * lower than over the first ones (and not zero). Says so with both numbers; empty when pain improved or
     * there are too few check-ins to tell a trend.
     */
    Optional<String> notImproving(RecoveryProgress p) {
        List<CheckIn> all = p.checkIns();
        int n = Math.min(protocol.checkIn().trendCheckIns(), all.size() / 2);
        if (n < 1) {
            return Optional.empty();
        }
        double first = all.subList(0, n).stream().mapToInt(CheckIn::before).average().orElse(0);
        double latest = all.subList(all.size() - n, all.size()).stream().mapToInt(CheckIn::before).average().orElse(0);
        if (latest < first || latest == 0) {
            return Optional.empty();
        }
        String span = n == 1 ? "check-in" : n + " check-ins";
        return Optional.of("Your pain before moving was " + PlanText.fmt(Math.round(first * 10) / 10.0) + " on average at your first "
                + span + " and is " + PlanText.fmt(Math.round(latest * 10) / 10.0) + " at your latest " + span
                + ": it has not improved after " + protocol.checkIn().notImprovingAfterDays() + " days or more.");
    }

    private static String signed(int n) {
        return n > 0 ? "+" + n : String.valueOf(n);
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
