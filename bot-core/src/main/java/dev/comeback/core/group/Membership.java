package dev.comeback.core.group;

import dev.comeback.core.message.UserRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One person's membership of a coaching group: the names the group knows them by ({@code displayName},
 * and {@code handle} for {@code /nudge @handle}), what they share, whether their coach may be told privately
 * when they miss two check-ins in a row ({@code tellCoach}), and the last check-in day the coach was told
 * about ({@code missedNotedFor}; empty: never).
 */
public record Membership(String groupKey, UserRef member, String displayName, String handle, Sharing sharing,
                         boolean tellCoach, Optional<LocalDate> missedNotedFor, Instant joinedAt) {
    public Membership {
        Objects.requireNonNull(groupKey, "groupKey");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(sharing, "sharing");
        Objects.requireNonNull(missedNotedFor, "missedNotedFor");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }

    public Membership sharing(Sharing next) {
        return new Membership(groupKey, member, displayName, handle, next, tellCoach, missedNotedFor, joinedAt);
    }

    public Membership tellingCoach(boolean next) {
        return new Membership(groupKey, member, displayName, handle, sharing, next, missedNotedFor, joinedAt);
    }

    public Membership notedFor(LocalDate day) {
        return new Membership(groupKey, member, displayName, handle, sharing, tellCoach, Optional.of(day), joinedAt);
    }
}
