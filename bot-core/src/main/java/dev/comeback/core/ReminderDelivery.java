package dev.comeback.core;

import dev.comeback.core.delivery.Messenger;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.scheduling.DueReminderHandler;
import dev.comeback.core.scheduling.ScheduledReminder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * Runs a reminder that falls due on the real-clock scheduler as a proactive turn through the {@link Coach},
 * and sends what comes out through the {@link Messenger}. A delivery is itself a turn, so the person's plan
 * ({@link ReminderPlanSync}) rolls forward as reminders go out.
 */
public final class ReminderDelivery implements DueReminderHandler {
    private static final Logger log = LoggerFactory.getLogger(ReminderDelivery.class);

    private final Coach coach;
    private final Messenger messenger;

    public ReminderDelivery(Coach coach, Messenger messenger) {
        this.coach = coach;
        this.messenger = messenger;
    }

    @Override
    public void onDue(ScheduledReminder reminder, Instant firedAt) {
        deliver(reminder, firedAt);
    }

    @Override
    public void onStale(String userKey, List<ScheduledReminder> skipped, Instant firedAt) {
        // Each goes through the core, which records it as skipped and sends one note for the lot.
        skipped.forEach(r -> deliver(r, firedAt));
    }

    private void deliver(ScheduledReminder reminder, Instant firedAt) {
        UserRef user = UserRef.fromKey(reminder.userKey());
        ChatRef chat = ChatRef.privateChat(user.platform(), user.id());
        List<Reply> replies = coach.handle(new Incoming.Due(user, chat, reminder.reminderId(), reminder.due(), firedAt));
        if (!replies.isEmpty()) {
            messenger.send(user, replies);
        }
        log.debug("reminder {} for {}: {} message(s)", reminder.reminderId(), user.key(), replies.size());
    }
}
