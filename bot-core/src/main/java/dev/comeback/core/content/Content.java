package dev.comeback.core.content;

import dev.comeback.core.protocol.Protocol;
import dev.comeback.core.reminders.ReminderRules;
import dev.comeback.core.safety.RedFlagRules;
import dev.comeback.core.triage.TriageQuiz;

import java.util.Objects;

/** Everything the bot says and decides by that lives in config/ as data, loaded and validated. */
public record Content(TriageQuiz triage, RedFlagRules redFlags, Protocol protocol, ReminderRules reminders, ZoneAliases zones) {
    public Content {
        Objects.requireNonNull(triage, "triage");
        Objects.requireNonNull(redFlags, "redFlags");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(reminders, "reminders");
        Objects.requireNonNull(zones, "zones");
    }
}
