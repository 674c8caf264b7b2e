package dev.comeback.core.group;

import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.UserRef;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A chat a coach runs as a coaching group: who set it up ({@code coach}), when its daily digest is posted
 * ({@code digestAt}, wall-clock time in {@code zone}), the days and start time of its training sessions (a
 * group warm-up reminder goes out {@link #WARM_UP_LEAD_MINUTES} minutes before; no days: none), and the token
 * of its join link.
 */
public record CoachingGroup(ChatRef chat, String title, UserRef coach, LocalTime digestAt, ZoneId zone,
                            Set<DayOfWeek> trainingDays, LocalTime trainingAt, String joinToken, Instant createdAt) {
    /** How long before a training session the group warm-up reminder is posted, in minutes. */
    public static final int WARM_UP_LEAD_MINUTES = 30;
    public static final LocalTime DEFAULT_DIGEST_AT = LocalTime.of(20, 0);

    public CoachingGroup {
        Objects.requireNonNull(chat, "chat");
        if (!chat.isGroup()) {
            throw new IllegalArgumentException("a coaching group is a group chat: " + chat.key());
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(coach, "coach");
        Objects.requireNonNull(digestAt, "digestAt");
        Objects.requireNonNull(zone, "zone");
        trainingDays = trainingDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(trainingDays));
        Objects.requireNonNull(trainingAt, "trainingAt");
        Objects.requireNonNull(joinToken, "joinToken");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public String key() {
        return new Subject.Group(chat).key();
    }

    public CoachingGroup withDigest(LocalTime at, ZoneId in) {
        return new CoachingGroup(chat, title, coach, at, in, trainingDays, trainingAt, joinToken, createdAt);
    }

    public CoachingGroup withTraining(Set<DayOfWeek> days, LocalTime at) {
        return new CoachingGroup(chat, title, coach, digestAt, zone, days, at, joinToken, createdAt);
    }
}
