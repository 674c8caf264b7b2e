package dev.comeback.core.triage;

/** Where triage sends a person, from least to most serious: declaration order is the severity order. */
public enum Outcome {
    RECOVERY,
    SEE_CLINICIAN,
    URGENT,
    EMERGENCY;

    public boolean isMoreSeriousThan(Outcome other) {
        return compareTo(other) > 0;
    }

    public static Outcome mostSerious(Outcome a, Outcome b) {
        return a.isMoreSeriousThan(b) ? a : b;
    }
}
