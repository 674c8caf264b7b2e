package dev.comeback.core.progress;

import dev.comeback.core.conversation.Clearance;
import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.protocol.CheckIn;
import dev.comeback.core.protocol.PhaseRules;
import dev.comeback.core.protocol.Protocol;
import dev.comeback.core.protocol.RecoveryProgress;
import dev.comeback.core.triage.TriageResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a turn changed in a person's recovery, as history events: a pure function of the state before and
 * after the turn. The conversation decides; this only records what it decided, so the rules stay in one
 * place ({@code protocol}).
 */
public final class ProgressEvents {
    private final Protocol protocol;
    private final PhaseRules rules;

    public ProgressEvents(Protocol protocol) {
        this.protocol = protocol;
        this.rules = new PhaseRules(protocol);
    }

    /** The events between {@code before} and {@code after}, a turn at {@code now}; empty when nothing of note changed. */
    public List<ProgressEvent> between(ConversationState before, ConversationState after, Instant now) {
        List<ProgressEvent> events = new ArrayList<>();
        Optional<TriageResult> result = after.triageResult();
        if (result.isPresent() && !result.equals(before.triageResult())) {
            TriageResult r = result.get();
            String reasons = r.reasons().isEmpty() ? "" : "; " + String.join("; ", r.reasons());
            events.add(ProgressEvent.of(r.at(), ProgressEvent.Kind.TRIAGE, "", r.outcome().name() + reasons));
        }
        Optional<Clearance> clearance = after.clearance();
        if (clearance.isPresent() && !clearance.equals(before.clearance())) {
            events.add(ProgressEvent.of(clearance.get().at(), ProgressEvent.Kind.CLEARANCE, "", clearance.get().after().name()));
        }
        Optional<RecoveryProgress> was = before.recovery();
        Optional<RecoveryProgress> is = after.recovery();
        if (is.isEmpty()) {
            return events;
        }
        RecoveryProgress p = is.get();
        if (was.isEmpty() || !was.get().startedAt().equals(p.startedAt())) {
            events.add(ProgressEvent.of(p.startedAt(), ProgressEvent.Kind.RECOVERY_STARTED, p.phaseId(), ""));
            return events;
        }
        RecoveryProgress old = was.get();
        Optional<CheckIn> fresh = latest(p).filter(c -> latest(old).map(o -> !o.at().equals(c.at())).orElse(true));
        fresh.ifPresent(c -> events.add(ProgressEvent.checkIn(c.at(), p.phaseId(), c.before(), c.after(), topLoadKg(p, now), c.outcome())));
        int from = protocol.indexOf(old.phaseId());
        int to = protocol.indexOf(p.phaseId());
        boolean gate = protocol.phases().get(Math.max(0, from)).gate().isPresent();
        if (gate && !rules.gatePassed(old) && (rules.gatePassed(p) || to > from)) {
            events.add(ProgressEvent.of(now, ProgressEvent.Kind.GATE_PASSED, old.phaseId(), ""));
        }
        if (to != from) {
            String how = to > from ? "ADVANCED"
                    : fresh.map(CheckIn::outcome).filter(CheckIn.Outcome.REGRESSED.name()::equals).isPresent() ? "REGRESSED"
                    : gate ? "GATE_FAILED" : "REGRESSED";
            events.add(ProgressEvent.of(now, ProgressEvent.Kind.PHASE, p.phaseId(), how));
        }
        if (p.strainHoldUntil().isPresent() && !p.strainHoldUntil().equals(old.strainHoldUntil())) {
            events.add(ProgressEvent.of(now, ProgressEvent.Kind.STRAIN_HOLD, p.phaseId(), p.strainHoldUntil().get().toString()));
        }
        return events;
    }

    private static Optional<CheckIn> latest(RecoveryProgress p) {
        return p.checkIns().isEmpty() ? Optional.empty() : Optional.of(p.checkIns().get(p.checkIns().size() - 1));
    }

    /** The heaviest load on the plan for {@code now}, in kg; 0 when it has no loaded work. */
    private double topLoadKg(RecoveryProgress p, Instant now) {
        double top = 0;
        for (Protocol.Item item : rules.currentItems(p, now)) {
            top = Math.max(top, rules.load(item, p, now).filter(PhaseRules.Load::fits).map(PhaseRules.Load::kg).orElse(0.0));
        }
        return top;
    }
}
