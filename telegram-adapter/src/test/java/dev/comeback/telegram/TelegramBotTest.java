package dev.comeback.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.comeback.core.ReminderDelivery;
import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.reminders.PlannedReminder;
import dev.comeback.core.scheduling.ScheduledReminder;
import dev.comeback.core.testkit.Triage;
import dev.comeback.telegram.fake.FakeBotApi;
import dev.comeback.telegram.fake.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The adapter end to end: the real TelegramBots client against a fake Bot API server over loopback HTTP. */
class TelegramBotTest {
    private static final long ANN = 501;
    private static final long GROUP = -1001;

    @TempDir
    Path dir;
    private FakeBotApi api;
    private BotHarness bot;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(BotHarness.TOKEN);
        bot = new BotHarness(api, dir.resolve("telegram"), BotHarness.FAST);
    }

    @AfterEach
    void stop() {
        bot.close();
        api.close();
    }

    private void quizToRecovery(long user) {
        TelegramBotTestFlows.quizToRecovery(bot, user);
    }

    @Test
    void atStartTheCommandMenuIsPublished() {
        List<FakeBotApi.Call> calls = api.calls("setmycommands");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).body().path("scope").path("type").asText()).isEqualTo("all_group_chats");
        assertThat(StreamSupport.stream(calls.get(1).body().path("commands").spliterator(), false).map(c -> c.path("command").asText()))
                .containsExactly("help", "coach", "join", "leave", "roster", "nudge", "warmup", "digest");
        List<String> names = StreamSupport.stream(calls.get(0).body().path("commands").spliterator(), false)
                .map(c -> c.path("command").asText()).toList();
        assertThat(names).contains("start", "checkin", "status", "stop", "help");
        assertThat(calls.get(0).body().path("commands")).allSatisfy(c -> assertThat(c.path("description").asText()).isNotBlank());
    }

    @Test
    void theWholeQuizByButtonsEveryPressAnsweredAndItsKeyboardTakenAway() {
        quizToRecovery(ANN);
        assertThat(bot.last(ANN).text()).containsIgnoringCase("time zone");

        List<FakeBotApi.Call> presses = api.calls("answercallbackquery");
        assertThat(presses).hasSize(Triage.CONCERN_QUESTIONS + 5);
        List<FakeBotApi.Call> edits = api.calls("editmessagereplymarkup");
        assertThat(edits).hasSize(Triage.CONCERN_QUESTIONS + 5);
        // Every message whose button was pressed now has no keyboard left to press twice.
        for (FakeBotApi.Call edit : edits) {
            JsonNode message = api.botMessage(edit.body().path("message_id").asLong()).orElseThrow();
            assertThat(message.path("reply_markup").path("inline_keyboard").size()).isZero();
        }
        assertThat(bot.say(ANN, "Europe/Berlin").text()).containsIgnoringCase("kilograms or pounds");
        assertThat(bot.say(ANN, "kg").text()).containsIgnoringCase("body weight");
        assertThat(bot.say(ANN, "82").text()).isNotBlank();
        assertThat(bot.store.load("telegram:" + ANN).orElseThrow().stage().name()).isEqualTo("RECOVERY");
    }

    @Test
    void aCheckInByButtonAndByTypedNumber() {
        TelegramBotTestFlows.toRecovery(bot, ANN);

        bot.say(ANN, "/checkin");
        bot.press(ANN, "No");
        assertThat(bot.last(ANN).text()).containsIgnoringCase("before");
        bot.press(ANN, "3");
        assertThat(bot.last(ANN).text()).containsIgnoringCase("after");
        assertThat(bot.say(ANN, "4/10").text()).isNotBlank();
        bot.press(ANN, "No");
        ConversationState state = bot.store.load("telegram:" + ANN).orElseThrow();
        assertThat(state.recovery().orElseThrow().checkIns()).isNotEmpty();
    }

    @Test
    void anOldButtonPressedAgainGetsTheCurrentQuestionNotAWrongAnswer() {
        bot.say(ANN, "/start");
        BotHarness.Button first = bot.button(ANN, "No").orElseThrow();
        bot.press(ANN, "No");
        String second = bot.last(ANN).text();

        int before = api.sentTo(ANN).size();
        api.pushCallback(ANN, ANN, first.messageId(), first.data());
        await().until(() -> api.sentTo(ANN).size() > before);
        bot.settle();

        assertThat(bot.last(ANN).text()).contains("earlier question");
        assertThat(bot.store.load("telegram:" + ANN).orElseThrow().triageAnswers()).hasSize(1);
        assertThat(second).contains("Question 2");
    }

    @Test
    void aPressFromAMessageTheBotNeverSentIsNoLongerValidAndChangesNothing() {
        bot.say(ANN, "/start");
        BotHarness.Button no = bot.button(ANN, "No").orElseThrow();
        ConversationState before = bot.store.load("telegram:" + ANN).orElseThrow();

        // The same data as today's question, under a message id the bot never sent (a forged tap).
        int sent = api.sentTo(ANN).size();
        api.pushCallback(ANN, ANN, no.messageId() + 1000, no.data());
        await().until(() -> api.sentTo(ANN).size() > sent);
        bot.settle();

        assertThat(api.sentTo(ANN)).hasSize(sent + 1);
        assertThat(bot.last(ANN).text()).startsWith("That button is no longer valid").contains("Question 1 of");
        assertThat(bot.button(ANN, "No").orElseThrow().messageId()).isEqualTo(bot.last(ANN).messageId());
        assertThat(bot.store.load("telegram:" + ANN)).contains(before);
        assertThat(api.calls("answercallbackquery")).hasSize(1);

        // The tap on the message the bot really sent is the answer.
        int now = api.sentTo(ANN).size();
        api.pushCallback(ANN, ANN, no.messageId(), no.data());
        await().until(() -> api.sentTo(ANN).size() > now);
        bot.settle();
        assertThat(bot.last(ANN).text()).contains("Question 2");
        assertThat(bot.store.load("telegram:" + ANN).orElseThrow().triageAnswers()).hasSize(1);
    }

    @Test
    void inAGroupTheBotAnswersOnlyWhatIsForItAndPointsToThePrivateChat() {
        api.pushText(GROUP, "group", ANN, "heavy pulls today, back feels fine");
        int before = api.sentTo(GROUP).size();
        api.pushText(GROUP, "group", ANN, "/start@" + FakeBotApi.BOT_USERNAME);
        await().until(() -> api.sentTo(GROUP).size() > before);
        bot.settle();

        List<FakeBotApi.SentMessage> inGroup = api.sentTo(GROUP);
        assertThat(inGroup).hasSize(1);
        JsonNode link = inGroup.get(0).replyMarkup().path("inline_keyboard").get(0).get(0);
        assertThat(link.path("url").asText()).isEqualTo("https://t.me/" + FakeBotApi.BOT_USERNAME + "?start=from_group");
        assertThat(bot.store.load("telegram:" + ANN)).isEmpty();

        // The deep link opens the private chat with "/start from_group".
        assertThat(bot.say(ANN, "/start from_group").text()).contains("not a medical diagnosis").contains("Question 1");
    }

    @Test
    void anUpdateDeliveredTwiceIsHandledOnce() {
        long start = api.pushText(ANN, "private", ANN, "/start");
        bot.settle();
        long no = api.pushCallback(ANN, ANN, bot.button(ANN, "No").orElseThrow().messageId(), bot.button(ANN, "No").orElseThrow().data());
        bot.settle();
        int sent = api.sentTo(ANN).size();

        // Within a session TelegramBots drops ids it has seen; after a restart only the stored cursor knows.
        api.redeliver(start);
        api.redeliver(no);
        bot.settle();
        bot.restart();
        api.redeliver(start);
        api.redeliver(no);
        await().atMost(Duration.ofSeconds(5)).until(() -> api.calls("getupdates").stream()
                .anyMatch(c -> c.body().path("offset").asLong() > no));

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> api.sentTo(ANN).size() == sent);
        assertThat(bot.store.load("telegram:" + ANN).orElseThrow().triageAnswers()).hasSize(1);
        assertThat(api.calls("answercallbackquery")).hasSize(1);
    }

    @Test
    void killedMidConversationTheStateAndTheOutboxSurvive() {
        bot.say(ANN, "/start");
        bot.press(ANN, "No");
        // The connection drops on the next send, so its reply is still in the outbox when the bot goes down.
        // Three drops queued: however OkHttp repeats the request on a fresh socket, none of them gets through.
        for (int i = 0; i < 3; i++) {
            api.failNext("sendmessage", Fault.dropConnection());
        }
        int before = api.sentTo(ANN).size();
        BotHarness.Button no = bot.button(ANN, "No").orElseThrow();
        api.pushCallback(ANN, ANN, no.messageId(), no.data());
        await().until(() -> api.calls("sendmessage").stream().anyMatch(c -> c.status() == 0));
        bot.bot.close();
        api.clearFaults();
        assertThat(bot.outbox.pending("telegram")).isEqualTo(1);
        // And a message arrives while the bot is down.
        api.pushText(ANN, "private", ANN, "/status");

        bot.restart();
        bot.settle();

        List<FakeBotApi.SentMessage> after = api.sentTo(ANN).subList(before, api.sentTo(ANN).size());
        assertThat(after).hasSize(2);
        assertThat(after.get(0).text()).contains("Question 3");
        assertThat(after.get(1).text()).contains("2 answered");
        assertThat(bot.store.load("telegram:" + ANN).orElseThrow().triageAnswers()).hasSize(2);
    }

    @Test
    void aReminderGoesOutThroughTheAdapterWithItsButtons() {
        TelegramBotTestFlows.toRecovery(bot, ANN);
        UserRef ann = UserRef.of("telegram", String.valueOf(ANN));
        Instant now = bot.clock.instant();
        PlannedReminder next = bot.coach.plannedReminders(ann, now, now.plus(Duration.ofDays(2))).get(0);
        bot.clock.shiftTo(next.dueAt());
        int before = api.sentTo(ANN).size();

        ReminderDelivery.queued(bot.coach).onDue(new ScheduledReminder(ann.key(), next.id(), next.dueAt(), Duration.ofMinutes(30)), bot.clock.instant());
        bot.bot.wake();
        await().until(() -> api.sentTo(ANN).size() > before);

        assertThat(bot.last(ANN).text()).isNotBlank();
        assertThat(bot.button(ANN, "Done")).isPresent();
        assertThat(bot.press(ANN, "Done").text()).isNotBlank();
    }
}
