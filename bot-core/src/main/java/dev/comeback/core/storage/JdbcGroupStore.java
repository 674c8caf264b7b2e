package dev.comeback.core.storage;

import dev.comeback.core.delivery.Outgoing;
import dev.comeback.core.group.CoachingGroup;
import dev.comeback.core.group.GroupCommit;
import dev.comeback.core.group.GroupStore;
import dev.comeback.core.group.Membership;
import dev.comeback.core.group.Sharing;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.UserRef;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Coaching groups in the {@code coaching_group} table and memberships in {@code group_member} (H2 or
 * PostgreSQL), committed together with the group turn's outbox rows, inbound cursor and delivery record.
 */
public final class JdbcGroupStore implements GroupStore {
    private static final String GROUP_COLUMNS =
            "group_key, platform, chat_id, title, coach_key, digest_time, zone, warmup_days, warmup_time, join_token, created_at";
    private static final String MEMBER_COLUMNS =
            "group_key, user_key, display_name, handle, shares, tell_coach, missed_noted_for, joined_at";

    private final DataSource dataSource;

    public JdbcGroupStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<CoachingGroup> group(String groupKey) {
        return groupsWhere("group_key = ?", groupKey).stream().findFirst();
    }

    @Override
    public Optional<CoachingGroup> byJoinToken(String token) {
        return groupsWhere("join_token = ?", token).stream().findFirst();
    }

    @Override
    public List<CoachingGroup> groups() {
        return groupsWhere("1 = 1", null);
    }

    @Override
    public List<Membership> members(String groupKey) {
        return membersWhere("group_key = ?", groupKey);
    }

    @Override
    public List<Membership> memberships(String userKey) {
        return membersWhere("user_key = ?", userKey);
    }

    @Override
    public void commit(GroupCommit commit) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (commit.delivery().isPresent() && !JdbcConversationStore.recordDelivery(c, commit.delivery().get())) {
                    c.rollback();
                    throw new AlreadyRecordedException(commit.delivery().get());
                }
                if (commit.group().isPresent()) {
                    upsert(c, commit.group().get());
                }
                if (commit.removeGroup().isPresent()) {
                    delete(c, "DELETE FROM group_member WHERE group_key = ?", commit.removeGroup().get());
                    delete(c, "DELETE FROM coaching_group WHERE group_key = ?", commit.removeGroup().get());
                }
                for (Membership m : commit.members()) {
                    upsert(c, m);
                }
                for (Membership m : commit.leaving()) {
                    try (PreparedStatement s = c.prepareStatement("DELETE FROM group_member WHERE group_key = ? AND user_key = ?")) {
                        s.setString(1, m.groupKey());
                        s.setString(2, m.member().key());
                        s.executeUpdate();
                    }
                }
                for (Outgoing out : commit.outgoing()) {
                    JdbcOutbox.enqueue(c, out);
                }
                if (commit.cursor().isPresent()) {
                    JdbcOutbox.moveCursor(c, commit.cursor().get());
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot commit a group turn", e);
        }
    }

    private static void delete(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            s.executeUpdate();
        }
    }

    private static void upsert(Connection c, CoachingGroup g) throws SQLException {
        delete(c, "DELETE FROM coaching_group WHERE group_key = ?", g.key());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coaching_group (" + GROUP_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, g.key());
            s.setString(2, g.chat().platform());
            s.setString(3, g.chat().id());
            s.setString(4, g.title());
            s.setString(5, g.coach().key());
            s.setString(6, g.digestAt().toString());
            s.setString(7, g.zone().getId());
            s.setString(8, g.trainingDays().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")));
            s.setString(9, g.trainingAt().toString());
            s.setString(10, g.joinToken());
            UtcInstants.set(s, 11, g.createdAt());
            s.executeUpdate();
        }
    }

    private static void upsert(Connection c, Membership m) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM group_member WHERE group_key = ? AND user_key = ?")) {
            s.setString(1, m.groupKey());
            s.setString(2, m.member().key());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO group_member (" + MEMBER_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, m.groupKey());
            s.setString(2, m.member().key());
            s.setString(3, m.displayName());
            s.setString(4, m.handle());
            s.setString(5, m.sharing().name());
            s.setBoolean(6, m.tellCoach());
            s.setString(7, m.missedNotedFor().map(LocalDate::toString).orElse(""));
            UtcInstants.set(s, 8, m.joinedAt());
            s.executeUpdate();
        }
    }

    private List<CoachingGroup> groupsWhere(String where, String value) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + GROUP_COLUMNS + " FROM coaching_group WHERE " + where
                     + " ORDER BY group_key")) {
            if (value != null) {
                s.setString(1, value);
            }
            List<CoachingGroup> groups = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                    Arrays.stream(r.getString(8).split(",")).filter(d -> !d.isEmpty()).map(DayOfWeek::valueOf).forEach(days::add);
                    groups.add(new CoachingGroup(ChatRef.group(r.getString(2), r.getString(3)), r.getString(4),
                            UserRef.fromKey(r.getString(5)), LocalTime.parse(r.getString(6)), ZoneId.of(r.getString(7)),
                            days, LocalTime.parse(r.getString(9)), r.getString(10), UtcInstants.get(r, 11)));
                }
            }
            return groups;
        } catch (SQLException e) {
            throw new StorageException("cannot read coaching groups", e);
        }
    }

    private List<Membership> membersWhere(String where, String value) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + MEMBER_COLUMNS + " FROM group_member WHERE " + where
                     + " ORDER BY joined_at, user_key")) {
            s.setString(1, value);
            List<Membership> members = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String noted = r.getString(7);
                    members.add(new Membership(r.getString(1), UserRef.fromKey(r.getString(2)), r.getString(3),
                            r.getString(4), Sharing.valueOf(r.getString(5)), r.getBoolean(6),
                            noted.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(noted)), UtcInstants.get(r, 8)));
                }
            }
            return members;
        } catch (SQLException e) {
            throw new StorageException("cannot read group members", e);
        }
    }
}
