package dev.comeback.core.conversation;

import dev.comeback.core.protocol.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WeightReadingTest {
    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
            "seven, 7",
            "Eighty, 80",
            "eighty-two, 82",
            "eighty two, 82",
            "one hundred and eighty, 180",
            "a hundred eighty, 180",
            "three hundred fifteen, 315",
            "two thousand, 2000",
            "180, 180",
            "zero, 0"})
    void numberWordsAreRead(String text, int value) {
        assertThat(NumberWords.parse(text)).contains(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two eighty", "eighty twelve", "ten five", "seven kg", "a", "hundred hundred", "and five", "-3"})
    void otherTextIsNotANumber(String text) {
        assertThat(NumberWords.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is {1} {2}")
    @CsvSource({
            "82, 82, ",
            "82.5 kg, 82.5, KG",
            "'82,5kg', 82.5, KG",
            "176 lbs, 176, LB",
            "around 80, 80, ",
            "about 82 kilos, 82, KG",
            "eighty, 80, ",
            "I weigh 176 pounds, 176, LB",
            "~90kg, 90, KG",
            "80ish, 80, ",
            "sorry I meant 315 lb, 315, LB",
            "I meant 143 kg, 143, KG",
            "my weight is eighty-two kg, 82, KG"})
    void weightsAreReadWithTheUnitTyped(String text, double amount, Units unit) {
        assertThat(BodyWeight.read(text)).contains(new BodyWeight.Typed(amount, Optional.ofNullable(unit)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a lot", "82 stone", "-80", "none", "heavy"})
    void otherTextIsNotAWeight(String text) {
        assertThat(BodyWeight.read(text)).isEmpty();
    }

    @Test
    void aBareNumberIsReadInThePersonsUnitAndPoundsAreConvertedExactly() {
        BodyWeight.Typed typed = BodyWeight.read("176").orElseThrow();
        assertThat(typed.kg(Units.KG)).isEqualTo(176.0);
        assertThat(typed.kg(Units.LB)).isCloseTo(79.832, within(0.001));
        assertThat(Units.LB.format(typed.kg(Units.LB))).isEqualTo("176 lb");
        assertThat(BodyWeight.read("80 kg").orElseThrow().kg(Units.LB)).isEqualTo(80.0);
    }

    @Test
    void onlyTextThatSaysItCorrectsIsACorrection() {
        assertThat(BodyWeight.correction("sorry I meant 315 lb")).isPresent();
        assertThat(BodyWeight.correction("actually 80")).isPresent();
        assertThat(BodyWeight.correction("oops, 143 kg")).isPresent();
        assertThat(BodyWeight.correction("315 lb")).isEmpty();
        assertThat(BodyWeight.correction("sorry, what?")).isEmpty();
    }
}
