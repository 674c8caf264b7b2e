package dev.comeback.core.group;

import java.util.List;
import java.util.Optional;

/** Where coaching groups and their memberships live (their own tables, never inside a person's state). */
public interface GroupStore {
    Optional<CoachingGroup> group(String groupKey);

    Optional<CoachingGroup> byJoinToken(String token);

    /** Every coaching group, in key order (start-up planning walks them). */
    List<CoachingGroup> groups();

    /** The group's members, in the order they joined. */
    List<Membership> members(String groupKey);

    /** The groups this person belongs to. */
    List<Membership> memberships(String userKey);

    /**
     * Writes the group turn in one transaction; when this returns it is committed.
     *
     * @throws dev.comeback.core.storage.AlreadyRecordedException if its delivery mark was recorded before
     *         (then nothing of it is kept)
     */
    void commit(GroupCommit commit);
}
