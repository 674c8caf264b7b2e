package dev.comeback.core.triage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks any {@link TriageQuiz}: questions in their order, stopping as soon as no unanswered question could
 * make the outcome more serious. Pure: everything it knows comes from the quiz and the answers given.
 */
public final class TriageEngine {
    private final TriageQuiz quiz;

    public TriageEngine(TriageQuiz quiz) {
        this.quiz = quiz;
    }

    public TriageQuiz quiz() {
        return quiz;
    }

    /** The next question to ask, or empty when the quiz is over. */
    public Optional<TriageQuiz.Question> nextQuestion(List<Answer> answers) {
        Outcome current = outcomeSoFar(answers);
        Set<String> answered = answeredIds(answers);
        Outcome stillPossible = Outcome.RECOVERY;
        TriageQuiz.Question next = null;
        for (TriageQuiz.Question q : quiz.questions()) {
            if (answered.contains(q.id())) {
                continue;
            }
            if (next == null) {
                next = q;
            }
            stillPossible = Outcome.mostSerious(stillPossible, q.worstOutcome());
        }
        if (next == null || !stillPossible.isMoreSeriousThan(current)) {
            // Past the first concern, a question that cannot change the outcome is only a burden.
            return current == Outcome.RECOVERY ? Optional.ofNullable(next) : Optional.empty();
        }
        return Optional.of(next);
    }

    public boolean isFinished(List<Answer> answers) {
        return nextQuestion(answers).isEmpty();
    }

    /** True when the due question was answered "Not sure" and its check text is showing. */
    public boolean checkShown(List<Answer> answers, TriageQuiz.Question question) {
        return answers.stream().anyMatch(a -> a.questionId().equals(question.id())
                && question.option(a.optionId()).map(TriageQuiz.Option::opensCheck).orElse(false));
    }

    /** Records an answer to the question that is due, among the options it shows; rejects any other. */
    public Optional<List<Answer>> answer(List<Answer> answers, String questionId, String optionId) {
        Optional<TriageQuiz.Question> due = nextQuestion(answers);
        if (due.isEmpty() || !due.get().id().equals(questionId)
                || due.get().optionsShown(checkShown(answers, due.get())).stream().noneMatch(o -> o.id().equals(optionId))) {
            return Optional.empty();
        }
        List<Answer> next = new ArrayList<>(answers);
        next.add(new Answer(questionId, optionId));
        return Optional.of(List.copyOf(next));
    }

    public Outcome outcomeSoFar(List<Answer> answers) {
        return chosenOptions(answers).stream()
                .map(TriageQuiz.Option::outcome)
                .reduce(Outcome.RECOVERY, Outcome::mostSerious);
    }

    public TriageResult result(List<Answer> answers, Instant at) {
        Outcome outcome = outcomeSoFar(answers);
        List<TriageQuiz.Option> chosen = chosenOptions(answers);
        List<String> reasons = chosen.stream()
                .filter(o -> o.outcome() == outcome && outcome != Outcome.RECOVERY)
                .map(TriageQuiz.Option::reason)
                .toList();
        String pattern = outcome == Outcome.RECOVERY ? recoveryPattern(chosen).map(TriageQuiz.RecoveryPattern::id).orElse("") : "";
        return new TriageResult(outcome, reasons, pattern, at);
    }

    private Optional<TriageQuiz.RecoveryPattern> recoveryPattern(List<TriageQuiz.Option> chosen) {
        Set<String> signs = new HashSet<>();
        chosen.forEach(o -> signs.addAll(o.signs()));
        return quiz.recoveryPatterns().stream().filter(p -> signs.containsAll(p.requiresSigns())).findFirst();
    }

    private List<TriageQuiz.Option> chosenOptions(List<Answer> answers) {
        List<TriageQuiz.Option> chosen = new ArrayList<>();
        for (Answer a : answers) {
            quiz.question(a.questionId()).flatMap(q -> q.option(a.optionId())).ifPresent(chosen::add);
        }
        return chosen;
    }

    /** Questions with a final answer ("Not sure" only opens the check and keeps the question due). */
    private Set<String> answeredIds(List<Answer> answers) {
        Set<String> ids = new HashSet<>();
        answers.stream().filter(a -> quiz.question(a.questionId()).flatMap(q -> q.option(a.optionId()))
                .map(o -> !o.opensCheck()).orElse(true)).forEach(a -> ids.add(a.questionId()));
        return ids;
    }

    /** How many questions have a final answer. */
    public int answeredCount(List<Answer> answers) {
        return answeredIds(answers).size();
    }
}
