package dev.comeback.core;

import dev.comeback.core.delivery.Messenger;
import dev.comeback.core.delivery.PrivateChats;
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
import java.util.Optional;

/**
 * Runs a reminder that falls due on the real-clock scheduler as a proactive turn through the {@link Coach}.
 * What comes out is sent through a {@link Messenger} ({@link #direct}, the console) or committed with the
 * turn into the outbox, for the platform's paced dispatcher ({@link #queued}). A delivery is itself a turn,
 * so the person's plan ({@link ReminderPlanSync}) rolls forward as reminders go out.
 */
public final class ReminderDelivery implements DueReminderHandler {
    private static final Logger log = LoggerFactory.getLogger(ReminderDelivery.class);

    private final Coach coach;
    private final Optional<Messenger> messenger;
    private final PrivateChats privateChats;

    private ReminderDelivery(Coach coach, Optional<Messenger> messenger, PrivateChats privateChats) {
        this.coach = coach;
        this.messenger = messenger;
        this.privateChats = privateChats;
    }

    public static ReminderDelivery direct(Coach coach, Messenger messenger) {
        return new ReminderDelivery(coach, Optional.of(messenger), PrivateChats.byUserId());
    }

    /** Reminders into the outbox, to the private chat each person's adapter names. */
    public static ReminderDelivery queued(Coach coach, PrivateChats privateChats) {
        return new ReminderDelivery(coach, Optional.empty(), privateChats);
    }

    /** Reminders into the outbox, for a platform whose private chats have the person's id (Telegram). */
    public static ReminderDelivery queued(Coach coach) {
        return queued(coach, PrivateChats.byUserId());
    }

    /** Delivers the reminder and records it in the delivery log in the same transaction (once only). */
    @Override
    public void onDue(ScheduledReminder reminder, Instant firedAt) {
        deliver(reminder, firedAt, true);
    }

    @Override
    public void onStale(String userKey, List<ScheduledReminder> skipped, Instant firedAt) {
        // Each goes through the core, which records it as skipped and sends one note for the lot.
        skipped.forEach(r -> deliver(r, firedAt, false));
    }

    private void deliver(ScheduledReminder reminder, Instant firedAt, boolean record) {
        UserRef user = UserRef.fromKey(reminder.userKey());
        ChatRef chat = privateChats.of(user);
        Incoming.Due due = new Incoming.Due(user, chat, reminder.reminderId(), reminder.due(), firedAt);
        if (messenger.isEmpty()) {
            if (record) {
                coach.handleDue(due, true);
            } else {
                coach.handleQueued(due, Optional.empty());
            }
            return;
        }
        List<Reply> replies = record ? coach.handleDue(due, false).orElse(List.of()) : coach.handle(due);
        if (!replies.isEmpty()) {
            messenger.get().send(user, replies);
        }
        log.debug("reminder {} for {}: {} message(s)", reminder.reminderId(), user.key(), replies.size());
    }
}
