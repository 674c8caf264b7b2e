package dev.comeback.core.safety;

import java.util.Objects;

/**
 * An emergency symptom found in a message. {@code certain} is false when the same clause holds a negation
 * ("no numbness in my groin"): the words are there, but whether the person has the symptom must be asked.
 */
public record RedFlag(String signId, String signName, boolean certain) {
    public RedFlag {
        Objects.requireNonNull(signId, "signId");
        Objects.requireNonNull(signName, "signName");
    }
}
