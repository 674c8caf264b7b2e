package dev.comeback.telegram;

import dev.comeback.core.delivery.Urgency;
import dev.comeback.core.message.ChatRef;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Telegram's sending limits as sliding windows: every message counts against its chat (1 a second in a
 * private chat, 20 a minute in a group) and against the bot's overall rate; proactive messages are also
 * spaced evenly at the bulk rate, so they never come in bursts that would leave a reply waiting for a free
 * slot. A reply is not held back by the bulk spacing. Each window keeps a small margin under Telegram's
 * figure, because Telegram measures arrival and we measure departure. Not thread-safe: one owner.
 */
final class Pacer {
    /** The figures Comeback keeps to; {@link #TELEGRAM} are Telegram's documented limits less a margin. */
    record Limits(int perSecond, Duration proactiveGap, Duration privateWindow, int privatePerWindow,
                  Duration groupWindow, int groupPerWindow) {
    }

    static final Limits TELEGRAM = new Limits(29, Duration.ofMillis(1000 / 28 + 1),
            Duration.ofMillis(1050), 1, Duration.ofSeconds(61), 20);

    private final Limits limits;
    private final Deque<Instant> overall = new ArrayDeque<>();
    private final Map<String, Deque<Instant>> perChat = new HashMap<>();
    private final Map<String, Instant> heldUntil = new HashMap<>();
    private Instant lastProactive = Instant.MIN;

    Pacer(Limits limits) {
        this.limits = limits;
    }

    /** The earliest moment a message of {@code urgency} may go to {@code chat}; {@code now} or later. */
    Instant earliest(ChatRef chat, Urgency urgency, Instant now) {
        trim(overall, now.minusSeconds(1));
        Instant at = now;
        at = later(at, heldUntil.get(chat.key()));
        at = later(at, freeSlot(overall, limits.perSecond(), Duration.ofSeconds(1)));
        Deque<Instant> sent = perChat.get(chat.key());
        if (sent != null) {
            at = chat.isGroup()
                    ? later(at, freeSlot(sent, limits.groupPerWindow(), limits.groupWindow()))
                    : later(at, freeSlot(sent, limits.privatePerWindow(), limits.privateWindow()));
        }
        if (urgency == Urgency.PROACTIVE && lastProactive != Instant.MIN) {
            at = later(at, lastProactive.plus(limits.proactiveGap()));
        }
        return at;
    }

    void sent(ChatRef chat, Urgency urgency, Instant at) {
        overall.addLast(at);
        perChat.computeIfAbsent(chat.key(), k -> new ArrayDeque<>()).addLast(at);
        if (urgency == Urgency.PROACTIVE) {
            lastProactive = at;
        }
    }

    /** Telegram said to wait (429 with retry_after): nothing goes to {@code chat} before {@code until}. */
    void hold(ChatRef chat, Instant until) {
        heldUntil.merge(chat.key(), until, Pacer::later);
    }

    /** Chats with sends still inside their window; bounded by how many were written to recently. */
    int tracked() {
        return perChat.size();
    }

    /** When a window already holds {@code limit} sends, the moment its oldest one leaves it. */
    private static Instant freeSlot(Deque<Instant> sent, int limit, Duration window) {
        if (sent.size() < limit) {
            return Instant.MIN;
        }
        Iterator<Instant> newestFirst = sent.descendingIterator();
        Instant limiting = null;
        for (int i = 0; i < limit; i++) {
            limiting = newestFirst.next();
        }
        return limiting.plus(window);
    }

    /** Drops what no window can see any more; call now and then (it walks every chat written to lately). */
    void forget(Instant now) {
        trim(overall, now.minusSeconds(1));
        Iterator<Map.Entry<String, Deque<Instant>>> chats = perChat.entrySet().iterator();
        while (chats.hasNext()) {
            Deque<Instant> sent = chats.next().getValue();
            trim(sent, now.minus(limits.groupWindow()));
            if (sent.isEmpty()) {
                chats.remove();
            }
        }
        heldUntil.values().removeIf(until -> !until.isAfter(now));
    }

    private static void trim(Deque<Instant> sent, Instant before) {
        while (!sent.isEmpty() && !sent.peekFirst().isAfter(before)) {
            sent.removeFirst();
        }
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
