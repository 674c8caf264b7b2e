package dev.comeback.core.protocol;

import dev.comeback.core.testkit.ChatDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Items 6-8 and 18 of issue 12: loads inside the protocol's range with what exists, and the content. */
class LoadsTest {
    private static final Protocol PROTOCOL = ChatDriver.CONTENT.protocol();
    private static final PhaseRules RULES = new PhaseRules(PROTOCOL);
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private static RecoveryProgress inPhase(String phase, double oneRm, int cleanSessions) {
        RecoveryProgress p = new RecoveryProgress(T0, phase, T0, Optional.of(T0.plusSeconds(86_400L * 56)), Optional.of(oneRm),
                0, "", Optional.empty(), List.of(new CheckIn(T0, 1, 1, false)));
        for (int i = 0; i < cleanSessions; i++) {
            p = RULES.reportCleanSession(p, T0);
        }
        return p;
    }

    private static Protocol.Item item(String exercise) {
        return PROTOCOL.phases().stream().flatMap(ph -> java.util.stream.Stream.concat(ph.items().stream(),
                        ph.weeks().stream().flatMap(w -> w.items().stream())))
                .filter(i -> i.exercise().equals(exercise)).findFirst().orElseThrow();
    }

    private static PhaseRules.Load load(String exercise, String phase, double oneRm, int clean) {
        return RULES.load(item(exercise), inPhase(phase, oneRm, clean), T0).orElseThrow();
    }

    @ParameterizedTest(name = "{0} kg 1RM, {1}: {2} kg")
    @CsvSource({
            "180, kb_deadlift_blocks, 36, one 36 kg kettlebell",
            "142.9, kb_deadlift_blocks, 32, one 32 kg kettlebell",
            "250, kb_deadlift_blocks, 56, two 28 kg kettlebells",
            "180, rack_pull_knee, 72.5, 72.5 kg on the bar",
            "142.9, rack_pull_knee, 57.5, 57.5 kg on the bar"})
    void theFirstLoadOfABlockLiesInsideItsRangeAndExists(double oneRm, String exercise, double kg, String kit) {
        PhaseRules.Load l = load(exercise, "reloading", oneRm, 0);
        assertThat(l.fits()).isTrue();
        assertThat(l.kg()).isEqualTo(kg).isBetween(l.rangeMinKg(), l.rangeMaxKg());
        assertThat(l.kit()).isEqualTo(kit);
    }

    @Test
    void risesNeverExceedFivePercentAndStopAtTheTopOfTheRange() {
        double previous = load("rack_pull_knee", "reloading", 180, 0).kg();
        for (int clean = 1; clean < 20; clean++) {
            PhaseRules.Load l = load("rack_pull_knee", "reloading", 180, clean);
            assertThat(l.kg()).isLessThanOrEqualTo(previous * 1.05 + 1e-9).isLessThanOrEqualTo(l.rangeMaxKg());
            previous = l.kg();
        }
        assertThat(previous).isEqualTo(90);
    }

    @Test
    void aKettlebellRiseBiggerThanFivePercentWaits() {
        PhaseRules.Load l = load("kb_deadlift_blocks", "reloading", 180, 3);
        assertThat(l.kg()).isEqualTo(36);
        assertThat(l.waitingRiseKg()).isEqualTo(40);
    }

    @Test
    void whenNoBellFitsItSaysWhichWayToAdjust() {
        PhaseRules.Load light = load("kb_deadlift_blocks", "reloading", 25, 0);
        assertThat(light.fits()).isFalse();
        assertThat(light.adjust()).contains("Go lighter").contains("5-7.5 kg");
        PhaseRules.Load heavy = load("kb_deadlift_blocks", "reloading", 500, 0);
        assertThat(heavy.fits()).isFalse();
        assertThat(heavy.adjust()).contains("Go heavier").contains("100-150 kg");
    }

    @Test
    void singleSharesRoundDownToThePlateStepBelow() {
        assertThat(load("rack_pull_mid_shin", "reloading", 180, 0).kg()).isEqualTo(107.5);
        assertThat(load("deadlift", "reloading", 180, 5).kg()).isEqualTo(125);
    }

    private static String today(String phase, double weight) {
        PlanText text = new PlanText(PROTOCOL);
        RecoveryProgress p = new RecoveryProgress(T0, phase, T0, Optional.of(T0.plusSeconds(86_400L)), Optional.empty(),
                0, "", Optional.empty(), List.of());
        return text.today(p, Optional.of(weight), java.time.ZoneOffset.UTC, T0.plusSeconds(3600));
    }

    @Test
    void ibuprofenAndAntiInflammatoryFoodsCoverTheWholeFirst72Hours() {
        for (String phase : List.of("acute_rest", "active_recovery")) {
            assertThat(today(phase, 80)).contains("ibuprofen 200-400 mg with food during the first 72 hours")
                    .contains("salmon and turmeric");
        }
    }

    @Test
    void preventionGearHasTheBarAtMidShinAndLegSwingsSayItOnce() {
        String prevention = today("prevention", 80);
        assertThat(prevention).contains("the bar at mid-shin height").contains("Leg swings: 15 reps, front and side, on each leg.")
                .doesNotContain("per side, front and side, per leg");
    }

    @Test
    void aRangeThatRoundsToOneNumberIsShownAsOne() {
        assertThat(DailyTargets.litres(0.35, 0.4)).isEqualTo("0.4 litres");
        assertThat(DailyTargets.litres(2.45, 2.8)).isEqualTo("2.5-2.8 litres");
        assertThat(DailyTargets.litres(2.45, 2.8, Units.LB)).isEqualTo("2.5-2.8 litres (83-95 fl oz)");
        assertThat(DailyTargets.litres(2.45, 2.8, Units.KG)).isEqualTo("2.5-2.8 litres");
    }
}
