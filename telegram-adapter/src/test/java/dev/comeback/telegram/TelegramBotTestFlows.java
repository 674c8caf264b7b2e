package dev.comeback.telegram;

import dev.comeback.core.testkit.Triage;

/** Conversations the adapter tests need, walked through the fake server with buttons as a person would. */
final class TelegramBotTestFlows {
    private TelegramBotTestFlows() {
    }

    /** /start and the whole quiz to RECOVERY and when the pain started (today), tapping buttons, as in {@link Triage#toRecoveryProfile}. */
    static void quizToRecovery(BotHarness bot, long user) {
        bot.say(user, "/start");
        for (int i = 0; i < Triage.CONCERN_QUESTIONS; i++) {
            bot.press(user, "No");
        }
        bot.press(user, "Yes, no spikes");
        bot.press(user, "A day or two later");
        bot.press(user, "Dull, even stiffness");
        bot.press(user, "Yes, it eases");
        bot.press(user, "Today");
    }

    /** Through the quiz and the profile questions (82 kg, Berlin) into recovery with reminders planned. */
    static void toRecovery(BotHarness bot, long user) {
        quizToRecovery(bot, user);
        bot.say(user, "Europe/Berlin");
        bot.say(user, "kg");
        bot.say(user, "82");
    }
}
