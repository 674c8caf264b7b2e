package dev.comeback.core.scheduling;

import dev.comeback.core.scheduling.DeliveryLog.Outcome;
import dev.comeback.core.scheduling.ReminderFiring.Result;
import dev.comeback.core.storage.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The decisions taken when a trigger fires, on a fixed clock, without Quartz. */
class ReminderFiringTest {
    private static final Instant DUE = Instant.parse("2026-03-02T13:00:00Z");
    private static final Duration ICE_WINDOW = Duration.ofMinutes(30);

    private final Database db = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2);
    private final DeliveryLog deliveries = new DeliveryLog(db.dataSource());
    private final RecordingHandler handler = new RecordingHandler();
    private final InMemoryPlan plan = new InMemoryPlan();

    @AfterEach
    void close() {
        db.close();
    }

    private Result fireAt(Instant now, ScheduledReminder reminder) {
        return new ReminderFiring(deliveries, handler, plan, Clock.fixed(now, ZoneOffset.UTC)).fire(reminder);
    }

    private static ScheduledReminder ice(Instant due) {
        return ScheduledReminder.of("telegram:1", "ice:" + due, due, ICE_WINDOW);
    }

    @Test
    void aReminderFiredBeforeItsDueTimeIsNotDeliveredButPutOff() {
        Result result = fireAt(DUE.minusSeconds(60), ice(DUE));

        assertThat(result).isEqualTo(new Result.Early(Duration.ofSeconds(60)));
        assertThat(handler.due).isEmpty();
        assertThat(deliveries.outcome("telegram:1", ice(DUE).reminderId())).isEmpty();
    }

    @Test
    void aReminderIsDeliveredUpToItsStaleLimitWithTheClocksTime() {
        Instant limit = DUE.plus(ICE_WINDOW);

        assertThat(fireAt(limit, ice(DUE))).isEqualTo(new Result.Delivered());

        assertThat(handler.due).singleElement().satisfies(d -> assertThat(d.firedAt()).isEqualTo(limit));
        assertThat(deliveries.outcome("telegram:1", ice(DUE).reminderId())).contains(Outcome.DELIVERED);
    }

    @Test
    void aReminderOneMillisecondPastItsStaleLimitIsSkipped() {
        Instant late = DUE.plus(ICE_WINDOW).plusMillis(1);

        assertThat(fireAt(late, ice(DUE))).isEqualTo(new Result.Skipped(List.of(ice(DUE))));

        assertThat(handler.due).isEmpty();
        assertThat(handler.stale).singleElement().isEqualTo(new RecordingHandler.Stale("telegram:1", List.of(ice(DUE)), late));
        assertThat(deliveries.outcome("telegram:1", ice(DUE).reminderId())).contains(Outcome.SKIPPED);
    }

    @Test
    void aReminderFiredAgainIsNotHandedOffAgain() {
        fireAt(DUE, ice(DUE));

        assertThat(fireAt(DUE.plusSeconds(5), ice(DUE))).isEqualTo(new Result.AlreadyHandled());
        assertThat(fireAt(DUE.plus(Duration.ofHours(5)), ice(DUE))).isEqualTo(new Result.AlreadyHandled());
        assertThat(handler.due).hasSize(1);
        assertThat(handler.stale).isEmpty();
    }

    @Test
    void allOfAPersonsStaleRemindersAreSkippedInOneBatchAndTheirOwnTriggersThenDoNothing() {
        ScheduledReminder first = ice(DUE);
        ScheduledReminder second = ice(DUE.plus(Duration.ofHours(1)));
        ScheduledReminder stillUseful = ScheduledReminder.of("telegram:1", "hydration:14:00", DUE.plus(Duration.ofHours(2)),
                Duration.ofHours(2));
        ScheduledReminder someoneElses = ScheduledReminder.of("telegram:2", "ice:x", DUE, ICE_WINDOW);
        plan.reminders.addAll(List.of(first, second, stillUseful, someoneElses));
        Instant afterDowntime = DUE.plus(Duration.ofHours(3));

        assertThat(fireAt(afterDowntime, second)).isEqualTo(new Result.Skipped(List.of(first, second)));
        assertThat(fireAt(afterDowntime, first)).isEqualTo(new Result.AlreadyHandled());
        assertThat(fireAt(afterDowntime, stillUseful)).isEqualTo(new Result.Delivered());

        assertThat(handler.stale).singleElement().satisfies(s -> assertThat(s.skipped()).containsExactly(first, second));
        assertThat(handler.dueIds()).containsExactly("hydration:14:00");
        assertThat(deliveries.outcome("telegram:2", "ice:x")).isEmpty();
    }

    @Test
    void aHandlerThatThrowsLeavesTheReminderRecordedAsFailedAndItIsNotRetried() {
        DueReminderHandler failing = new DueReminderHandler() {
            @Override
            public void onDue(ScheduledReminder reminder, Instant firedAt) {
                throw new IllegalStateException("platform down");
            }

            @Override
            public void onStale(String userKey, List<ScheduledReminder> skipped, Instant firedAt) {
            }
        };
        ReminderFiring firing = new ReminderFiring(deliveries, failing, plan, Clock.fixed(DUE, ZoneOffset.UTC));

        assertThat(firing.fire(ice(DUE))).isInstanceOf(Result.Failed.class);
        assertThat(deliveries.outcome("telegram:1", ice(DUE).reminderId())).contains(Outcome.FAILED);
        assertThat(firing.fire(ice(DUE))).isEqualTo(new Result.AlreadyHandled());
    }

    /** A plan without Quartz: the firing logic only asks it for a person's planned reminders. */
    private static final class InMemoryPlan implements ReminderScheduler {
        final List<ScheduledReminder> reminders = new ArrayList<>();

        @Override
        public void schedule(String userKey, List<ScheduledReminder> planned) {
            cancelAll(userKey);
            reminders.addAll(planned);
        }

        @Override
        public void cancelAll(String userKey) {
            reminders.removeIf(r -> r.userKey().equals(userKey));
        }

        @Override
        public List<ScheduledReminder> planned(String userKey) {
            return reminders.stream().filter(r -> r.userKey().equals(userKey)).sorted(ReminderFiring.DUE_ORDER).toList();
        }
    }
}
