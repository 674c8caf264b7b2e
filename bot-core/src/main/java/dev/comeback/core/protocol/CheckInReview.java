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

    public CheckInReview(Protocol protocol) {
        this.protocol = protocol;
        this.phases = new PhaseRules(protocol);
    }

    /**
     * Applies, in order: the pain rise rule (a rise of the protocol's regressionRise or more while moving
     * regresses one phase, and then no load rises), the session report, and after notImprovingAfterDays the
     * advice to see a physical therapist. {@code expectation} is what recovery should take for their pattern.
     */
    public Result review(RecoveryProgress progress, CheckIn checkIn, Session session, String expectation, Instant now) {
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
            p = applySession(p, session, now, messages);
        }
        boolean therapist = false;
        long days = Duration.between(p.startedAt(), now).toDays();
        if (days >= protocol.checkIn().notImprovingAfterDays()) {
            boolean notImproving = notImproving(p, now);
            if (notImproving || checkIn.dailyTasksPainful()) {
                therapist = true;
                String why = notImproving ? "your pain has not improved" : "daily tasks still hurt";
                messages.add("It has been " + days + " days and " + why + ". Please see a physical therapist: hands-on "
                        + "assessment and treatment (such as McKenzie extensions) can find what this plan cannot.");
            }
        } else if (!expectation.isBlank()) {
            messages.add(expectation);
        }
        return new Result(p, messages, regressed, therapist);
    }

    private RecoveryProgress applySession(RecoveryProgress p, Session session, Instant now, List<String> messages) {
        switch (session) {
            case CLEAN -> {
                RecoveryProgress next = phases.reportCleanSession(p, now);
                boolean atCap = phases.currentItems(next, now).stream()
                        .map(i -> phases.load(i, next, now))
                        .flatMap(Optional::stream)
                        .allMatch(l -> l.amount() >= l.cap());
                messages.add(atCap
                        ? "All sets pain-free with good form. You are at the top of this block's range; stay there until the next block."
                        : "All sets pain-free with good form: the load goes up " + fmt(protocol.loading().progressionPercent()) + "% next session (see /today).");
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

    /** Not improving: the latest pain before moving is no lower than at the first check-in of the recovery. */
    private static boolean notImproving(RecoveryProgress p, Instant now) {
        List<CheckIn> all = p.checkIns();
        if (all.size() < 2) {
            return false;
        }
        return all.get(all.size() - 1).before() >= all.get(0).before() && all.get(all.size() - 1).before() > 0;
    }

    private static String signed(int n) {
        return n > 0 ? "+" + n : String.valueOf(n);
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
