package dev.comeback.core.safety;

import java.util.List;
import java.util.Map;

/**
 * Emergency and warning signs in the words people type, as data (config/red-flags.json; its {@code about}
 * says how the text is read). {@code signs} are emergencies; {@code warnings} call for a clinician when
 * reported at a check-in; {@code urgent} signs (a fever, weight lost without trying) are asked about, and a yes
 * gives the outcome that the yes of their {@code checkQuestion} gives in the quiz (URGENT: a doctor today).
 */
public record RedFlagRules(int version, String about, Map<String, List<String>> concepts, List<String> negationsBefore,
                           List<String> negationsAfter, List<String> hedges, List<String> knownWords, List<Sign> signs,
                           List<Sign> warnings, List<Sign> urgent) {
    public RedFlagRules {
        about = about == null ? "" : about;
        concepts = Map.copyOf(concepts);
        negationsBefore = List.copyOf(negationsBefore);
        negationsAfter = negationsAfter == null ? List.of() : List.copyOf(negationsAfter);
        hedges = hedges == null ? List.of() : List.copyOf(hedges);
        knownWords = knownWords == null ? List.of() : List.copyOf(knownWords);
        signs = List.copyOf(signs);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        urgent = urgent == null ? List.of() : List.copyOf(urgent);
    }

    /**
     * One sign. Each rule is a set of concept names that must all occur in one sentence; {@code askRules}
     * only ever make the bot ask, and not when a concept of {@code unless} is in the sentence; a concept of
     * {@code softeners} in the sentence turns a certain reading into a question; {@code domain} lists the
     * concepts that, denied alone ("my bladder is fine"), answer no to a safety question about this sign;
     * {@code checkQuestion} names the triage question whose check text tells a person who is not sure how to find out;
     * a concept of {@code notWhen} in the sentence means the words are used another way ("cabin fever") and name nothing.
     */
    public record Sign(String id, String name, List<List<String>> rules, List<List<String>> askRules, List<String> domain,
                       List<String> softeners, List<String> unless, String checkQuestion, List<String> notWhen) {
        public Sign {
            notWhen = notWhen == null ? List.of() : List.copyOf(notWhen);
            checkQuestion = checkQuestion == null ? "" : checkQuestion;
            rules = rules.stream().map(List::copyOf).toList();
            askRules = askRules == null ? List.of() : askRules.stream().map(List::copyOf).toList();
            domain = domain == null ? List.of() : List.copyOf(domain);
            softeners = softeners == null ? List.of() : List.copyOf(softeners);
            unless = unless == null ? List.of() : List.copyOf(unless);
        }
    }
}
