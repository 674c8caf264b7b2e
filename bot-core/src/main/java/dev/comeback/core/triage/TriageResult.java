package dev.comeback.core.triage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The finished triage: the outcome, the reasons behind it (the answers or words that raised it), and for
 * RECOVERY which ordinary pattern it looks like (empty otherwise).
 */
public record TriageResult(Outcome outcome, List<String> reasons, String patternId, Instant at) {
    public TriageResult {
        Objects.requireNonNull(outcome, "outcome");
        reasons = List.copyOf(reasons);
        patternId = patternId == null ? "" : patternId;
        Objects.requireNonNull(at, "at");
    }
}
