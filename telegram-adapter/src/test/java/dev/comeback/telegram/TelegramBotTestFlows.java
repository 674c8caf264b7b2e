package dev.comeback.telegram;

import dev.comeback.core.testkit.Triage;

/** Conversations the adapter tests need, walked through the fake server with buttons as a person would. */
final class TelegramBotTestFlows {
    private TelegramBotTestFlows() {
    }

    /** /start and the whole quiz to RECOVERY and when the pain started (today), tapping buttons, as in {@link Triage#toRecoveryProfile}. */
    static void quizToRecovery(BotHarness bot, long user) {
        bot.say(user, "/start");
        Triage.QUIZ_PRESSES.forEach(label -> bot.press(user, label));
        bot.press(user, Triage.PAIN_STARTED);
    }

    /** Through the quiz and the profile questions (82 kg, Berlin) into recovery with reminders planned. */
    static void toRecovery(BotHarness bot, long user) {
        quizToRecovery(bot, user);
        Triage.PROFILE.forEach(text -> bot.say(user, text));
    }
}
