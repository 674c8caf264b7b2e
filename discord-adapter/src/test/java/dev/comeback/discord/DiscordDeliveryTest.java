package dev.comeback.discord;

import dev.comeback.core.time.ShiftableClock;
import dev.comeback.core.ReminderDelivery;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.reminders.PlannedReminder;
import dev.comeback.core.scheduling.ScheduledReminder;
import dev.comeback.core.storage.JdbcOutbox;
import dev.comeback.discord.fake.FakeDiscord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real JDA against the fake Discord: check-ins, servers, reminders by DM, closed DMs, 429s, server errors,
 * a dropped gateway and a replayed event.
 */
class DiscordDeliveryTest {
    static final String ANN = DiscordBotTest.ANN;
    static final String BOB = DiscordBotTest.BOB;

    @TempDir
    Path dir;
    FakeDiscord discord;
    DiscordHarness bot;
    final ShiftableClock clock = new ShiftableClock();

    private void start() {
        discord = FakeDiscord.start();
        bot = new DiscordHarness(discord, dir.resolve("discord"), DiscordHarness.FAST, clock);
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    @Test
    void aCheckInWithTheSlashOptionAndOneWithButtons() {
        start();
        DiscordBotTest.toRecovery(bot, ANN);
        FakeDiscord.Sent safety = bot.slash(ANN, null, "checkin", Map.of("pain", 2));
        assertThat(safety.buttonLabels()).containsExactly("Yes", "No");
        assertThat(bot.press(ANN, "No").content()).contains("pain after moving");
        assertThat(bot.press(ANN, "2").content()).contains("everyday tasks");
        bot.press(ANN, "No");

        bot.slash(ANN, "checkin");
        FakeDiscord.Sent before = bot.press(ANN, "No");
        assertThat(before.content()).contains("Pain right now");
        assertThat(before.buttonLabels()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        // 11 pain scores: at most 5 a row.
        assertThat(before.components()).hasSize(3);
        assertThat(bot.press(ANN, "3").content()).contains("pain after moving");
    }

    @Test
    void aSlashCommandInAServerChannelIsAnsweredEphemerallyAndSoAreItsButtons() {
        start();
        discord.guildCreate(DiscordHarness.GUILD);
        FakeDiscord.Sent help = bot.slash(BOB, DiscordHarness.GUILD, "help", Map.of());
        assertThat(help.content()).contains("/checkin");
        assertThat(help.ephemeral()).isTrue();
        FakeDiscord.Sent question = bot.slash(BOB, DiscordHarness.GUILD, "start", Map.of());
        assertThat(question.ephemeral()).isTrue();
        assertThat(question.content()).contains("Question 1");
        FakeDiscord.Sent next = bot.press(BOB, "No");
        assertThat(next.via()).isEqualTo("followup");
        assertThat(next.ephemeral()).isTrue();
        assertThat(next.content()).contains("Question 2");
        // Each acknowledged within Discord's 3 seconds: a command by a deferred ephemeral reply (5), a press by
        // updating the pressed message (7), which disables its buttons.
        assertThat(discord.interactions()).hasSize(3).allSatisfy(in -> {
            assertThat(in.acknowledged).isNotNull();
            assertThat(Duration.between(in.dispatched, in.acknowledged)).isLessThan(Duration.ofSeconds(3));
            assertThat(in.callbackType).isIn(5, 7);
        });
        assertThat(discord.interactions()).filteredOn(in -> in.callbackType == 5).allSatisfy(in -> assertThat(in.ephemeral).isTrue());
    }

    private PlannedReminder deliverNextReminder(String user) {
        UserRef ann = UserRef.of("discord", user);
        Instant now = clock.instant();
        List<PlannedReminder> next = bot.coach.plannedReminders(ann, now, now.plus(Duration.ofDays(2)));
        assertThat(next).isNotEmpty();
        clock.shiftTo(next.get(0).dueAt());
        ReminderDelivery.queued(bot.coach, DiscordBot.PRIVATE_CHATS).onDue(new ScheduledReminder(ann.key(),
                next.get(0).id(), next.get(0).dueAt(), Duration.ofMinutes(30)), clock.instant());
        bot.bot.wake();
        return next.get(0);
    }

    @Test
    void aReminderGoesByDmToTheDmChannelNotToTheUserId() {
        start();
        DiscordBotTest.toRecovery(bot, ANN);
        int before = discord.sentTo(ANN).size();
        deliverNextReminder(ANN);
        await().atMost(Duration.ofSeconds(10)).until(() -> discord.sentTo(ANN).size() > before);
        FakeDiscord.Sent reminder = bot.last(ANN);
        assertThat(reminder.via()).isEqualTo("dm");
        assertThat(reminder.channelId()).isEqualTo(discord.dmChannel(ANN)).isNotEqualTo(ANN);
    }

    @Test
    void closedDmsPauseRemindersAndThePersonIsToldOnceEphemerally() {
        start();
        DiscordBotTest.toRecovery(bot, ANN);
        discord.closeDms(ANN);
        deliverNextReminder(ANN);
        await().atMost(Duration.ofSeconds(10)).until(() -> bot.store.load("discord:" + ANN).orElseThrow().paused());
        bot.settle();
        assertThat(discord.calls()).anySatisfy(c -> assertThat(c.status()).isEqualTo(403));
        Instant later = clock.instant();
        assertThat(bot.coach.plannedReminders(UserRef.of("discord", ANN), later, later.plus(Duration.ofDays(2)))).isEmpty();

        int before = discord.sentTo(ANN).size();
        discord.slash(ANN, DiscordHarness.GUILD, "status", Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> discord.sentTo(ANN).size() >= before + 2);
        bot.settle();
        List<FakeDiscord.Sent> told = discord.sentTo(ANN).stream().filter(s -> s.content().contains("DMs with me are closed")).toList();
        assertThat(told).hasSize(1);
        assertThat(told.get(0).ephemeral()).isTrue();
        bot.slash(ANN, DiscordHarness.GUILD, "help", Map.of());
        assertThat(discord.sentTo(ANN).stream().filter(s -> s.content().contains("DMs with me are closed"))).hasSize(1);
    }

    @Test
    void aRest429IsWaitedOutByJdaNothingLostNothingTwice() {
        start();
        discord.rateLimitNext("POST channels/", 2);
        discord.rateLimitNext("PATCH webhooks/", 1);
        FakeDiscord.Sent answer = bot.slash(ANN, "help");
        assertThat(answer.content()).contains("/checkin");
        FakeDiscord.Sent dm = bot.dm(ANN, "/status");
        assertThat(dm.via()).isEqualTo("dm");
        bot.settle();

        List<FakeDiscord.Call> limited = discord.calls().stream().filter(c -> c.status() == 429).toList();
        assertThat(limited).hasSize(2);
        for (FakeDiscord.Call no : limited) {
            FakeDiscord.Call retry = discord.calls().stream()
                    .filter(c -> c.status() == 200 && c.method().equals(no.method()) && c.at().isAfter(no.at()))
                    .findFirst().orElseThrow();
            assertThat(Duration.between(no.at(), retry.at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }
        assertThat(discord.sentTo(ANN)).hasSize(2);
    }

    @Test
    void aServerErrorIsRetriedWithBackoffAndDeliveredOnce() {
        start();
        discord.failNext("POST channels/", 500);
        FakeDiscord.Sent answer = bot.dm(ANN, "/help");
        assertThat(answer.content()).contains("/checkin");
        assertThat(discord.calls().stream().filter(c -> c.path().startsWith("channels/"))
                .map(FakeDiscord.Call::status).toList()).containsExactly(500, 200);
        assertThat(discord.sentTo(ANN)).hasSize(1);
    }

    @Test
    void aDroppedGatewayResumesAndAnEventSentMeanwhileIsNotLost() {
        start();
        bot.dm(ANN, "/help");
        discord.dropGateway();
        int before = discord.sentTo(ANN).size();
        discord.dm(ANN, "/status");
        await().atMost(Duration.ofSeconds(30)).until(() -> discord.sentTo(ANN).size() > before);
        assertThat(discord.resumes()).isGreaterThanOrEqualTo(1);
        assertThat(discord.identifies()).isEqualTo(1);
        bot.settle();
        assertThat(discord.sentTo(ANN)).hasSize(2);
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() {
        start();
        bot.slash(ANN, "start");
        bot.dm(ANN, "No");
        int after = discord.sentTo(ANN).size();
        discord.redeliverLast("MESSAGE_CREATE");
        bot.dm(ANN, "No");
        bot.settle();
        // The replayed "No" did not answer question 2: the person is at question 3, not 4.
        assertThat(discord.sentTo(ANN)).hasSize(after + 1);
        assertThat(bot.last(ANN).content()).contains("Question 3");
    }

    @Test
    void aCommandCutOffByACrashBeforeItsTurnCommittedIsAskedForAgainAfterTheRestart() {
        start();
        bot.slash(ANN, "start");
        String committed = discord.interactions().get(0).id;
        UserRef ann = UserRef.of("discord", ANN);
        // What a crash leaves: the note of a command whose turn committed (its forgetting was cut off), and the
        // note of one whose turn never ran.
        bot.outbox.received(new JdbcOutbox.Pending("discord", Long.parseLong(committed), ann, "/start", clock.instant()));
        long cutOff = ((System.currentTimeMillis() - 1420070400000L) << 22) + 7;
        bot.outbox.received(new JdbcOutbox.Pending("discord", cutOff, ann, "/checkin", clock.instant()));
        int before = discord.sentTo(ANN).size();

        bot.restart();
        await().atMost(Duration.ofSeconds(20)).until(() -> discord.sentTo(ANN).size() > before);
        bot.settle();

        List<FakeDiscord.Sent> after = discord.sentTo(ANN).subList(before, discord.sentTo(ANN).size());
        assertThat(after).singleElement().satisfies(m -> {
            assertThat(m.content()).contains("restarted before I could take in your /checkin").contains("send it again");
            assertThat(m.via()).isEqualTo("dm");
        });
        assertThat(bot.outbox.pendingEvents("discord")).isEmpty();
        // The conversation is where it was: the quiz carries on.
        assertThat(bot.dm(ANN, "No").content()).contains("Question 2");
    }
}
