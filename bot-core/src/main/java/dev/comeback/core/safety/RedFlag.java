package dev.comeback.core.safety;

import java.util.Objects;

/**
 * A sign found in a message. {@code certain} is false when the words are there but hedged, softened by
 * context ("weak from leg day") or only half there ("numbness", no place named): the bot must ask.
 */
public record RedFlag(String signId, String signName, boolean certain) {
    public RedFlag {
        Objects.requireNonNull(signId, "signId");
        Objects.requireNonNull(signName, "signName");
    }
}
