package dev.comeback.core.group;

import dev.comeback.core.ReminderDelivery;
import dev.comeback.core.scheduling.QuartzReminderScheduler;
import dev.comeback.core.scheduling.ScheduledReminder;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import dev.comeback.core.storage.JdbcGroupStore;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.testkit.GroupDriver;
import dev.comeback.core.time.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Digests as Quartz jobs on a real H2 file: a digest whose time passes while the bot is down goes out once
 * after the restart, and a group the bot was removed from gets none.
 */
class GroupDigestSchedulingTest {
    @TempDir
    Path dir;

    private Database db;
    private JdbcGroupStore groups;
    private GroupDriver g;
    private final Clock clock = Clock.systemUTC();

    @BeforeEach
    void open() {
        db = Database.open(Database.h2FileUrl(dir.resolve("comeback")), "sa", "", 4);
        groups = new JdbcGroupStore(db.dataSource());
        VirtualClock talk = new VirtualClock(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneId.of("UTC"));
        g = new GroupDriver(new JdbcConversationStore(db.dataSource()), groups, talk, "-77", Set.of("ann"), true);
        g.inGroup("ann", "/coach 19:00 Europe/Berlin");
        g.inGroup("bob", "/join");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String groupKey() {
        return new Subject.Group(g.group()).key();
    }

    private QuartzReminderScheduler scheduler() {
        QuartzReminderScheduler s = QuartzReminderScheduler.start(db.dataSource(),
                g.desk().routing(ReminderDelivery.queued(g.coach()), true, out -> { }), clock);
        g.desk().useScheduler(s);
        return s;
    }

    /** The digest texts queued for the group chat. */
    private List<String> queuedDigests() throws Exception {
        List<String> texts = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT replies FROM outbox WHERE chat_id = ? AND chat_kind = 'GROUP'")) {
            s.setString(1, g.group().id());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    texts.add(r.getString(1));
                }
            }
        }
        return texts.stream().filter(t -> t.contains("Daily digest")).toList();
    }

    private ScheduledReminder digestIn(Duration from) {
        Instant due = clock.instant().plus(from).truncatedTo(ChronoUnit.MILLIS);
        return ScheduledReminder.of(groupKey(), "digest:" + due, due, GroupDesk.DIGEST_STALE_AFTER);
    }

    @Test
    void aDigestWhoseTimePassedWhileDownGoesOutOnceAfterTheRestartAndTheNextIsPlanned() throws Exception {
        ScheduledReminder digest = digestIn(Duration.ofMillis(1500));
        try (QuartzReminderScheduler s = scheduler()) {
            s.schedule(groupKey(), List.of(digest));
        }
        Thread.sleep(2000);
        assertThat(queuedDigests()).as("nothing while down").isEmpty();

        try (QuartzReminderScheduler s = scheduler()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> queuedDigests().size() == 1);
            // Planned again: the next one is tomorrow's at 19:00 Berlin (or today's, if that is still ahead).
            await().atMost(Duration.ofSeconds(5)).until(() -> s.planned(groupKey()).stream()
                    .anyMatch(j -> j.reminderId().startsWith("digest:") && j.due().isAfter(digest.due())));
            assertThat(s.planned(groupKey())).noneMatch(j -> j.reminderId().equals(digest.reminderId()));
        }
        try (QuartzReminderScheduler s = scheduler()) {
            // Scheduling the same digest again (a start-up plan) neither fires nor queues it a second time.
            s.schedule(groupKey(), List.of(digest));
            Thread.sleep(1500);
        }
        assertThat(queuedDigests()).hasSize(1);
        assertThat(queuedDigests().get(0)).contains("Daily digest for Barbell Club").contains("Not yet: bob");
    }

    @Test
    void aGroupTheBotWasRemovedFromGetsNoDigestEvenFromAJobLeftBehind() throws Exception {
        try (QuartzReminderScheduler s = scheduler()) {
            s.schedule(groupKey(), List.of(digestIn(Duration.ofMillis(1200))));
            g.coach().memberEvent(new MemberEvent(MemberEvent.Kind.BOT_REMOVED, UserRef.of(GroupDriver.PLATFORM, "ann"),
                    g.group(), clock.instant()), Optional.empty());
            assertThat(s.planned(groupKey())).as("its jobs are dropped").isEmpty();
            // A job left behind (say, planned by another process) fires into nothing.
            s.schedule(groupKey(), List.of(digestIn(Duration.ofMillis(300))));
            await().atMost(Duration.ofSeconds(10)).until(() -> s.planned(groupKey()).isEmpty());
            Thread.sleep(1500);
        }
        assertThat(queuedDigests()).isEmpty();
        assertThat(groups.group(groupKey())).isEmpty();
    }
}
