package dev.comeback.core.conversation;

/** The sentences of /progress, /history, /report, /export and /forget. */
final class DataTexts {
    static final String CHART_CAPTION = "Your pain before (blue) and after moving (orange), day by day. Shaded: your phases.";
    static final String REPORT_CAPTION = "A one-page summary to show a physiotherapist or doctor.";
    static final String REPORT_NEEDS_TRIAGE = "There is nothing to report yet: the summary starts with the triage questions. Send /start.";
    static final String EXPORT_CAPTION = "Everything I have stored about you, as a JSON file (the README of Comeback explains each field).";
    static final String NO_CHECK_INS = "No check-ins yet. Once recovery starts, send /checkin each day and they will show here.";
    static final String CONFIRM_FORGET = "Delete everything I have stored about you: answers, check-ins, history, reminders and group memberships? "
            + "This cannot be undone. (/export first if you want a copy.)";
    static final String FORGET_YES = "Yes, delete everything";
    static final String FORGET_NO = "No, keep it";
    static final String FORGET_KEPT = "Nothing deleted.";
    static final String FORGET_EXPIRED = "That button is too old to delete anything. Send /forget again if you still want it.";
    static final String FORGOTTEN = "Done: everything I had stored about you is deleted, and no reminders will come. "
            + "If you write again, we start from the beginning.";

    private DataTexts() {
    }

    static String chartNeedsTwo(int have) {
        return "A chart needs at least two check-ins, and you have " + (have == 0 ? "none" : "one") + " so far. "
                + "Send /checkin each day and your curve will show here.";
    }

    static String historyTitle(int rows) {
        return rows == 1 ? "Your check-in (pain before \u2192 after moving):" : "Your last " + rows + " check-ins (pain before \u2192 after moving), newest first:";
    }

    /** A check-in's outcome in a few words; {@code "-"} for ones stored before outcomes were. */
    static String outcome(String name) {
        return switch (name) {
            case "REGRESSED" -> "pain rose: one phase back";
            case "STRAIN_HOLD" -> "back strain: loads held";
            case "THERAPIST" -> "see a physio advised";
            case "SMALL_RISE" -> "small rise";
            case "STEADY" -> "steady";
            default -> "-";
        };
    }
}
