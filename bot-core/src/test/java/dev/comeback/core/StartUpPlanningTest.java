package dev.comeback.core;

import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.Reply;
import dev.comeback.core.reminders.PlannedReminder;
import dev.comeback.core.reminders.ReminderKind;
import dev.comeback.core.scheduling.ReminderScheduler;
import dev.comeback.core.scheduling.ScheduledReminder;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.InMemoryConversationStore;
import dev.comeback.core.testkit.Triage;
import dev.comeback.core.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 14: after downtime across a phase boundary the scheduler holds nothing for a person; start-up
 * plans everyone's next reminders, and a reminder that fired into a new phase does not end the chain.
 */
class StartUpPlanningTest {
    /** A scheduler that keeps plans in memory, as Quartz would keep triggers. */
    static final class InMemoryScheduler implements ReminderScheduler {
        final Map<String, List<ScheduledReminder>> plans = new ConcurrentHashMap<>();

        @Override
        public void schedule(String userKey, List<ScheduledReminder> reminders) {
            plans.put(userKey, List.copyOf(reminders));
        }

        @Override
        public void cancelAll(String userKey) {
            plans.remove(userKey);
        }

        @Override
        public List<ScheduledReminder> planned(String userKey) {
            return plans.getOrDefault(userKey, List.of());
        }
    }

    private final InMemoryConversationStore store = new InMemoryConversationStore();
    /** Mon 2 Mar 2026, 14:00 in Berlin. */
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-03-02T13:00:00Z"), ZoneId.of("UTC"));
    private final ChatDriver chat = new ChatDriver(store, clock, "alice");

    @Test
    void atStartUpEveryActivePersonGetsTheirNextRemindersFromTheirNewPhase() {
        ChatDriver paused = new ChatDriver(store, clock, "bob");
        Triage.toRecovery(chat);
        Triage.toRecovery(paused).send("/stop");
        // Down for two days: into Active recovery (hour 48), and Quartz holds no trigger.
        clock.advance(Duration.ofHours(49));
        InMemoryScheduler scheduler = new InMemoryScheduler();
        ReminderPlanSync plans = new ReminderPlanSync(chat.coach(), scheduler, clock);
        chat.coach().setTurnListener(plans);

        assertThat(plans.planEveryone()).isEqualTo(2);

        List<ScheduledReminder> next = scheduler.planned(chat.user().key());
        assertThat(next).hasSize(ReminderPlanSync.NEXT).allMatch(r -> r.due().isAfter(clock.instant()));
        assertThat(next).anyMatch(r -> r.reminderId().startsWith(ReminderKind.WALK.key() + "@")
                || r.reminderId().startsWith(ReminderKind.HYDRATION.key() + "@") || r.reminderId().startsWith(ReminderKind.ICE.key() + "@"));
        assertThat(scheduler.planned(paused.user().key())).isEmpty();
    }

    @Test
    void aHeldReminderOfAnEndedPhaseGivesOneOfflineNoteAndThePlanCarriesOn() {
        Triage.toRecovery(chat);
        List<PlannedReminder> held = chat.planned(Duration.ofHours(6));
        assertThat(held).isNotEmpty();
        // Down until Thursday: the held reminders belonged to phase 1, which ended meanwhile.
        clock.advance(Duration.ofDays(3));
        InMemoryScheduler scheduler = new InMemoryScheduler();
        chat.coach().setTurnListener(new ReminderPlanSync(chat.coach(), scheduler, clock));

        List<String> said = new ArrayList<>();
        for (PlannedReminder r : held) {
            chat.coach().handle(new Incoming.Due(chat.user(), chat.chat(), r.id(), r.dueAt(), clock.instant()))
                    .stream().map(Reply::text).forEach(said::add);
        }
        assertThat(said).filteredOn(t -> t.startsWith("I was offline")).hasSize(1);
        assertThat(said).noneMatch(t -> t.startsWith("Ice time"));
        assertThat(scheduler.planned(chat.user().key())).isNotEmpty().allMatch(r -> r.due().isAfter(clock.instant()));
    }
}
