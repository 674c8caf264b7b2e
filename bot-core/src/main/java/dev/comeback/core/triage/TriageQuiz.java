package dev.comeback.core.triage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The triage quiz as data (config/triage.json): questions in order, how answers score, what each outcome says. */
public record TriageQuiz(
        int version,
        String intro,
        List<Question> questions,
        List<RecoveryPattern> recoveryPatterns,
        Map<Outcome, OutcomeText> outcomes) {

    public TriageQuiz {
        questions = List.copyOf(questions);
        recoveryPatterns = List.copyOf(recoveryPatterns);
        outcomes = Map.copyOf(outcomes);
    }

    /**
     * One question. {@code check} (may be empty) tells a person who answered "Not sure" how to find out;
     * options with {@code opensCheck} show it, options with {@code afterCheck} are offered only after it.
     */
    public record Question(String id, String section, String text, String check, List<Option> options) {
        public Question {
            check = check == null ? "" : check;
            options = List.copyOf(options);
        }

        /** The options shown: before the check text was shown, or after it. */
        public List<Option> optionsShown(boolean checkShown) {
            return options.stream().filter(o -> checkShown ? !o.opensCheck() : !o.afterCheck()).toList();
        }

        public Optional<Option> option(String optionId) {
            return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
        }

        /** What a button for this answer carries back: {@code t:<question>:<option>}. */
        public String buttonData(String optionId) {
            return "t:" + id + ":" + optionId;
        }

        /** The most serious outcome any answer to this question can lead to. */
        public Outcome worstOutcome() {
            return options.stream().map(Option::outcome).reduce(Outcome.RECOVERY, Outcome::mostSerious);
        }
    }

    /**
     * One answer. {@code outcome} RECOVERY means the answer raises no concern; {@code signs} feed the pattern;
     * {@code opensCheck} ("Not sure") shows the question's check text and asks again instead of answering;
     * {@code afterCheck} ("Still not sure") is offered only then. {@code typed}: other words people type for
     * this answer ("the next day"), read as pressing it.
     */
    public record Option(String id, String label, Outcome outcome, String reason, List<String> signs, boolean opensCheck,
                         boolean afterCheck, List<String> typed) {
        public Option {
            outcome = outcome == null ? Outcome.RECOVERY : outcome;
            reason = reason == null ? "" : reason;
            signs = signs == null ? List.of() : List.copyOf(signs);
            typed = typed == null ? List.of() : List.copyOf(typed);
        }
    }

    /** A kind of ordinary back pain; the first pattern whose signs were all reported names the person's. */
    public record RecoveryPattern(String id, String name, List<String> requiresSigns, String expectation) {
        public RecoveryPattern {
            requiresSigns = List.copyOf(requiresSigns);
        }
    }

    public record OutcomeText(String title, String text) {
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    public OutcomeText textFor(Outcome outcome) {
        return outcomes.get(outcome);
    }
}
