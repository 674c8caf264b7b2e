package dev.comeback.telegram.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Sliding-window counters over accepted messages; one lock, since every check must also count atomically. */
final class FloodControl {

    private final Limits limits;
    private final Deque<Long> allChats = new ArrayDeque<>();
    private final Map<Long, Deque<Long>> perChat = new HashMap<>();

    FloodControl(Limits limits) {
        this.limits = limits;
    }

    /**
     * Counts the message if every window has room.
     *
     * @param chatId the target chat, or null when the message has no chat (inline message edits)
     * @return 0 when admitted, otherwise the seconds until it would be (at least 1)
     */
    synchronized int admit(Long chatId, long nowNanos) {
        long wait = waitNanos(allChats, limits.allChats(), nowNanos);
        Deque<Long> chat = null;
        if (chatId != null) {
            chat = perChat.computeIfAbsent(chatId, id -> new ArrayDeque<>());
            wait = Math.max(wait, waitNanos(chat, chatId > 0 ? limits.privateChat() : limits.groupChat(), nowNanos));
        }
        if (wait > 0) {
            return (int) Math.max(1, ceilSeconds(wait));
        }
        allChats.addLast(nowNanos);
        if (chat != null) {
            chat.addLast(nowNanos);
        }
        return 0;
    }

    synchronized void clear() {
        allChats.clear();
        perChat.clear();
    }

    /** Drops expired entries, then tells how long until the window has room for one more. */
    private static long waitNanos(Deque<Long> accepted, Limits.Window window, long now) {
        long length = window.per().toNanos();
        while (!accepted.isEmpty() && now - accepted.peekFirst() >= length) {
            accepted.removeFirst();
        }
        int excess = accepted.size() - window.max();
        if (excess < 0) {
            return 0;
        }
        Iterator<Long> oldestFirst = accepted.iterator();
        for (int i = 0; i < excess; i++) {
            oldestFirst.next();
        }
        return oldestFirst.next() + length - now;
    }

    private static long ceilSeconds(long nanos) {
        long perSecond = TimeUnit.SECONDS.toNanos(1);
        return (nanos + perSecond - 1) / perSecond;
    }
}
