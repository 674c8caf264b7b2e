package dev.comeback.core.safety;

import java.util.List;

/** Emergency symptoms in the words people type, as data (config/red-flags.json). */
/** {@code signs} are emergencies; {@code warnings} are signs that call for a clinician when reported at a check-in. */
public record RedFlagRules(int version, String about, List<String> negations, List<Sign> signs, List<Sign> warnings) {
    public RedFlagRules {
        negations = List.copyOf(negations);
        signs = List.copyOf(signs);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        about = about == null ? "" : about;
    }

    public record Sign(String id, String name, List<String> patterns) {
        public Sign {
            patterns = List.copyOf(patterns);
        }
    }
}
