package dev.comeback.core.reminders;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of reminder; {@link #key()} is the name used in protocol.json and in reminder ids. */
public enum ReminderKind {
    ICE("ice"),
    ICE_OFF("ice_off"),
    WALK("walk"),
    WALK_TOTAL("walk_total"),
    HYDRATION("hydration"),
    CHECKIN("checkin"),
    ACCESSORIES("accessories"),
    WARMUP("warmup");

    private final String key;

    ReminderKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<ReminderKind> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
