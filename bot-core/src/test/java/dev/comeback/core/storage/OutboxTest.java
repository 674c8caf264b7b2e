package dev.comeback.core.storage;

import dev.comeback.core.Coach;
import dev.comeback.core.ReminderDelivery;
import dev.comeback.core.delivery.OutboxMessage;
import dev.comeback.core.delivery.Urgency;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.reminders.PlannedReminder;
import dev.comeback.core.scheduling.ScheduledReminder;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.Triage;
import dev.comeback.core.time.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Turns that queue their replies: state, outbox and inbound cursor commit together, on a real H2 file. */
class OutboxTest {
    @TempDir
    Path dir;

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-03-02T13:00:00Z"), ZoneId.of("Europe/Berlin"));
    private Database db;
    private JdbcConversationStore store;
    private JdbcOutbox outbox;
    private ChatDriver chat;
    private Coach coach;

    @BeforeEach
    void open() {
        db = Database.open(Database.h2FileUrl(dir.resolve("outbox")), "sa", "", 2);
        store = new JdbcConversationStore(db.dataSource());
        outbox = new JdbcOutbox(db.dataSource());
        chat = new ChatDriver(store, clock, "dora");
        coach = chat.coach();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Incoming.Text text(String text) {
        return new Incoming.Text(chat.user(), chat.chat(), text, clock.instant());
    }

    @Test
    void aTurnCommitsItsStateItsRepliesAndTheCursorTogether() {
        assertThat(coach.handleQueued(text("/start"), Optional.of(new Cursor("test", 7)))).isTrue();

        List<OutboxMessage> due = outbox.due("test", clock.instant(), 10);
        assertThat(due).singleElement().satisfies(m -> {
            assertThat(m.user()).isEqualTo(chat.user());
            assertThat(m.chat()).isEqualTo(chat.chat());
            assertThat(m.urgency()).isEqualTo(Urgency.REPLY);
            assertThat(m.replies().get(0).text()).contains("not a medical diagnosis");
            assertThat(m.replies().stream().anyMatch(r -> r.hasButtons())).isTrue();
            assertThat(m.partsSent()).isZero();
        });
        assertThat(store.cursor("test")).hasValue(7);
        assertThat(chat.state()).isPresent();
    }

    @Test
    void theSameUpdateTwiceIsHandledOnce() {
        coach.handleQueued(text("/start"), Optional.of(new Cursor("test", 7)));
        var before = chat.state().orElseThrow();

        assertThat(coach.handleQueued(text("No"), Optional.of(new Cursor("test", 7)))).isFalse();

        assertThat(outbox.pending("test")).isEqualTo(1);
        assertThat(chat.state()).contains(before);
    }

    @Test
    void aTurnThatCannotBeStoredLeavesNothingBehind() {
        coach.handleQueued(text("/start"), Optional.of(new Cursor("test", 1)));
        var before = chat.state().orElseThrow();
        // The outbox row cannot be written (chat id longer than its column), after the state row was.
        ChatRef tooLong = ChatRef.privateChat("test", "x".repeat(500));
        Incoming.Text press = new Incoming.Text(chat.user(), tooLong, "No", clock.instant());

        assertThatThrownBy(() -> coach.handleQueued(press, Optional.of(new Cursor("test", 2))))
                .isInstanceOf(StorageException.class);

        assertThat(chat.state()).contains(before);
        assertThat(store.cursor("test")).hasValue(1);
        assertThat(outbox.pending("test")).isEqualTo(1);
    }

    @Test
    void skippingAnUpdateMovesOnlyTheCursor() {
        coach.skip(new Cursor("test", 40));
        coach.skip(new Cursor("test", 39));

        assertThat(store.cursor("test")).hasValue(40);
        assertThat(outbox.pending("test")).isZero();
    }

    @Test
    void aChatsMessagesComeOutOneAtATimeInOrderEvenWhileTheFirstWaitsForARetry() {
        coach.handleQueued(text("/start"), Optional.empty());
        coach.handleQueued(text("/help"), Optional.empty());
        List<OutboxMessage> due = outbox.due("test", clock.instant(), 10);
        assertThat(due).singleElement().satisfies(m -> assertThat(m.replies().get(0).text()).contains("not a medical diagnosis"));

        outbox.partSent(due.get(0), 0, false, Optional.empty());
        outbox.retryAt(due.get(0).id(), 1, clock.instant().plusSeconds(3));
        assertThat(outbox.due("test", clock.instant(), 10)).isEmpty();

        OutboxMessage retried = outbox.due("test", clock.instant().plusSeconds(3), 10).get(0);
        assertThat(retried.id()).isEqualTo(due.get(0).id());
        assertThat(retried.partsSent()).isEqualTo(1);
        assertThat(retried.attempts()).isEqualTo(1);

        outbox.delivered(retried.id());
        assertThat(outbox.due("test", clock.instant(), 10)).singleElement()
                .satisfies(m -> assertThat(m.replies().get(0).text()).contains("/checkin"));
    }

    @Test
    void acrossChatsRepliesGoOutBeforeRemindersWaitingLonger() {
        Triage.toRecovery(chat, "Europe/Berlin");
        PlannedReminder first = chat.planned(Duration.ofHours(6)).get(0);
        clock.advanceTo(first.dueAt());
        ReminderDelivery.queued(coach).onDue(new ScheduledReminder(chat.user().key(), first.id(), first.dueAt(),
                Duration.ofHours(1)), clock.instant());
        UserRef erin = UserRef.of("test", "erin");
        coach.handleQueued(new Incoming.Text(erin, ChatRef.privateChat("test", "erin"), "/start", clock.instant()), Optional.empty());

        List<OutboxMessage> due = outbox.due("test", clock.instant(), 10);
        assertThat(due).extracting(OutboxMessage::urgency).containsExactly(Urgency.REPLY, Urgency.PROACTIVE);
        assertThat(due).extracting(OutboxMessage::user).containsExactly(erin, chat.user());
    }

    @Test
    void aReminderHandedOffTwiceIsQueuedOnceBecauseItsTurnRecordsTheDelivery() throws Exception {
        Triage.toRecovery(chat, "Europe/Berlin");
        PlannedReminder first = chat.planned(Duration.ofHours(6)).get(0);
        clock.advanceTo(first.dueAt());
        ScheduledReminder reminder = new ScheduledReminder(chat.user().key(), first.id(), first.dueAt(), Duration.ofHours(1));
        ReminderDelivery delivery = ReminderDelivery.queued(coach);

        delivery.onDue(reminder, clock.instant());
        var after = chat.state().orElseThrow();
        // Handed off again, as Quartz does when it recovers a job whose process died before it finished.
        delivery.onDue(reminder, clock.instant());

        assertThat(outbox.pending("test")).isEqualTo(1);
        assertThat(chat.state().orElseThrow()).isEqualTo(after);
        try (var c = db.dataSource().getConnection();
             var r = c.createStatement().executeQuery("SELECT outcome FROM reminder_delivery WHERE reminder_id = '" + first.id() + "'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("DELIVERED");
        }
    }

    @Test
    void aPersonWhoBlockedTheBotIsPausedAndTheirWaitingRemindersDropped() {
        Triage.toRecovery(chat, "Europe/Berlin");
        assertThat(chat.planned(Duration.ofHours(24))).isNotEmpty();
        PlannedReminder first = chat.planned(Duration.ofHours(6)).get(0);
        clock.advanceTo(first.dueAt());
        coach.handleQueued(new Incoming.Due(chat.user(), chat.chat(), first.id(), first.dueAt(), clock.instant()), Optional.empty());
        coach.handleQueued(text("/status"), Optional.empty());

        coach.unreachable(chat.user(), clock.instant());
        outbox.dropProactive(chat.user());

        assertThat(chat.state().orElseThrow().paused()).isTrue();
        assertThat(chat.planned(Duration.ofHours(24))).isEmpty();
        assertThat(outbox.due("test", clock.instant(), 10)).extracting(OutboxMessage::urgency).containsExactly(Urgency.REPLY);
        chat.send("/start");
        assertThat(chat.lastText()).contains("Welcome back");
        assertThat(chat.planned(Duration.ofHours(24))).isNotEmpty();
    }

    @Test
    void groupTalkNotForTheBotGetsSilenceUnlessItNamesAnEmergency() {
        ChatRef group = ChatRef.group("test", "-100");
        UserRef member = UserRef.of("test", "erin");

        coach.handleQueued(new Incoming.Text(member, group, "good session today", clock.instant(), false), Optional.empty());
        assertThat(outbox.pending("test")).isZero();

        coach.handleQueued(new Incoming.Text(member, group, "I have numbness in my groin", clock.instant(), false), Optional.empty());
        assertThat(outbox.due("test", clock.instant(), 10)).singleElement()
                .satisfies(m -> assertThat(m.chat()).isEqualTo(group));
        // The writer's own plan stops, as if it had been said in private.
        assertThat(store.load(member.key())).hasValueSatisfying(s -> assertThat(s.triageResult().orElseThrow().outcome())
                .isEqualTo(dev.comeback.core.triage.Outcome.EMERGENCY));
    }
}
