package dev.comeback.core.safety;

import dev.comeback.core.testkit.ChatDriver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RedFlagDetectorTest {
    private final RedFlagDetector detector = new RedFlagDetector(ChatDriver.CONTENT.redFlags());

    @ParameterizedTest
    @ValueSource(strings = {
            "I think I lost control of my bladder this morning",
            "can't control my bladder",
            "I peed myself and didn't notice",
            "having trouble peeing since yesterday",
            "I can't feel when I need to pee",
            "my bowels feel weird and I had an accident",
            "my groin is numb",
            "Numbness around my genitals",
            "tingling between my legs when I sit",
            "I can’t feel my butthole",
            "my legs are weak",
            "my left leg keeps giving way",
            "I have new leg weakness",
            "I can't lift my foot properly",
            "both legs feel numb",
            "numbness in both legs since the lift"})
    void emergencySymptomsInPlainWordsAreFound(String text) {
        Optional<RedFlag> flag = detector.scan(text);
        assertThat(flag).as(text).isPresent();
        assertThat(flag.get().certain()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "my lower back is sore after deadlifts",
            "heavy deadlift day yesterday, glutes and hamstrings are stiff",
            "it hurts when I bend to tie my shoes",
            "82",
            "Europe/Berlin",
            "the pain is dull and on both sides",
            "I did dead lifts and my lower back aches"})
    void ordinarySorenessTalkIsNotARedFlag(String text) {
        assertThat(detector.scan(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "no numbness in my groin",
            "I don't have any bladder problems",
            "never had my legs give way, my legs are fine"})
    void clearlyDeniedSignsRaiseNoAlarm(String text) {
        assertThat(detector.scan(text)).as(text).isEmpty();
        assertThat(detector.readSafetyAnswer(text).reading()).as(text).isEqualTo(RedFlagDetector.Reading.DENIED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"my legs are weak from leg day lol", "legs weak after squats", "not sure if my groin is numb", "i have some numbness"})
    void trainingTalkOrHedgedMentionsMakeTheBotAskNotAlarm(String text) {
        Optional<RedFlag> flag = detector.scan(text);
        assertThat(flag).as(text).isPresent();
        assertThat(flag.get().certain()).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"numbess betwen my legs", "my bladdr isnt working", "my grion is numb", "crotch numbbbbb", "nümbness in my grôin"})
    void typosAccentsAndRepeatedLettersAreRead(String text) {
        assertThat(detector.scan(text)).as(text).hasValueSatisfying(f -> assertThat(f.certain()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"single leg RDLs felt great", "this week my legs feel stronger", "drugs help with the pain"})
    void realWordsNearASymptomWordAreNotCorrectedIntoIt(String text) {
        assertThat(detector.scan(text)).as(text).isEmpty();
    }

    @Test
    void aSymptomWordAloneAnswersTheSafetyQuestion() {
        assertThat(detector.readSafetyAnswer("since yesterday I can't get the pee out").reading()).isEqualTo(RedFlagDetector.Reading.CERTAIN);
        assertThat(detector.readSafetyAnswer("a bit of numbness").reading()).isEqualTo(RedFlagDetector.Reading.UNSURE);
        assertThat(detector.readSafetyAnswer("no numbness, my bladder is fine, legs are not weak").reading()).isEqualTo(RedFlagDetector.Reading.DENIED);
        assertThat(detector.readSafetyAnswer("my back is sore").reading()).isEqualTo(RedFlagDetector.Reading.NONE);
    }

    @Test
    void aNegationInAnotherClauseDoesNotSoftenTheSymptom() {
        Optional<RedFlag> flag = detector.scan("No fever, but I can't control my bladder");
        assertThat(flag).isPresent();
        assertThat(flag.get().certain()).isTrue();
        assertThat(flag.get().signId()).isEqualTo("bladder_bowel");
    }

    @Test
    void aSymptomDeepInAHugeMessageIsStillFound() {
        String text = "blah ".repeat(1_900) + "and my groin is numb";
        assertThat(detector.scan(text)).isPresent();
    }
}
