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
    /** A button whose message the bot never sent (or a reminder's button it does not know): nothing is changed. */
    static final String NO_LONGER_VALID = "That button is no longer valid.";
    static final String STALE_BUTTON = "That button belongs to an earlier question. Here is the current one:";
    static final String PLAN_AFTER_TRIAGE =
            "Check-ins and the plan start once the triage questions say RECOVERY and I know your weight and time zone.";
    static final String NO_PLAN_WHILE_REFERRED =
            "No training plan while a doctor or physiotherapist still needs to see you.";
    static final String REFERRED_AGAIN =
            "When a clinician has checked you and cleared you to train, tell me (or send /triage) and we go through the questions again.";
    static final String CLINICIAN_CHECKED = "A clinician has checked me";
    static final String REFERRED_THANKS = "You're welcome. Look after yourself, and tell me when a clinician has checked you.";
    static final String REFERRED_GOOD_NEWS = "Good to hear it is easing.";
    static final String EMERGENCY_SIGNS =
            "Numbness between your legs, trouble with your bladder or bowels, or weakness in your legs means emergency care at once.";

    static final String CLEARANCE_QUESTION =
            "Before we go through the questions again: has a doctor or physiotherapist seen you since and cleared you to train?";
    static final String CLEARANCE_YES = "Yes, I'm cleared to train";
    static final String CLEARANCE_NO = "Not yet";
    static final String CLEARED = "Good, noted that a clinician cleared you to train. Let's go through the questions again, in case anything is still there.";

    static final String RETRIAGE_YES = "Yes, ask me again";
    static final String RETRIAGE_NO = "No, carry on";
    static final String RETRIAGE_STARTED =
            "OK. If nothing new comes up, you carry on where you are, with everything kept.";
    static final String RETRIAGE_KEPT = "OK, nothing changed. Carrying on:";

    static final String ONSET_QUESTION = "When did this pain start? Your plan counts from then.";
    static final String ONSET_AGAIN = "I didn't catch the day. Pick one of the buttons, or type something like \"yesterday\" or \"on Monday\".";

    static final String PAIN_HEARD = "I'm sorry it's hard today. A quick check-in tells me how bad it is and adjusts your plan."
            + " Numbness between your legs, weakness in your legs or trouble with your bladder or bowels means emergency care at once.";
    static final String CHECK_IN_NOW = "Check in now";
    static final String GOOD_NEWS = "Good to hear. Log it in a check-in so your plan moves with you.";
    static final String YOU_ARE_WELCOME = "You're welcome. I'm here whenever you need me.";
    static final String NOTED = "Noted.";
    static final String PAIN_HEARD_IN_CHECK_IN = "I hear you, and I'm sorry it's hard. Let's finish this check-in: it is how I adjust your plan.";
    static final String PAIN_HEARD_IN_TRIAGE = "I hear you, and I'm sorry it hurts. These questions tell soreness from something a doctor should see, so let's get through them.";
    static final String AFTER_THE_QUIZ = "Good question. I can't diagnose, but these questions tell whether a doctor should look at your back, so let's finish them first.";
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

    /** What the protocol says to do until a clinician has seen them, and nothing of our own. */
    static String meanwhile(dev.comeback.core.triage.Outcome outcome) {
        return switch (outcome) {
            case EMERGENCY -> "Please get emergency care now: call your local emergency number (112 in Europe, 999 in the UK, 911 in the US) or go to an emergency department. "
                    + "No exercise meanwhile, and no treatment I could suggest: that is for the doctors who see you.";
            case URGENT -> "A doctor should see you today: your GP for a same-day appointment or an urgent care clinic, or an emergency department if you cannot get one. "
                    + "Until then, no training, and no treatment I could suggest: that is for the doctor. " + EMERGENCY_SIGNS;
            default -> "Until a clinician has seen you: stop all training, including deadlifts, squats and anything else that loads your spine, "
                    + "and book a sports physician or physiotherapist. The protocol gives no exercises or treatment for this, so I won't make any up; the clinician will tell you what helps. "
                    + EMERGENCY_SIGNS;
        };
    }

    /** The one line shown under commands while referred (the whole advice was said once already). */
    static String referredReminder(dev.comeback.core.triage.Outcome outcome) {
        return switch (outcome) {
            case EMERGENCY -> "Please get emergency care if you haven't yet. No training until a clinician has checked you.";
            case URGENT -> "Please see a doctor today if you haven't yet. No training until a clinician has checked you.";
            default -> "No training and nothing that loads your spine until a clinician has checked you.";
        };
    }

    static String outcomeStands(String title) {
        return "Then the advice stands: " + (title.isBlank() ? "please see a clinician before any training." : title)
                + " Tell me once a clinician has checked you and cleared you to train.";
    }

    static String retriageQuestion(String phase, boolean checkInOpen) {
        return "Go through the triage questions again? You're in " + phase + ". If nothing new comes up, you carry on right there "
                + "(phase, check-ins and one-rep max are kept" + (checkInOpen ? ", and so is the check-in you're in the middle of" : "") + ").";
    }

    static String progressKept(String phase) {
        return "Nothing new came up, so your progress is kept: you carry on in " + phase + ".";
    }

    static String onsetNoted(String when, boolean earlier) {
        return earlier ? "Noted: it started " + when + ". Your plan counts from then, so you don't start over."
                : "Noted: it started today. Your plan counts from now.";
    }

    static final String CHECK_IN_CARRIES_ON = "Your check-in is under way and your answers so far are kept. Carrying on:";

    static String painBeforeKept(String before) {
        return "Your check-in is under way: you already gave " + before + " for the pain before moving, and I kept that. Carrying on:";
    }

    static String urgentQuestion(String signName) {
        return "You mentioned " + signName + ". Together with back pain that can need a doctor, so to be safe: is that true for you at the moment?";
    }

    static String redFlagQuestion(String signName) {
        return "You mentioned " + signName + ". To be safe: is that happening to you now, new since your back pain began?";
    }
}
