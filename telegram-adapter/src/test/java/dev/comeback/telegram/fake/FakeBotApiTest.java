package dev.comeback.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.groupadministration.LeaveChat;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FakeBotApiTest {

    private static final String TOKEN = "123456:fake-token";
    private static final long ALICE = 1001;
    private static final long GROUP = -2002;

    private FakeBotApi api;
    private OkHttpTelegramClient client;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(TOKEN);
        client = new OkHttpTelegramClient(TOKEN, api.telegramUrl());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void sendMessageRoundTripKeepsTheInlineKeyboard() throws TelegramApiException {
        Message answer = client.execute(SendMessage.builder()
                .chatId(ALICE)
                .text("How is the knee today?")
                .replyMarkup(keyboard("better", "worse"))
                .build());

        assertThat(answer.getMessageId()).isPositive();
        assertThat(answer.getChatId()).isEqualTo(ALICE);
        assertThat(answer.getText()).isEqualTo("How is the knee today?");
        assertThat(answer.getFrom().getId()).isEqualTo(FakeBotApi.BOT_ID);
        assertThat(answer.getReplyMarkup().getKeyboard().get(0).get(1).getCallbackData()).isEqualTo("worse");

        JsonNode body = api.calls("sendMessage").get(0).body();
        assertThat(body.path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText())
                .isEqualTo("better");

        FakeBotApi.SentMessage sent = api.awaitSent(1, Duration.ofSeconds(1)).get(0);
        assertThat(sent.chatId()).isEqualTo(ALICE);
        assertThat(sent.messageId()).isEqualTo(answer.getMessageId().longValue());
        assertThat(sent.replyMarkup().path("inline_keyboard").size()).isEqualTo(1);
        assertThat(api.sentTo(ALICE)).containsExactly(sent);
        assertThat(api.sentTo(GROUP)).isEmpty();
    }

    @Test
    void injectedTooManyRequestsCarriesRetryAfterThenTheNextCallSucceeds() throws TelegramApiException {
        api.failNext("sendMessage", Fault.tooManyRequests(7));

        assertRefused(hello(ALICE), e -> {
            assertThat(e.getErrorCode()).isEqualTo(429);
            assertThat(e.getParameters().getRetryAfter()).isEqualTo(7);
        });
        assertThat(client.execute(hello(ALICE)).getMessageId()).isPositive();
        assertThat(api.calls("sendmessage")).extracting(FakeBotApi.Call::status).containsExactly(429, 200);
        assertThat(api.sent()).hasSize(1);
        assertThat(api.tooManyRequestsAnswered()).isZero();
    }

    @Test
    void blockedChatIsForbiddenUntilUnblocked() throws TelegramApiException {
        api.block(ALICE);

        assertRefused(hello(ALICE), e -> {
            assertThat(e.getErrorCode()).isEqualTo(403);
            assertThat(e.getApiResponse()).contains("blocked by the user");
        });
        assertThat(client.execute(hello(ALICE + 1))).isNotNull();

        api.unblock(ALICE);
        assertThat(client.execute(hello(ALICE))).isNotNull();
        assertThat(api.sent()).extracting(FakeBotApi.SentMessage::chatId).containsExactly(ALICE + 1, ALICE);
    }

    @Test
    void serverErrorAndQueuedFaultsComeInOrder() throws TelegramApiException {
        api.failNext("sendmessage", Fault.serverError());
        api.failNext("sendmessage", Fault.forbidden());

        assertRefused(hello(ALICE), e -> assertThat(e.getErrorCode()).isEqualTo(500));
        assertRefused(hello(ALICE), e -> assertThat(e.getErrorCode()).isEqualTo(403));
        assertThat(client.execute(hello(ALICE))).isNotNull();
    }

    @Test
    void droppedConnectionReachesTheCallerAsAnIoFailure() throws TelegramApiException {
        api.failNext("sendmessage", Fault.dropConnection());
        assertDropped(hello(ALICE));
        assertThat(api.calls("sendmessage")).extracting(FakeBotApi.Call::status).containsExactly(0);
        assertThat(api.sent()).isEmpty();

        assertThat(client.execute(hello(ALICE))).isNotNull();

        // Now on a kept-alive connection, where OkHttp quietly sends the request twice more.
        api.failNext("sendmessage", Fault.dropConnection());
        assertDropped(hello(ALICE));
        assertThat(api.calls("sendmessage")).extracting(FakeBotApi.Call::status).containsExactly(0, 200, 0, 0, 0);

        assertThat(client.execute(hello(ALICE))).isNotNull();
        assertThat(api.sent()).hasSize(2);
    }

    @Test
    void wrongTokenAndUnknownMethodsAreRefused() throws TelegramApiException {
        OkHttpTelegramClient stranger = new OkHttpTelegramClient("999:wrong", api.telegramUrl());
        assertThatThrownBy(() -> stranger.execute(new GetMe()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(401));

        User me = client.execute(new GetMe());
        assertThat(me.getUserName()).isEqualTo(FakeBotApi.BOT_USERNAME);
        assertThat(me.getIsBot()).isTrue();

        assertThatThrownBy(() -> client.execute(new LeaveChat("-100")))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(404));
        assertThat(api.calls()).extracting(FakeBotApi.Call::status).containsExactly(401, 200, 404);
    }

    @Test
    void getUpdatesFollowsTheOffsetProtocol() throws TelegramApiException {
        long hello = api.pushText(ALICE, "private", ALICE, "/start now");
        long inGroup = api.pushText(GROUP, "group", ALICE, "hi all");
        long tap = api.pushCallback(ALICE, ALICE, 77, "pain:3");

        List<Update> first = poll(0);
        assertThat(first).extracting(Update::getUpdateId).containsExactly((int) hello, (int) inGroup, (int) tap);
        Message start = first.get(0).getMessage();
        assertThat(start.getText()).isEqualTo("/start now");
        assertThat(start.getEntities()).singleElement().satisfies(entity -> {
            assertThat(entity.getType()).isEqualTo("bot_command");
            assertThat(entity.getOffset()).isZero();
            assertThat(entity.getLength()).isEqualTo(6);
        });
        // TelegramBots fills in entity text lazily in getEntities(); isCommand() is false before that call.
        assertThat(start.isCommand()).isTrue();
        assertThat(start.getChat().isUserChat()).isTrue();
        assertThat(start.getFrom().getId()).isEqualTo(ALICE);
        assertThat(first.get(1).getMessage().getChat().isGroupChat()).isTrue();
        assertThat(first.get(1).getMessage().getChat().getTitle()).isNotBlank();
        assertThat(first.get(2).getCallbackQuery().getData()).isEqualTo("pain:3");
        assertThat(first.get(2).getCallbackQuery().getMessage().getMessageId()).isEqualTo(77);
        assertThat(first.get(2).getCallbackQuery().getMessage().getChatId()).isEqualTo(ALICE);

        assertThat(poll(0)).as("nothing confirmed yet").hasSize(3);
        assertThat(poll(inGroup)).extracting(Update::getUpdateId).containsExactly((int) inGroup, (int) tap);
        assertThat(poll(0)).as("confirmed updates are gone for good").hasSize(2);

        api.redeliver(hello);
        assertThat(poll(tap + 1)).extracting(Update::getUpdateId).containsExactly((int) hello);
        assertThat(pollNow(tap + 1)).isEmpty();
        assertThat(api.pendingUpdates()).isZero();
    }

    @Test
    void longPollWakesUpOnPushAndGivesUpAfterItsTimeout() throws Exception {
        CompletableFuture<ArrayList<Update>> waiting = client.executeAsync(
                GetUpdates.builder().offset(0).timeout(30).build());
        Thread.sleep(100);
        assertThat(waiting).isNotDone();

        long id = api.pushReplyToBot(GROUP, ALICE, "thanks", 5);
        Message reply = waiting.get().get(0).getMessage();
        assertThat(waiting.get().get(0).getUpdateId()).isEqualTo((int) id);
        assertThat(reply.getReplyToMessage().getFrom().getId()).isEqualTo(FakeBotApi.BOT_ID);

        long before = System.nanoTime();
        assertThat(poll(id + 1)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(2));
    }

    @Test
    void callbacksAreAnsweredOnceAndKeyboardsCanBeRemoved() throws TelegramApiException {
        Message question = client.execute(SendMessage.builder().chatId(ALICE).text("Pain?")
                .replyMarkup(keyboard("1", "2")).build());
        api.pushCallback(ALICE, ALICE, question.getMessageId(), "2");
        Update tap = poll(0).get(0);
        assertThat(tap.getCallbackQuery().getMessage()).isInstanceOf(Message.class);
        assertThat(((Message) tap.getCallbackQuery().getMessage()).getText()).isEqualTo("Pain?");

        AnswerCallbackQuery answer = new AnswerCallbackQuery(tap.getCallbackQuery().getId());
        assertThat(client.execute(answer)).isTrue();
        assertRefused(answer, e -> assertThat(e.getErrorCode()).isEqualTo(400));

        EditMessageReplyMarkup removeKeyboard = EditMessageReplyMarkup.builder()
                .chatId(ALICE).messageId(question.getMessageId()).build();
        assertThat(client.execute(removeKeyboard)).isInstanceOf(Message.class);
        assertThat(api.botMessage(question.getMessageId()).orElseThrow().has("reply_markup")).isFalse();
        assertRefused(removeKeyboard, e -> assertThat(e.getApiResponse()).contains("not modified"));
    }

    @Test
    void sendPhotoUploadIsMultipartAndRecordsItsFields() throws TelegramApiException {
        Message photo = client.execute(SendPhoto.builder()
                .chatId(GROUP)
                .photo(new InputFile(new ByteArrayInputStream(new byte[] {1, 2, 3}), "chart.png"))
                .caption("Your week ✓")
                .replyMarkup(keyboard("ok"))
                .build());

        assertThat(photo.getPhoto()).isNotEmpty();
        assertThat(photo.getCaption()).isEqualTo("Your week ✓");
        JsonNode body = api.calls("sendPhoto").get(0).body();
        assertThat(body.path("chat_id").asLong()).isEqualTo(GROUP);
        assertThat(body.path("caption").asText()).isEqualTo("Your week ✓");
        // The "attach://chart.png" field is resolved to the uploaded part: its bytes and file name.
        assertThat(body.path("photo").isBinary()).isTrue();
        assertThat(body.path("photo#filename").asText()).isEqualTo("chart.png");
        assertThat(api.files()).singleElement().satisfies(f -> {
            assertThat(f.bytes()).containsExactly(1, 2, 3);
            assertThat(f.fileName()).isEqualTo("chart.png");
            assertThat(f.caption()).isEqualTo("Your week ✓");
        });
        assertThat(body.path("reply_markup").path("inline_keyboard").isArray()).isTrue();
        assertThat(api.sent()).as("sent() is sendMessage only").isEmpty();
    }

    @Test
    void aPrivateChatGetsOneMessageASecond() throws TelegramApiException {
        warmUpThenEnforceLimits();

        assertThat(client.execute(hello(ALICE))).isNotNull();
        for (int i = 0; i < 2; i++) {
            assertRefused(hello(ALICE), e -> {
                assertThat(e.getErrorCode()).isEqualTo(429);
                assertThat(e.getParameters().getRetryAfter()).isEqualTo(1);
            });
        }
        assertThat(client.execute(hello(ALICE + 1))).as("other chats are not held up").isNotNull();
        assertThat(api.tooManyRequestsAnswered()).isEqualTo(2);
        assertThat(api.sentTo(ALICE)).hasSize(1);
    }

    @Test
    void atMost30MessagesASecondAcrossChats() throws TelegramApiException {
        warmUpThenEnforceLimits();

        List<CompletableFuture<Message>> sends = new ArrayList<>();
        for (long chat = 1; chat <= 35; chat++) {
            sends.add(client.executeAsync(hello(chat)));
        }
        long accepted = sends.stream().filter(FakeBotApiTest::succeeded).count();

        assertThat(accepted).isEqualTo(30);
        assertThat(api.sent()).filteredOn(sent -> sent.chatId() > 0).hasSize(30);
        assertThat(api.tooManyRequestsAnswered()).isEqualTo(5);
        assertThat(api.calls("sendmessage")).filteredOn(call -> call.status() == 429).hasSize(5);
    }

    /** One message before the limits apply, so JVM warm-up cannot stretch a burst past a one-second window. */
    private void warmUpThenEnforceLimits() throws TelegramApiException {
        client.execute(hello(GROUP));
        api.enforceLimits(true);
    }

    private List<Update> poll(long offset) throws TelegramApiException {
        return client.execute(GetUpdates.builder().offset((int) offset).timeout(1).build());
    }

    private List<Update> pollNow(long offset) throws TelegramApiException {
        return client.execute(GetUpdates.builder().offset((int) offset).timeout(0).build());
    }

    private void assertRefused(BotApiMethod<?> method, Consumer<TelegramApiRequestException> check) {
        assertThatThrownBy(() -> client.execute(method))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, check);
    }

    private void assertDropped(SendMessage method) {
        assertThatThrownBy(() -> client.execute(method))
                .isInstanceOf(TelegramApiException.class)
                .hasRootCauseInstanceOf(IOException.class);
    }

    private static SendMessage hello(long chatId) {
        return SendMessage.builder().chatId(chatId).text("hello " + chatId).build();
    }

    private static InlineKeyboardMarkup keyboard(String... callbackData) {
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (String data : callbackData) {
            row.add(InlineKeyboardButton.builder().text("Option " + data).callbackData(data).build());
        }
        return InlineKeyboardMarkup.builder().keyboardRow(row).build();
    }

    private static boolean succeeded(CompletableFuture<Message> send) {
        try {
            send.join();
            return true;
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOfSatisfying(TelegramApiRequestException.class,
                    refused -> assertThat(refused.getErrorCode()).isEqualTo(429));
            return false;
        }
    }
}
