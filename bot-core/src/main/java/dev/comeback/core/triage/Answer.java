package dev.comeback.core.triage;

import java.util.Objects;

/** The option a person chose for one question. */
public record Answer(String questionId, String optionId) {
    public Answer {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(optionId, "optionId");
    }
}
