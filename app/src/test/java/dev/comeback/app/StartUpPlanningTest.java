package dev.comeback.app;

import dev.comeback.core.Coach;
import dev.comeback.core.ReminderDelivery;
import dev.comeback.core.content.ContentLoader;
import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12, item 14: someone whose reminders ran out while the bot was down (Quartz holds no trigger for them)
 * gets their next ones planned at start-up, without writing.
 */
class StartUpPlanningTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private final UserRef user = UserRef.of("test", "rosa");
    private final ChatRef chat = ChatRef.privateChat("test", "rosa");

    @Test
    void atStartUpQuartzIsHandedTheNextRemindersOfEveryActivePerson() {
        try (Database db = Database.open(Database.h2FileUrl(dir.resolve("startup")), "sa", "", 4)) {
            Coach coach = new Coach(new Conversation(ContentLoader.defaults()), new JdbcConversationStore(db.dataSource()));
            // Onboarded 49 hours ago (active recovery by now) by a process whose triggers are all gone.
            Instant then = clock.instant().minus(Duration.ofHours(49));
            List<String> answers = new ArrayList<>(List.of("/start"));
            answers.addAll(java.util.Collections.nCopies(14, "no"));
            answers.addAll(List.of("yes, no spikes", "a day or two later", "dull, even stiffness", "yes, it eases", "today", "UTC", "kg", "82"));
            for (String text : answers) {
                coach.handle(new Incoming.Text(user, chat, text, then));
            }
            try (QuartzReminderScheduler scheduler = QuartzReminderScheduler.start(db.dataSource(),
                    ReminderDelivery.direct(coach, (to, replies) -> { }), clock)) {
                assertThat(scheduler.planned(user.key())).isEmpty();

                Main.planRemindersAtStartUp(coach, scheduler, clock);

                await().atMost(Duration.ofSeconds(20)).until(() -> !scheduler.planned(user.key()).isEmpty());
                List<ScheduledReminder> planned = scheduler.planned(user.key());
                assertThat(planned).hasSizeLessThanOrEqualTo(3).allMatch(r -> r.due().isAfter(then.plus(Duration.ofHours(48))));
            }
        }
    }
}
