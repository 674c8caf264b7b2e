package dev.comeback.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.UserRef;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Updates as Telegram sends them, read by TelegramBots' own JSON mapping. */
class UpdateReaderTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final UpdateReader reader = new UpdateReader("comeback_test_bot");

    private static Update update(String json) throws Exception {
        return new ObjectMapper().readValue(json, Update.class);
    }

    private static String message(long chatId, String chatType, String text, String extra) {
        return """
                {"update_id": 5, "message": {"message_id": 9, "date": 1764064800,
                  "chat": {"id": %d, "type": "%s", "title": "Lifters"},
                  "from": {"id": 77, "is_bot": false, "first_name": "Ann"},
                  "text": %s %s}}""".formatted(chatId, chatType, new ObjectMapper().valueToTree(text).toString(), extra);
    }

    private Optional<Incoming> read(String json) throws Exception {
        return reader.read(update(json), NOW);
    }

    @Test
    void aPrivateMessageIsTextFromThatPersonInTheirPrivateChat() throws Exception {
        assertThat(read(message(77, "private", "my back hurts", ""))).contains(
                new Incoming.Text(UserRef.of("telegram", "77"), ChatRef.privateChat("telegram", "77"), "my back hurts", NOW, true));
    }

    @Test
    void aCommandWithTheBotsNameIsThePlainCommand() throws Exception {
        assertThat(read(message(77, "private", "/start@comeback_test_bot", "")).map(i -> ((Incoming.Text) i).text()))
                .contains("/start");
    }

    @Test
    void inAGroupOnlyCommandsMentionsAndRepliesToTheBotAreAddressedToIt() throws Exception {
        assertThat(addressed(message(-100, "supergroup", "/status@comeback_test_bot", ""))).contains(true);
        assertThat(addressed(message(-100, "group", "/help", ""))).contains(true);
        assertThat(addressed(message(-100, "group", "/help@other_bot", ""))).contains(false);
        assertThat(addressed(message(-100, "group", "hey @Comeback_Test_Bot how do I start?", ""))).contains(true);
        assertThat(addressed(message(-100, "group", "great session everyone", ""))).contains(false);
        String replyToBot = ", \"reply_to_message\": {\"message_id\": 3, \"date\": 1764064000, \"chat\": {\"id\": -100, \"type\": \"group\"},"
                + " \"from\": {\"id\": 42, \"is_bot\": true, \"first_name\": \"Comeback\", \"username\": \"comeback_test_bot\"}, \"text\": \"hi\"}";
        assertThat(addressed(message(-100, "group", "thanks!", replyToBot))).contains(true);
    }

    @Test
    void aGroupCommandLosesTheBotsNameAndAMentionIsTakenOut() throws Exception {
        assertThat(read(message(-100, "group", "/status@comeback_test_bot", "")).map(i -> ((Incoming.Text) i).text())).contains("/status");
        assertThat(read(message(-100, "group", "@comeback_test_bot hello", "")).map(i -> ((Incoming.Text) i).text())).contains("hello");
        assertThat(read(message(-100, "group", "hi", "")).map(Incoming::chat)).contains(ChatRef.group("telegram", "-100"));
    }

    @Test
    void aButtonPressCarriesItsDataAndTheChatAndIdOfItsMessage() throws Exception {
        String json = """
                {"update_id": 6, "callback_query": {"id": "cb1", "chat_instance": "x", "data": "triage:q1:no",
                  "from": {"id": 77, "is_bot": false, "first_name": "Ann"},
                  "message": {"message_id": 12, "date": 1764064800, "chat": {"id": 77, "type": "private"}, "text": "Question 1"}}}""";
        assertThat(read(json)).contains(new Incoming.Press(UserRef.of("telegram", "77"), ChatRef.privateChat("telegram", "77"), "triage:q1:no", NOW,
                java.util.Optional.of("77/12")));
    }

    @Test
    void aStickerIsAnEmptyMessageSoThePersonHearsBack() throws Exception {
        String json = """
                {"update_id": 7, "message": {"message_id": 9, "date": 1764064800, "chat": {"id": 77, "type": "private"},
                  "from": {"id": 77, "is_bot": false, "first_name": "Ann"}, "sticker": {"file_id": "s", "file_unique_id": "u",
                  "type": "regular", "width": 512, "height": 512, "is_animated": false, "is_video": false}}}""";
        assertThat(read(json).map(i -> ((Incoming.Text) i).text())).contains("");
    }

    @Test
    void editsChannelPostsAndOtherBotsAreNotForTheCore() throws Exception {
        assertThat(read("""
                {"update_id": 8, "edited_message": {"message_id": 9, "date": 1764064800, "edit_date": 1764064900,
                  "chat": {"id": 77, "type": "private"}, "from": {"id": 77, "is_bot": false, "first_name": "Ann"}, "text": "x"}}""")).isEmpty();
        assertThat(read("""
                {"update_id": 9, "message": {"message_id": 9, "date": 1764064800, "chat": {"id": -5, "type": "channel", "title": "News"},
                  "from": {"id": 77, "is_bot": false, "first_name": "Ann"}, "text": "x"}}""")).isEmpty();
        assertThat(read("""
                {"update_id": 10, "message": {"message_id": 9, "date": 1764064800, "chat": {"id": -100, "type": "group", "title": "G"},
                  "from": {"id": 99, "is_bot": true, "first_name": "Other"}, "text": "/start"}}""")).isEmpty();
    }

    private Optional<Boolean> addressed(String json) throws Exception {
        return read(json).map(i -> ((Incoming.Text) i).addressed());
    }

    @Test
    void aMemberLeavingOrTheBotBeingRemovedAreGroupMemberEvents() throws Exception {
        String left = """
                {"update_id": 6, "message": {"message_id": 10, "date": 1764064800,
                  "chat": {"id": -100, "type": "supergroup", "title": "Lifters"},
                  "from": {"id": 78, "is_bot": false, "first_name": "Bob"},
                  "left_chat_member": {"id": 78, "is_bot": false, "first_name": "Bob"}}}""";
        assertThat(reader.event(update(left), NOW)).contains(new dev.comeback.core.group.MemberEvent(
                dev.comeback.core.group.MemberEvent.Kind.LEFT, UserRef.of("telegram", "78"), ChatRef.group("telegram", "-100"), NOW));
        String kicked = """
                {"update_id": 7, "my_chat_member": {"date": 1764064800,
                  "chat": {"id": -100, "type": "supergroup", "title": "Lifters"},
                  "from": {"id": 77, "is_bot": false, "first_name": "Ann"},
                  "old_chat_member": {"status": "member", "user": {"id": 42, "is_bot": true, "first_name": "Comeback", "username": "comeback_test_bot"}},
                  "new_chat_member": {"status": "kicked", "until_date": 0, "user": {"id": 42, "is_bot": true, "first_name": "Comeback", "username": "comeback_test_bot"}}}}""";
        assertThat(reader.event(update(kicked), NOW).map(e -> e.kind())).contains(dev.comeback.core.group.MemberEvent.Kind.BOT_REMOVED);
        assertThat(reader.event(update(message(-100, "supergroup", "/join", "")), NOW)).isEmpty();
    }
}
