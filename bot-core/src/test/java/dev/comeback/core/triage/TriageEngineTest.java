package dev.comeback.core.triage;

import dev.comeback.core.testkit.ChatDriver;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TriageEngineTest {
    private final TriageEngine engine = new TriageEngine(ChatDriver.CONTENT.triage());
    private final Instant now = Instant.parse("2026-03-02T10:00:00Z");

    /** Answers each due question with "yes" if its id is in {@code yesTo}, else with the harmless option. */
    private List<Answer> walk(List<String> yesTo, String onset, String feel, String movement) {
        List<Answer> answers = new ArrayList<>();
        while (!engine.isFinished(answers)) {
            TriageQuiz.Question q = engine.nextQuestion(answers).orElseThrow();
            String option = switch (q.id()) {
                case "hip_hinges" -> yesTo.contains("hip_hinges") ? "no" : "yes";
                case "onset" -> onset;
                case "feel" -> feel;
                case "movement" -> movement;
                default -> yesTo.contains(q.id()) ? "yes" : "no";
            };
            answers = engine.answer(answers, q.id(), option).orElseThrow();
        }
        return answers;
    }

    @Test
    void noConcernsAndTheSorenessPatternIsRecoveryFromDoms() {
        TriageResult result = engine.result(walk(List.of(), "delayed", "dull_even", "eases"), now);
        assertThat(result.outcome()).isEqualTo(Outcome.RECOVERY);
        assertThat(result.patternId()).isEqualTo("doms");
        assertThat(result.reasons()).isEmpty();
    }

    @Test
    void painAtTheLiftWithoutConcernsIsRecoveryFromAMinorStrain() {
        TriageResult result = engine.result(walk(List.of(), "during", "sharp", "same_or_worse"), now);
        assertThat(result.outcome()).isEqualTo(Outcome.RECOVERY);
        assertThat(result.patternId()).isEqualTo("strain");
    }

    @Test
    void saddleNumbnessIsAnEmergencyAndEndsTheQuizAtOnce() {
        List<Answer> answers = walk(List.of("saddle"), "delayed", "dull_even", "eases");
        assertThat(answers).hasSize(1);
        TriageResult result = engine.result(answers, now);
        assertThat(result.outcome()).isEqualTo(Outcome.EMERGENCY);
        assertThat(result.reasons()).containsExactly("numbness or tingling in the saddle area");
    }

    @Test
    void everyEarlyCaudaEquinaSignIsAnEmergency() {
        for (String sign : List.of("saddle", "bladder_bowel", "both_legs", "weakness_worsening")) {
            assertThat(engine.result(walk(List.of(sign), "delayed", "dull_even", "eases"), now).outcome())
                    .as(sign).isEqualTo(Outcome.EMERGENCY);
        }
    }

    @Test
    void feverCancerOrTraumaIsUrgentAndStopsOnceNothingCanBeWorse() {
        for (String sign : List.of("fever", "cancer_weight", "trauma")) {
            List<Answer> answers = walk(List.of(sign), "delayed", "dull_even", "eases");
            assertThat(engine.result(answers, now).outcome()).as(sign).isEqualTo(Outcome.URGENT);
            assertThat(answers.get(answers.size() - 1).questionId()).isEqualTo(sign);
        }
    }

    @Test
    void warningSignsAndFailedSelfChecksSendToAClinician() {
        for (String sign : List.of("cough_below_knee", "pins_needles_standing", "one_sided", "below_glutes",
                "burning_tingling", "cough_sneeze_worse", "worsening_72h", "hip_hinges")) {
            assertThat(engine.result(walk(List.of(sign), "delayed", "dull_even", "eases"), now).outcome())
                    .as(sign).isEqualTo(Outcome.SEE_CLINICIAN);
        }
    }

    @Test
    void aLaterAnswerCanRaiseButNeverLowerTheOutcome() {
        List<Answer> answers = walk(List.of("fever", "saddle"), "delayed", "dull_even", "eases");
        assertThat(engine.result(answers, now).outcome()).isEqualTo(Outcome.EMERGENCY);
    }

    @Test
    void answersToAQuestionThatIsNotDueAreRefused() {
        assertThat(engine.answer(List.of(), "fever", "yes")).isEmpty();
        assertThat(engine.answer(List.of(), "saddle", "maybe")).isEmpty();
        assertThat(engine.answer(List.of(), "saddle", "no")).isPresent();
    }
}
