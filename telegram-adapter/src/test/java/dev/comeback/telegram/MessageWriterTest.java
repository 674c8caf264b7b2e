package dev.comeback.telegram;

import dev.comeback.core.delivery.Layout;
import dev.comeback.core.delivery.OutboxMessage;
import dev.comeback.core.delivery.Urgency;
import dev.comeback.core.message.Button;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class MessageWriterTest {
    private final MessageWriter writer = new MessageWriter("comeback_test_bot");
    private static final UserRef ANN = UserRef.of("telegram", "77");

    private static OutboxMessage to(ChatRef chat, Reply... replies) {
        return new OutboxMessage(1, ANN, chat, Urgency.REPLY, List.of(replies), 0, 0, Instant.EPOCH);
    }

    private List<SendMessage> render(OutboxMessage message) {
        return new Layout(MessageWriter.MAX_TEXT, MessageWriter::escape).parts(message.replies()).stream()
                .map(p -> writer.render(message.chat().id(), p)).toList();
    }

    private static OutboxMessage privately(Reply... replies) {
        return to(ChatRef.privateChat("telegram", "77"), replies);
    }

    @Test
    void textOnlyRepliesOfATurnShareOneMessageAndAReplyWithButtonsClosesIt() {
        List<SendMessage> parts = render(privately(Reply.text("Welcome."), Reply.text("Not a doctor."),
                Reply.choices("Question 1?", List.of(new Button("Yes", "q1:y"), new Button("No", "q1:n"))),
                Reply.text("After the buttons.")));

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).getText()).isEqualTo("Welcome.\n\nNot a doctor.\n\nQuestion 1?");
        assertThat(labels(parts.get(0))).containsExactly(List.of("Yes", "No"));
        assertThat(parts.get(1).getText()).isEqualTo("After the buttons.");
        assertThat(parts.get(1).getReplyMarkup()).isNull();
        assertThat(parts).allSatisfy(p -> assertThat(p.getChatId()).isEqualTo("77"));
    }

    @Test
    void painScoresSitSixToARow() {
        List<Button> scores = IntStream.rangeClosed(0, 10).mapToObj(i -> new Button(String.valueOf(i), "pain:" + i)).toList();
        SendMessage part = render(privately(Reply.choices("Pain now, 0-10?", scores))).get(0);
        assertThat(labels(part)).containsExactly(List.of("0", "1", "2", "3", "4", "5"), List.of("6", "7", "8", "9", "10"));
        assertThat(((InlineKeyboardMarkup) part.getReplyMarkup()).getKeyboard().get(1).get(4).getCallbackData()).isEqualTo("pain:10");
    }

    @Test
    void everythingIsEscapedForHtml() {
        SendMessage part = render(privately(Reply.text("You said: <b>ouch</b> & \"more\""))).get(0);
        assertThat(part.getParseMode()).isEqualTo("html");
        assertThat(part.getText()).isEqualTo("You said: &lt;b&gt;ouch&lt;/b&gt; &amp; \"more\"");
    }

    @Test
    void longTextIsSplitUnderTheLimitAtLineBreaksWithTheButtonsOnTheLastPart() {
        String line = "x".repeat(99) + "\n";
        String text = line.repeat(100).strip();
        List<SendMessage> parts = render(privately(Reply.choices(text, List.of(new Button("Done", "done")))));

        assertThat(parts).hasSize(3);
        assertThat(parts).allSatisfy(p -> assertThat(p.getText().length()).isLessThanOrEqualTo(MessageWriter.MAX_TEXT));
        assertThat(String.join("\n", parts.stream().map(SendMessage::getText).toList())).isEqualTo(text);
        assertThat(parts.get(0).getReplyMarkup()).isNull();
        assertThat(labels(parts.get(2))).containsExactly(List.of("Done"));
    }

    @Test
    void aSplitNeverCutsACharacterInHalf() {
        String emoji = "\uD83D\uDCAA";
        String text = emoji.repeat(3000);
        List<SendMessage> parts = render(privately(Reply.text(text)));
        assertThat(parts).hasSize(2);
        assertThat(parts).allSatisfy(p -> assertThat(Character.isHighSurrogate(p.getText().charAt(p.getText().length() - 1))).isFalse());
        assertThat(parts.get(0).getText() + parts.get(1).getText()).isEqualTo(text);
    }

    @Test
    void aGroupAnswerCarriesTheDeepLinkToThePrivateChat() {
        SendMessage part = render(to(ChatRef.group("telegram", "-100"), Reply.text("I coach privately.").withPrivatePointer())).get(0);
        InlineKeyboardButton link = ((InlineKeyboardMarkup) part.getReplyMarkup()).getKeyboard().get(0).get(0);
        assertThat(link.getText()).isEqualTo(MessageWriter.PRIVATE_CHAT_LABEL);
        assertThat(link.getUrl()).isEqualTo("https://t.me/comeback_test_bot?start=from_group");
        assertThat(part.getChatId()).isEqualTo("-100");
    }

    private static List<List<String>> labels(SendMessage message) {
        return ((InlineKeyboardMarkup) message.getReplyMarkup()).getKeyboard().stream()
                .map(row -> row.stream().map(InlineKeyboardButton::getText).toList()).toList();
    }
}
