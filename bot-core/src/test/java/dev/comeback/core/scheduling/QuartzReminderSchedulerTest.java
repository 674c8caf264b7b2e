package dev.comeback.core.scheduling;

import dev.comeback.core.scheduling.DeliveryLog.Outcome;
import dev.comeback.core.storage.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A real Quartz scheduler on a real H2 file: firing, replacing, restarts, a hard stop and downtime. */
class QuartzReminderSchedulerTest {
    private static final String ANN = "telegram:1001";
    private static final String BOB = "discord:2002";
    private static final Duration ICE_WINDOW = Duration.ofMinutes(30);

    @TempDir
    Path dir;

    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private final Clock clock = Clock.systemUTC();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private Database database() {
        Database db = Database.open(Database.h2FileUrl(dir.resolve("comeback")), "sa", "", 4);
        open.addFirst(db);
        return db;
    }

    private QuartzReminderScheduler started(Database db, DueReminderHandler handler, Clock clock) {
        QuartzReminderScheduler s = QuartzReminderScheduler.start(db.dataSource(), handler, clock);
        open.addFirst(s);
        return s;
    }

    private QuartzReminderScheduler standingBy(Database db, DueReminderHandler handler) {
        QuartzReminderScheduler s = QuartzReminderScheduler.open(db.dataSource(), handler, clock);
        open.addFirst(s);
        return s;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ScheduledReminder reminder(String user, String id, Instant due, Duration staleAfter) {
        return ScheduledReminder.of(user, id, due, staleAfter);
    }

    @Test
    void quartzFiresAReminderAtItsTimeAndNotBefore() {
        Database db = database();
        RecordingHandler handler = new RecordingHandler();
        QuartzReminderScheduler scheduler = started(db, handler, clock);
        ScheduledReminder ice = reminder(ANN, "ice:soon", now().plusMillis(400), ICE_WINDOW);

        scheduler.schedule(ANN, List.of(ice));

        await().atMost(Duration.ofSeconds(5)).until(() -> handler.due.size() == 1);
        RecordingHandler.Due fired = handler.due.get(0);
        assertThat(fired.reminder()).isEqualTo(ice);
        assertThat(fired.firedAt()).isAfterOrEqualTo(ice.due());
        assertThat(fired.realTime()).isAfterOrEqualTo(ice.due());
        assertThat(Duration.between(ice.due(), fired.realTime())).isLessThan(Duration.ofSeconds(2));
        // Recorded just after the hand-off returns (a handler that records it itself does so in its turn).
        await().atMost(Duration.ofSeconds(2)).until(() ->
                new DeliveryLog(db.dataSource()).outcome(ANN, "ice:soon").equals(Optional.of(Outcome.DELIVERED)));
        assertThat(scheduler.planned(ANN)).isEmpty();
    }

    @Test
    void planningAgainReplacesAPersonsRemindersInsteadOfAddingToThem() {
        QuartzReminderScheduler scheduler = standingBy(database(), new RecordingHandler());
        Instant t = now().plus(Duration.ofHours(1));
        ScheduledReminder walk = reminder(ANN, "walk:1", t.plus(Duration.ofHours(2)), Duration.ofHours(1));
        ScheduledReminder ice = reminder(ANN, "ice:1", t, ICE_WINDOW);
        ScheduledReminder bobs = reminder(BOB, "ice:1", t, ICE_WINDOW);
        scheduler.schedule(ANN, List.of(walk, ice));
        scheduler.schedule(BOB, List.of(bobs));

        ScheduledReminder iceMoved = reminder(ANN, "ice:1", t.plus(Duration.ofMinutes(20)), ICE_WINDOW);
        ScheduledReminder hydration = reminder(ANN, "hydration:1", t.plus(Duration.ofMinutes(10)), Duration.ofHours(2));
        scheduler.schedule(ANN, List.of(iceMoved, hydration));
        scheduler.schedule(ANN, List.of(iceMoved, hydration));

        assertThat(scheduler.planned(ANN)).containsExactly(hydration, iceMoved);
        assertThat(scheduler.planned(BOB)).containsExactly(bobs);
        scheduler.cancelAll(ANN);
        assertThat(scheduler.planned(ANN)).isEmpty();
        assertThat(scheduler.planned(BOB)).containsExactly(bobs);
        assertThatThrownBy(() -> scheduler.schedule(ANN, List.of(bobs))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scheduler.schedule(ANN, List.of(ice, iceMoved))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePlanSurvivesARestartAndEachReminderFiresOnce() {
        Instant start = now();
        ScheduledReminder soon = reminder(ANN, "ice:soon", start.plusMillis(1500), ICE_WINDOW);
        ScheduledReminder later = reminder(ANN, "walk:later", start.plus(Duration.ofHours(3)), Duration.ofHours(1));
        ScheduledReminder bobs = reminder(BOB, "check-in:tomorrow", start.plus(Duration.ofDays(1)), Duration.ofHours(4));
        RecordingHandler before = new RecordingHandler();
        Database db = database();
        QuartzReminderScheduler first = started(db, before, clock);
        first.schedule(ANN, List.of(later, soon));
        first.schedule(BOB, List.of(bobs));
        first.close();
        db.close();

        RecordingHandler after = new RecordingHandler();
        QuartzReminderScheduler second = started(database(), after, clock);

        assertThat(second.planned(BOB)).containsExactly(bobs);
        await().atMost(Duration.ofSeconds(6)).until(() -> after.due.size() == 1);
        assertThat(after.dueIds()).containsExactly("ice:soon");
        assertThat(after.due.get(0).firedAt()).isAfterOrEqualTo(soon.due());
        assertThat(second.planned(ANN)).containsExactly(later);
        // Planning the delivered reminder again does not bring it back.
        second.schedule(ANN, List.of(soon, later));
        assertThat(second.planned(ANN)).containsExactly(later);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> after.due.size() == 1);
        assertThat(before.due).isEmpty();
    }

    @Test
    void deliveryRecordsOlderThanTheRetentionArePrunedTheRestKept() {
        Database db = database();
        DeliveryLog deliveries = new DeliveryLog(db.dataSource());
        Instant t = Instant.parse("2026-03-02T12:00:00Z");
        deliveries.claim(reminder(ANN, "ice:old", t.minus(Duration.ofDays(40)), ICE_WINDOW), Outcome.DELIVERED, t.minus(Duration.ofDays(40)));
        deliveries.claim(reminder(ANN, "ice:recent", t.minus(Duration.ofDays(2)), ICE_WINDOW), Outcome.SKIPPED, t.minus(Duration.ofDays(2)));

        assertThat(deliveries.prune(t.minus(QuartzReminderScheduler.DEFAULT_RETENTION))).isEqualTo(1);
        assertThat(deliveries.outcome(ANN, "ice:old")).isEmpty();
        assertThat(deliveries.outcome(ANN, "ice:recent")).contains(Outcome.SKIPPED);
    }

    @Test
    void messagesSentWithButtonsAreForgottenWithTheDeliveryRecordsOnceOlderThanTheRetention() {
        Database db = database();
        Instant t = Instant.parse("2026-03-02T12:00:00Z");
        var outbox = new dev.comeback.core.storage.JdbcOutbox(db.dataSource());
        var store = new dev.comeback.core.storage.JdbcConversationStore(db.dataSource());
        var user = dev.comeback.core.message.UserRef.fromKey(ANN);
        var chat = dev.comeback.core.message.ChatRef.privateChat("telegram", "1001");
        var message = new dev.comeback.core.delivery.OutboxMessage(1, user, chat, dev.comeback.core.delivery.Urgency.REPLY,
                List.of(), 0, 0, t);
        for (int days : new int[] {31, 29}) {
            outbox.partSent(message, 0, true, Optional.of(new dev.comeback.core.storage.JdbcOutbox.ButtonsSent(
                    Optional.of("1001/" + days), List.of("t:q1:no"), false, t.minus(Duration.ofDays(days)))));
        }
        java.util.function.Function<String, Boolean> recorded = id -> store.sentButtons(
                new dev.comeback.core.message.Incoming.Press(user, chat, "t:q1:no", t, Optional.of(id)));
        assertThat(recorded.apply("1001/31")).isTrue();

        QuartzReminderScheduler s = QuartzReminderScheduler.start(db.dataSource(), new RecordingHandler(),
                Clock.fixed(t, java.time.ZoneOffset.UTC), QuartzReminderScheduler.DEFAULT_RETENTION);
        open.addFirst(s);

        await().atMost(Duration.ofSeconds(5)).until(() -> !recorded.apply("1001/31"));
        assertThat(recorded.apply("1001/29")).isTrue();
    }

    @Test
    void aJobRerunAfterAHardStopMidDeliveryHandsTheReminderOffAgain() throws Exception {
        Database db = database();
        CountDownLatch handingOff = new CountDownLatch(1);
        CountDownLatch crash = new CountDownLatch(1);
        DueReminderHandler stuck = new RecordingHandler() {
            @Override
            public void onDue(ScheduledReminder reminder, Instant firedAt) {
                handingOff.countDown();
                awaitQuietly(crash);
                throw new IllegalStateException("the process died mid-delivery");
            }
        };
        QuartzReminderScheduler first = started(db, stuck, clock);
        ScheduledReminder ice = reminder(ANN, "ice:crash", now().plusMillis(300), ICE_WINDOW);
        ScheduledReminder next = reminder(ANN, "ice:next", now().plusMillis(2500), ICE_WINDOW);
        first.schedule(ANN, List.of(ice, next));
        assertThat(handingOff.await(5, TimeUnit.SECONDS)).isTrue();

        // Stop without waiting for the job and pull the pool from under it: Quartz's record of the running job
        // stays behind, as after a kill.
        first.halt();
        assertThat(count(db, "SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS WHERE JOB_NAME = 'ice:crash' AND REQUESTS_RECOVERY")).isEqualTo(1);
        db.close();

        Database reopened = database();
        RecordingHandler after = new RecordingHandler();
        started(reopened, after, clock);

        // Quartz re-runs the interrupted job (its trigger and fired record go): nothing recorded the hand-off,
        // so it happens again (at least once; the core's turn records it with the delivery, see CoachTest).
        await().atMost(Duration.ofSeconds(5)).until(() ->
                count(reopened, "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE JOB_NAME = 'ice:crash'") == 0
                        && count(reopened, "SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS WHERE JOB_NAME = 'ice:crash'") == 0);
        await().atMost(Duration.ofSeconds(6)).until(() -> after.due.size() == 2);
        assertThat(after.dueIds()).containsExactly("ice:crash", "ice:next");
        DeliveryLog deliveries = new DeliveryLog(reopened.dataSource());
        // The outcome is recorded just after the handler returns.
        await().atMost(Duration.ofSeconds(2)).until(() -> deliveries.outcome(ANN, "ice:crash").equals(Optional.of(Outcome.DELIVERED)));
        await().atMost(Duration.ofSeconds(2)).until(() -> deliveries.outcome(ANN, "ice:next").equals(Optional.of(Outcome.DELIVERED)));
        crash.countDown();
    }

    @Test
    void afterDowntimeStaleRemindersAreSkippedInOneBatchPerPersonAndTheRestKeepTheirTimes() {
        Instant t = now();
        ScheduledReminder ice1 = reminder(ANN, "ice:1", t.minus(Duration.ofHours(3)), ICE_WINDOW);
        ScheduledReminder ice2 = reminder(ANN, "ice:2", t.minus(Duration.ofMinutes(150)), ICE_WINDOW);
        ScheduledReminder walk = reminder(ANN, "walk:1", t.minus(Duration.ofHours(2)), Duration.ofHours(1));
        ScheduledReminder hydration = reminder(ANN, "hydration:1", t.minus(Duration.ofMinutes(10)), Duration.ofHours(2));
        ScheduledReminder ice3 = reminder(ANN, "ice:3", t.plus(Duration.ofHours(1)), ICE_WINDOW);
        ScheduledReminder bobsIce = reminder(BOB, "ice:1", t.minus(Duration.ofHours(1)), ICE_WINDOW);
        // Planned before the downtime: stored, nothing fires.
        Database db = database();
        QuartzReminderScheduler before = standingBy(db, new RecordingHandler());
        before.schedule(ANN, List.of(ice1, ice2, walk, hydration, ice3));
        before.schedule(BOB, List.of(bobsIce));
        before.close();
        db.close();

        RecordingHandler handler = new RecordingHandler();
        QuartzReminderScheduler after = started(database(), handler, clock);

        await().atMost(Duration.ofSeconds(5)).until(() -> handler.stale.size() == 2 && handler.due.size() == 1);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                .until(() -> handler.stale.size() == 2 && handler.due.size() == 1);
        assertThat(handler.stale).filteredOn(s -> s.userKey().equals(ANN)).singleElement()
                .satisfies(s -> assertThat(s.skipped()).containsExactly(ice1, ice2, walk));
        assertThat(handler.stale).filteredOn(s -> s.userKey().equals(BOB)).singleElement()
                .satisfies(s -> assertThat(s.skipped()).containsExactly(bobsIce));
        assertThat(handler.dueIds()).containsExactly("hydration:1");
        assertThat(handler.due).allSatisfy(d -> assertThat(d.firedAt()).isAfterOrEqualTo(d.reminder().due()));
        assertThat(after.planned(ANN)).containsExactly(ice3);
        assertThat(after.planned(BOB)).isEmpty();
    }

    @Test
    void aSchedulerClockBehindQuartzsDelaysDeliveryUntilItsOwnDueTime() {
        Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofMillis(-3000));
        RecordingHandler handler = new RecordingHandler();
        QuartzReminderScheduler scheduler = started(database(), handler, behind);
        // Due in 200 ms by the real clock, in 3.2 s by the scheduler's.
        ScheduledReminder ice = reminder(ANN, "ice:skewed", behind.instant().plusMillis(3200).truncatedTo(ChronoUnit.MILLIS),
                ICE_WINDOW);

        scheduler.schedule(ANN, List.of(ice));

        await().atMost(Duration.ofSeconds(8)).until(() -> handler.due.size() == 1);
        assertThat(handler.due.get(0).firedAt()).isAfterOrEqualTo(ice.due());
        assertThat(handler.due.get(0).realTime()).isAfterOrEqualTo(Instant.now().minusSeconds(60));
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
