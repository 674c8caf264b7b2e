package dev.comeback.core.conversation;

import dev.comeback.core.safety.TextReader;

import java.util.List;
import java.util.regex.Pattern;

/** What a message typed outside any question is about, judged by its words. Pure. */
enum FreeTalk {
    PAIN_OR_WORRY, GOOD_NEWS, MEDICATION, TRAINING_QUESTION, THANKS, ACKNOWLEDGED, OTHER;

    private static final Pattern PAIN = words("hurts?", "hurting", "pain", "painful", "agony", "scared", "afraid",
            "worried", "worry", "anxious", "panic\\w*", "terrible", "awful", "worse", "killing me", "really bad",
            "so bad", "unbearable", "cant cope", "frightened", "fear");
    private static final Pattern TRAINING = words("squats?", "squatting", "bench", "deadlifts?", "deadlifting", "lift",
            "lifting", "train", "training", "gym", "workout", "work out", "exercise", "run", "running", "jog",
            "jogging", "press", "rows?", "pull ?ups?", "cycling", "swim", "swimming", "yoga", "sport", "football",
            "can i", "should i", "is it ok", "is it okay", "am i allowed", "allowed to");
    /** A short message (up to 5 words) that thanks: "thanks", "ok thanks", "thank you so much". */
    private static final Pattern THANKS_WORDS = Pattern.compile("^([a-z]+ )?(thanks?( you)?|thank u|thx|ty|cheers)( [a-z]+){0,3}$");
    private static final Pattern ACK_WORDS = Pattern.compile("^(ok(ay)?|k|kk|cool|great|nice|got it|will do|sounds good|perfect|"
            + "awesome|alright|fine|good|lol|haha|yay|done|did it)( [a-z]+)?$");
    private static final Pattern MEDICATION_WORDS = words("advil", "ibuprofen", "nurofen", "motrin", "aleve", "naproxen",
            "paracetamol", "tylenol", "acetaminophen", "aspirin", "painkillers?", "pain killers?", "meds", "medication",
            "medicine", "pills?", "nsaids?", "muscle relaxants?");
    private static final Pattern GOOD = words("better", "improving", "improved", "easing", "eased", "less pain",
            "much less", "feels good", "feeling good", "pain free", "no pain");
    private static final Pattern WORSE = words("worse", "not better", "no better", "isnt better", "scared", "worried");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9 ]+");

    static FreeTalk of(String text) {
        String t = NOT_WORD.matcher(TextReader.fold(text)).replaceAll(" ").replaceAll(" +", " ").trim();
        if (THANKS_WORDS.matcher(t).matches()) {
            return THANKS;
        }
        if (t.isEmpty() || ACK_WORDS.matcher(t).matches()) {
            return ACKNOWLEDGED;
        }
        if (MEDICATION_WORDS.matcher(t).find()) {
            return MEDICATION;
        }
        if (GOOD.matcher(t).find() && !WORSE.matcher(t).find()) {
            return GOOD_NEWS;
        }
        if (PAIN.matcher(t).find()) {
            return PAIN_OR_WORRY;
        }
        if (TRAINING.matcher(t).find()) {
            return TRAINING_QUESTION;
        }
        return OTHER;
    }

    private static Pattern words(String... alternatives) {
        return Pattern.compile("\\b(" + String.join("|", List.of(alternatives)) + ")\\b");
    }
}
