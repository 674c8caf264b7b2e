package dev.comeback.core.safety;

import java.util.List;
import java.util.Map;

/**
 * Emergency and warning signs in the words people type, as data (config/red-flags.json; its {@code about}
 * says how the text is read). {@code signs} are emergencies; {@code warnings} call for a clinician when
 * reported at a check-in.
 */
public record RedFlagRules(int version, String about, Map<String, List<String>> concepts, List<String> negationsBefore,
                           List<String> negationsAfter, List<String> hedges, List<String> knownWords, List<Sign> signs,
                           List<Sign> warnings) {
    public RedFlagRules {
        about = about == null ? "" : about;
        concepts = Map.copyOf(concepts);
        negationsBefore = List.copyOf(negationsBefore);
        negationsAfter = negationsAfter == null ? List.of() : List.copyOf(negationsAfter);
        hedges = hedges == null ? List.of() : List.copyOf(hedges);
        knownWords = knownWords == null ? List.of() : List.copyOf(knownWords);
        signs = List.copyOf(signs);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * One sign. Each rule is a set of concept names that must all occur in one sentence; {@code askRules}
     * only ever make the bot ask, and not when a concept of {@code unless} is in the sentence; a concept of
     * {@code softeners} in the sentence turns a certain reading into a question; {@code domain} lists the
     * concepts that, denied alone ("my bladder is fine"), answer no to a safety question about this sign;
     * {@code checkQuestion} names the triage question whose check text tells a person who is not sure how to find out.
     */
    public record Sign(String id, String name, List<List<String>> rules, List<List<String>> askRules, List<String> domain,
                       List<String> softeners, List<String> unless, String checkQuestion) {
        public Sign {
            checkQuestion = checkQuestion == null ? "" : checkQuestion;
            rules = rules.stream().map(List::copyOf).toList();
            askRules = askRules == null ? List.of() : askRules.stream().map(List::copyOf).toList();
            domain = domain == null ? List.of() : List.copyOf(domain);
            softeners = softeners == null ? List.of() : List.copyOf(softeners);
            unless = unless == null ? List.of() : List.copyOf(unless);
        }
    }
}
