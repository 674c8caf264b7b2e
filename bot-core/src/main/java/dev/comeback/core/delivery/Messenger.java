package dev.comeback.core.delivery;

import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;

import java.util.List;

/**
 * The outbound port for messages nobody just asked for (reminders, nudges): each adapter implements it for
 * its platform and delivers to the person's private chat. Returns once the messages are accepted for
 * delivery (an adapter may queue them to respect its platform's limits).
 */
public interface Messenger {
    void send(UserRef to, List<Reply> replies);
}
