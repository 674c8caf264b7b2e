package dev.comeback.core.conversation;

import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.Triage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BadInputTest {
    private final ChatDriver chat = ChatDriver.inMemory();

    private ChatDriver atQuestionThree() {
        return chat.send("/start").press("No").press("No");
    }

    @Test
    void freeTextWhereAButtonIsExpectedNamesTheButtonsAndKeepsTheQuestion() {
        atQuestionThree();
        ConversationState before = chat.state().orElseThrow();
        chat.send("what does that have to do with my back?");
        assertThat(chat.lastText()).contains("Please answer with one of the buttons: Yes / No / Not sure").contains("Question 3");
        assertThat(chat.state().orElseThrow().triageAnswers()).isEqualTo(before.triageAnswers());
    }

    @Test
    void anEmptyMessageIsNoticedAndTheQuestionAskedAgain() {
        atQuestionThree().send("   ");
        assertThat(chat.lastText()).contains("empty").contains("Question 3");
    }

    @Test
    void aTenThousandCharacterMessageIsTurnedDownPolitely() {
        atQuestionThree().send("x".repeat(10_000));
        assertThat(chat.lastText()).contains("too long").contains("10000 characters").contains("Question 3");
        assertThat(chat.state().orElseThrow().triageAnswers()).hasSize(2);
    }

    @Test
    void anUnknownCommandSaysSoAndKeepsTheQuestion() {
        atQuestionThree().send("/dance");
        assertThat(chat.lastText()).contains("don't know the command /dance").contains("/help").contains("Question 3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/help", "/status", "/HELP", "/help@ComebackBot"})
    void aCommandMidQuizIsAnsweredAndTheQuizContinuesWhereItWas(String command) {
        atQuestionThree().send(command);
        assertThat(chat.lastText()).contains("Question 3");
        chat.press("No");
        assertThat(chat.lastText()).contains("Question 4");
    }

    @Test
    void anOldButtonPressedAgainDoesNotAnswerTheCurrentQuestion() {
        chat.send("/start");
        String firstQuestionNo = chat.lastButtons().get(1).data();
        chat.press("No").pressData(firstQuestionNo);
        assertThat(chat.lastText()).contains("earlier question").contains("Question 2");
        assertThat(chat.state().orElseThrow().triageAnswers()).hasSize(1);
    }

    @Test
    void aForgedButtonIsTreatedAsAnOldOne() {
        chat.send("/start").pressData("t:saddle:perhaps");
        assertThat(chat.lastText()).contains("earlier question").contains("Question 1");
        chat.pressData("nonsense");
        assertThat(chat.lastText()).contains("Question 1");
        assertThat(chat.state().orElseThrow().triageAnswers()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8", "900", "-80", "eight hundred", "82 stone", "0"})
    void aWeightOutOfRangeOrNotANumberIsAskedAgainWithTheRange(String typed) {
        Triage.toRecoveryProfile(chat).send("Europe/Berlin").press("kg").send(typed);
        assertThat(chat.lastText()).contains("body weight").contains("kilograms");
        assertThat(chat.state().orElseThrow().stage()).isEqualTo(Stage.ASK_WEIGHT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"82.5", "82,5 kg", "82.5kg", "181.9 lb", "about 82.5 kilos"})
    void weightsAreReadInKilogramsOrPounds(String typed) {
        Triage.toRecoveryProfile(chat).send("Europe/Berlin").press("kg").send(typed);
        assertThat(chat.state().orElseThrow().profile().weightKg()).hasValueSatisfying(kg -> assertThat(kg).isCloseTo(82.5, within(0.01)));
    }

    @Test
    void anUnknownTimeZoneIsAskedAgainWithExamples() {
        Triage.toRecoveryProfile(chat).send("Atlantis");
        assertThat(chat.lastText()).contains("\"Atlantis\"").contains("Europe/Berlin").contains("UTC-5");
        chat.send("UTC+2").press("Fixed UTC+02:00");
        assertThat(chat.state().orElseThrow().profile().timeZone()).contains("+02:00");
    }

    @Test
    void aButtonPressWhereTextIsExpectedIsAnsweredWithTheCurrentQuestion() {
        Triage.toRecoveryProfile(chat).pressData("t:saddle:no");
        assertThat(chat.lastText()).contains("earlier question").contains("time zone");
    }
}
