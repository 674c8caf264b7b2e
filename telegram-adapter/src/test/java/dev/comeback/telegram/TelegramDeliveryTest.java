package dev.comeback.telegram;

import dev.comeback.core.ReminderDelivery;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.reminders.PlannedReminder;
import dev.comeback.core.scheduling.ScheduledReminder;
import dev.comeback.telegram.fake.FakeBotApi;
import dev.comeback.telegram.fake.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sending under Telegram's limits and its refusals: 429 with retry_after, 403, 5xx, dropped connections. */
class TelegramDeliveryTest {
    private static final long ANN = 601;

    @TempDir
    Path dir;
    private FakeBotApi api;
    private BotHarness bot;

    private void start(dev.comeback.core.delivery.Pacer.Limits limits) {
        api = FakeBotApi.start(BotHarness.TOKEN);
        bot = new BotHarness(api, dir.resolve("delivery"), limits);
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void a429StormEveryMessageArrivesOnceAndNoneBeforeItsRetryAfter() {
        start(MessageWriter.PACING);
        api.enforceLimits(true);
        for (int i = 0; i < 4; i++) {
            api.failNext("sendmessage", Fault.tooManyRequests(2));
        }
        List<Long> people = LongStream.rangeClosed(1, 8).boxed().toList();
        for (long person : people) {
            api.pushText(person, "private", person, "/start");
            api.pushText(person, "private", person, "/help");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> api.sent().size() == 16);
        bot.settle();

        Map<Long, List<String>> byChat = api.sent().stream().collect(Collectors.groupingBy(FakeBotApi.SentMessage::chatId,
                Collectors.mapping(FakeBotApi.SentMessage::text, Collectors.toList())));
        assertThat(byChat).hasSize(8);
        byChat.values().forEach(texts -> {
            assertThat(texts).hasSize(2);
            assertThat(texts.get(0)).contains("not a medical diagnosis");
            assertThat(texts.get(1)).contains("/checkin");
        });
        // Comeback's own pacing never ran into Telegram's limits; only the injected 429s happened.
        assertThat(api.tooManyRequestsAnswered()).isZero();
        List<FakeBotApi.Call> sends = api.calls("sendmessage");
        List<FakeBotApi.Call> refused = sends.stream().filter(c -> c.status() == 429).toList();
        assertThat(refused).hasSize(4);
        for (FakeBotApi.Call no : refused) {
            long chat = no.body().path("chat_id").asLong();
            FakeBotApi.Call retry = sends.stream()
                    .filter(c -> c.status() == 200 && c.body().path("chat_id").asLong() == chat && c.at().isAfter(no.at()))
                    .findFirst().orElseThrow();
            assertThat(retry.at()).isAfterOrEqualTo(no.at().plusSeconds(2));
        }
    }

    @Test
    void aFloodOfQueuedMessagesArrivesExactlyOnceEach() {
        start(BotHarness.FAST);
        int people = 400;
        for (long person = 1; person <= people; person++) {
            UserRef user = UserRef.of("telegram", String.valueOf(person));
            bot.coach.handleQueued(new dev.comeback.core.message.Incoming.Text(user,
                    dev.comeback.core.message.ChatRef.privateChat("telegram", user.id()), "/help", bot.clock.instant()), java.util.Optional.empty());
        }
        bot.bot.wake();
        await().atMost(Duration.ofSeconds(30)).until(() -> bot.outbox.pending("telegram") == 0);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> api.sent().size() == people);

        Map<Long, Long> perChat = api.sent().stream().collect(Collectors.groupingBy(FakeBotApi.SentMessage::chatId, Collectors.counting()));
        assertThat(perChat).hasSize(people);
        assertThat(perChat.values()).containsOnly(1L);
    }

    @Test
    void aBlockedUserIsPausedAndTheirQueuedRemindersDropped() {
        start(BotHarness.FAST);
        TelegramBotTestFlows.toRecovery(bot, ANN);
        UserRef ann = UserRef.of("telegram", String.valueOf(ANN));
        Instant now = bot.clock.instant();
        List<PlannedReminder> next = bot.coach.plannedReminders(ann, now, now.plus(Duration.ofDays(2)));
        assertThat(next).isNotEmpty();

        api.block(ANN);
        bot.clock.shiftTo(next.get(0).dueAt());
        ReminderDelivery.queued(bot.coach).onDue(new ScheduledReminder(ann.key(), next.get(0).id(), next.get(0).dueAt(),
                Duration.ofMinutes(30)), bot.clock.instant());
        bot.bot.wake();
        await().until(() -> bot.store.load(ann.key()).orElseThrow().paused());
        bot.settle();

        Instant later = bot.clock.instant();
        assertThat(bot.coach.plannedReminders(ann, later, later.plus(Duration.ofDays(2)))).isEmpty();
        assertThat(bot.outbox.pending("telegram")).isZero();

        api.unblock(ANN);
        assertThat(bot.say(ANN, "/start").text()).contains("Welcome back");
        Instant back = bot.clock.instant();
        assertThat(bot.coach.plannedReminders(ann, back, back.plus(Duration.ofDays(2)))).isNotEmpty();
    }

    @Test
    void serverErrorsAndDroppedConnectionsAreRetriedWithBackoffAndDeliveredOnce() {
        start(BotHarness.FAST);
        api.failNext("sendmessage", Fault.serverError());
        api.failNext("sendmessage", Fault.dropConnection());
        api.pushText(ANN, "private", ANN, "/start");

        await().atMost(Duration.ofSeconds(15)).until(() -> api.sentTo(ANN).size() == 1);
        bot.settle();

        List<FakeBotApi.Call> tries = api.calls("sendmessage");
        assertThat(tries).extracting(FakeBotApi.Call::status).containsExactly(500, 0, 200);
        // Backoff: a second after the first failure, two after the second.
        assertThat(Duration.between(tries.get(0).at(), tries.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(Duration.between(tries.get(1).at(), tries.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1950));
        assertThat(api.sentTo(ANN)).hasSize(1);
    }

    @Test
    void aLongPollThatFailsIsRetriedAndNothingIsLost() {
        start(BotHarness.FAST);
        api.failNext("getupdates", Fault.serverError());
        api.failNext("getupdates", Fault.dropConnection());
        assertThat(bot.say(ANN, "/start").text()).contains("Question 1");
    }
}
