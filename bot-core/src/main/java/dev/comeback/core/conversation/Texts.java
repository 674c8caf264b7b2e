package dev.comeback.core.conversation;

import java.util.stream.Collectors;

/** The bot's own fixed sentences (content that coaches edit lives in config/). */
final class Texts {
    static final String NOT_A_DOCTOR =
            "Comeback is a coaching aid, not a medical diagnosis: if you are worried about your back, see a doctor or physiotherapist.";

    static final String WELCOME =
            "Hi, I'm Comeback. I help lifters with lower-back pain after deadlifts get from \"is this soreness or an injury?\" back to heavy pulls, step by step.";

    static final String HELP = "Commands:\n"
            + Commands.ALL.stream().map(c -> "/" + c.name() + " - " + c.description()).collect(Collectors.joining("\n"))
            + "\nIf you ever get numbness between your legs, trouble with your bladder or bowels, or weakness in your legs, tell me or go to emergency care straight away.";

    static final String GROUP =
            "I coach one person at a time, privately. Send me a direct message to start; nothing about your health is shared here.";

    static final String PAUSED =
            "Paused. I won't send you anything until you send /start; everything you told me is kept.";
    static final String ALREADY_PAUSED = "You're already paused. Send /start whenever you want to carry on.";
    static final String STILL_PAUSED = "We're paused. Send /start to carry on, or /help for the commands.";
    static final String RESUMED = "Welcome back, we're on again.";
    static final String CARRY_ON = "Welcome back. Here is where we were:";

    static final String CONFIRM_RESET =
            "Start over? This deletes your answers, your results and your profile (weight, time zone) for good.";
    static final String RESET_YES = "Yes, delete and start over";
    static final String RESET_NO = "No, keep everything";
    static final String RESET_KEPT = "Nothing deleted. Carrying on:";
    static final String RESET_DONE = "Everything is deleted. Let's start again from the beginning.";

    static final String RED_FLAG_YES = "Yes";
    static final String RED_FLAG_NO = "No";
    static final String NOT_SURE = "Not sure";
    static final String STILL_NOT_SURE = "Still not sure";
    static final String GENERIC_CHECK = "How to check: compare the feeling between your legs and in both legs with how it was before the back pain, "
            + "walk a few steps on your heels and toes, and think about whether peeing or pooing has changed. Anything new counts as yes.";
    static final String RED_FLAG_CLEARED = "Thank you. If that ever changes, tell me straight away. Carrying on:";
    static final String ANSWER_RED_FLAG_FIRST = "Please answer this first, it matters for your safety:";

    static final String EMPTY = "That message was empty.";
    static final String STALE_BUTTON = "That button belongs to an earlier question. Here is the current one:";
    static final String PLAN_AFTER_TRIAGE =
            "Check-ins and the plan start once the triage questions say RECOVERY and I know your weight and time zone.";
    static final String NO_PLAN_WHILE_REFERRED =
            "No training plan while a doctor or physiotherapist still needs to see you.";
    static final String REFERRED_AGAIN =
            "When a clinician has checked you and cleared you to train, send /triage to go through the questions again.";

    static final String PAIN_HEARD = "I'm sorry it's hard today. A quick check-in tells me how bad it is and adjusts your plan."
            + " Numbness between your legs, weakness in your legs or trouble with your bladder or bowels means emergency care at once.";
    static final String CHECK_IN_NOW = "Check in now";
    static final String GOOD_NEWS = "Good to hear. Log it in a check-in so your plan moves with you.";
    static final String YOU_ARE_WELCOME = "You're welcome. I'm here whenever you need me.";
    static final String NOTED = "Noted.";
    static final String PAIN_HEARD_IN_CHECK_IN = "I hear you, and I'm sorry it's hard. Let's finish this check-in: it is how I adjust your plan.";
    static final String AFTER_THE_CHECK_IN = "Good question; ask me again once this check-in is done. First:";
    static final String MEDICATION_BEYOND = "I can't advise on medicines beyond that: a pharmacist or your doctor can, and they know what else you take.";
    static final String NOT_A_QUESTION = "I'm not sure what you mean. /today shows today's plan, /checkin starts a check-in, /help lists the rest.";

    private Texts() {
    }

    static String tooLong(int length, int max) {
        return "That message is too long for me (" + length + " characters; I read up to " + max
                + "). Please send a short answer.";
    }

    static String chooseButton(String labels) {
        return "Please answer with one of the buttons: " + labels + ".";
    }

    static String unknownCommand(String command) {
        return "I don't know the command /" + command + ". Send /help for the list.";
    }

    static String redFlagQuestion(String signName) {
        return "You mentioned " + signName + ". To be safe: is that happening to you now, new since your back pain began?";
    }
}
