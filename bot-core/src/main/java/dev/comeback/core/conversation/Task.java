package dev.comeback.core.conversation;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A short series of questions within recovery (a check-in, the functional tests, asking the one-rep max),
 * with the answers given so far by step id and when it began (empty in states stored before that was kept). Which step comes next follows from the kind and the answers.
 */
public record Task(Kind kind, Map<String, String> answers, Optional<Instant> startedAt) {
    public enum Kind { NONE, CHECK_IN, FUNCTIONAL_TESTS, ONE_REP_MAX }

    public static final Task NONE = new Task(Kind.NONE, Map.of());

    public Task {
        Objects.requireNonNull(kind, "kind");
        answers = answers == null ? Map.of() : Map.copyOf(answers);
        startedAt = startedAt == null ? Optional.empty() : startedAt;
    }

    public Task(Kind kind, Map<String, String> answers) {
        this(kind, answers, Optional.empty());
    }

    public static Task of(Kind kind) {
        return new Task(kind, Map.of());
    }

    /** A new task of this kind begun at {@code now} (a check-in older than 12 hours starts afresh). */
    public static Task begun(Kind kind, Instant now) {
        return new Task(kind, Map.of(), Optional.of(now));
    }

    public Task answered(String step, String value) {
        Map<String, String> next = new HashMap<>(answers);
        next.put(step, value);
        return new Task(kind, next, startedAt);
    }

    public Optional<String> answer(String step) {
        return Optional.ofNullable(answers.get(step));
    }
}
