package dev.comeback.core.safety;

import java.util.List;

/** Emergency symptoms in the words people type, as data (config/red-flags.json). */
public record RedFlagRules(int version, String about, List<String> negations, List<Sign> signs) {
    public RedFlagRules {
        negations = List.copyOf(negations);
        signs = List.copyOf(signs);
        about = about == null ? "" : about;
    }

    public record Sign(String id, String name, List<String> patterns) {
        public Sign {
            patterns = List.copyOf(patterns);
        }
    }
}
