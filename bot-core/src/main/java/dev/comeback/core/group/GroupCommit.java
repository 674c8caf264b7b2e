package dev.comeback.core.group;

import dev.comeback.core.delivery.Outgoing;
import dev.comeback.core.storage.Cursor;
import dev.comeback.core.storage.DeliveryMark;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one group turn writes, together or not at all: the group's new settings ({@code group}), its
 * removal ({@code removeGroup}: the group and all its memberships), memberships added or changed
 * ({@code members}) and ended ({@code leaving}), the messages for the outbox, each with its own destination
 * (the group, or a member's private chat), the inbound stream's cursor, and the digest or warm-up it
 * delivers (recorded in the delivery log under the group's key, so it goes out once).
 */
public record GroupCommit(Optional<CoachingGroup> group, Optional<String> removeGroup, List<Membership> members,
                          List<Membership> leaving, List<Outgoing> outgoing, Optional<Cursor> cursor,
                          Optional<DeliveryMark> delivery) {
    public static final GroupCommit NOTHING = new GroupCommit(Optional.empty(), Optional.empty(), List.of(), List.of(),
            List.of(), Optional.empty(), Optional.empty());

    public GroupCommit {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(removeGroup, "removeGroup");
        members = List.copyOf(members);
        leaving = List.copyOf(leaving);
        outgoing = List.copyOf(outgoing);
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(delivery, "delivery");
    }

    public GroupCommit withGroup(CoachingGroup next) {
        return new GroupCommit(Optional.of(next), removeGroup, members, leaving, outgoing, cursor, delivery);
    }

    public GroupCommit removing(String groupKey) {
        return new GroupCommit(group, Optional.of(groupKey), members, leaving, outgoing, cursor, delivery);
    }

    public GroupCommit withMember(Membership m) {
        return new GroupCommit(group, removeGroup, concat(members, m), leaving, outgoing, cursor, delivery);
    }

    public GroupCommit withLeaving(Membership m) {
        return new GroupCommit(group, removeGroup, members, concat(leaving, m), outgoing, cursor, delivery);
    }

    public GroupCommit sending(Outgoing out) {
        return new GroupCommit(group, removeGroup, members, leaving, concat(outgoing, out), cursor, delivery);
    }

    public GroupCommit withCursor(Optional<Cursor> next) {
        return new GroupCommit(group, removeGroup, members, leaving, outgoing, next, delivery);
    }

    public GroupCommit withDelivery(DeliveryMark mark) {
        return new GroupCommit(group, removeGroup, members, leaving, outgoing, cursor, Optional.of(mark));
    }

    public GroupCommit withoutOutgoing() {
        return new GroupCommit(group, removeGroup, members, leaving, List.of(), cursor, delivery);
    }

    private static <T> List<T> concat(List<T> list, T item) {
        java.util.ArrayList<T> next = new java.util.ArrayList<>(list);
        next.add(item);
        return next;
    }
}
