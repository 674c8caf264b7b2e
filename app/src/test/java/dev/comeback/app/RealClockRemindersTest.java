package dev.comeback.app;

import dev.comeback.core.Coach;
import dev.comeback.core.ReminderDelivery;
import dev.comeback.core.ReminderPlanSync;
import dev.comeback.core.content.ContentLoader;
import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.delivery.Messenger;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.scheduling.QuartzReminderScheduler;
import dev.comeback.core.scheduling.ScheduledReminder;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Quartz, on the real clock, fires a planned reminder through the core to a messenger, and a restart keeps the plan. */
class RealClockRemindersTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private final UserRef user = UserRef.of("test", "quinn");
    private final ChatRef chat = ChatRef.privateChat("test", "quinn");
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final Messenger messenger = (to, replies) -> replies.forEach(r -> sent.add(to.key() + " " + r.text()));

    private static Coach coach(Database db) {
        return new Coach(new Conversation(ContentLoader.defaults()), new JdbcConversationStore(db.dataSource()));
    }

    /** Finishes triage and onboarding backdated so that the first ice reminder falls due in about 6 seconds (onboarding takes a while on a busy machine). */
    private void recoverWithIceDueSoon(Coach coach) {
        Instant now = clock.instant();
        Instant start = now.plusSeconds(6).minus(Duration.ofMinutes(150));
        int hours = 12 - now.atZone(ZoneOffset.UTC).getHour();
        hours = hours < -11 ? hours + 24 : hours > 12 ? hours - 24 : hours;
        ZoneOffset offset = ZoneOffset.ofHours(hours);
        // A typed offset offers zones at it now, with the fixed offset as the last button.
        List<String> zone = hours == 0 ? List.of("UTC") : List.of("UTC" + offset.getId(), "Fixed UTC" + offset.getId());
        List<String> answers = new java.util.ArrayList<>(List.of("/start"));
        for (int i = 0; i < 14; i++) {
            answers.add("no");
        }
        answers.addAll(List.of("yes, no spikes", "a day or two later", "dull, even stiffness", "yes, it eases", "today"));
        answers.addAll(zone);
        answers.addAll(List.of("kg", "82"));
        for (String text : answers) {
            coach.handle(new Incoming.Text(user, chat, text, start));
        }
    }

    @Test
    void quartzFiresTheIceReminderThroughTheCoreAndARestartKeepsThePlanWithoutRepeats() {
        String url = Database.h2FileUrl(dir.resolve("real"));
        try (Database db = Database.open(url, "sa", "", 4)) {
            Coach coach = coach(db);
            try (QuartzReminderScheduler scheduler = QuartzReminderScheduler.start(db.dataSource(), ReminderDelivery.direct(coach, messenger), clock)) {
                coach.setTurnListener(new ReminderPlanSync(coach, scheduler, clock));
                recoverWithIceDueSoon(coach);
                List<ScheduledReminder> planned = scheduler.planned(user.key());
                assertThat(planned).isNotEmpty();
                assertThat(planned.get(0).reminderId()).startsWith("ice@");

                await().atMost(Duration.ofSeconds(15)).until(() -> !sent.isEmpty());
                assertThat(sent).singleElement().asString().startsWith("test:quinn Ice time").contains("never on bare skin");
            }
        }

        try (Database db = Database.open(url, "sa", "", 4)) {
            Coach coach = coach(db);
            try (QuartzReminderScheduler scheduler = QuartzReminderScheduler.start(db.dataSource(), ReminderDelivery.direct(coach, messenger), clock)) {
                coach.setTurnListener(new ReminderPlanSync(coach, scheduler, clock));
                List<ScheduledReminder> afterRestart = scheduler.planned(user.key());
                assertThat(afterRestart).isNotEmpty();
                assertThat(afterRestart.get(0).reminderId()).startsWith("ice_off@");
                // A turn re-plans: the delivered ice reminder is not handed over again.
                coach.handle(new Incoming.Text(user, chat, "/settings days mon tue", clock.instant()));
                assertThat(scheduler.planned(user.key())).noneMatch(r -> r.reminderId().startsWith("ice@") && r.due().isBefore(clock.instant()));
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> sent.size() == 1);
            }
        }
    }
}
