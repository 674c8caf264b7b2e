package dev.comeback.core.delivery;

import dev.comeback.core.message.ChatRef;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A platform's sending limits as sliding windows: every message counts against its chat (on Telegram 1 a
 * second in a private chat, 20 a minute in a group) and against the bot's overall rate. Proactive messages also draw
 * on a token bucket that fills at the bulk rate and holds only a few, so they come evenly rather than in
 * bursts that would leave a reply waiting for a free slot (and a late look at the queue does not lower
 * the rate). A reply is not held back by the bucket. Each window keeps a small margin under Telegram's
 * figure, because the platform measures arrival and we measure departure. Not thread-safe: one owner.
 */
public final class Pacer {
    /** The figures Comeback keeps to, each a platform's documented limit less a margin (the adapter's data). */
    public record Limits(int perSecond, double proactivePerSecond, Duration privateWindow, int privatePerWindow,
                  Duration groupWindow, int groupPerWindow) {
    }

    /** How many proactive sends the bucket holds: enough to absorb a late look, too few to make a burst. */
    private static final double BUCKET = 2;

    private final Limits limits;
    private final Deque<Instant> overall = new ArrayDeque<>();
    private final Map<String, Deque<Instant>> perChat = new HashMap<>();
    private final Map<String, Instant> heldUntil = new HashMap<>();
    private Instant allHeldUntil;
    private double proactiveTokens = BUCKET;
    private Instant refilled;

    public Pacer(Limits limits) {
        this.limits = limits;
    }

    /** The earliest moment a message of {@code urgency} may go to {@code chat}; {@code now} or later. */
    public Instant earliest(ChatRef chat, Urgency urgency, Instant now) {
        trim(overall, now.minusSeconds(1));
        Instant at = now;
        at = later(at, heldUntil.get(chat.key()));
        at = later(at, allHeldUntil);
        at = later(at, freeSlot(overall, limits.perSecond(), Duration.ofSeconds(1)));
        Deque<Instant> sent = perChat.get(chat.key());
        if (sent != null) {
            at = chat.isGroup()
                    ? later(at, freeSlot(sent, limits.groupPerWindow(), limits.groupWindow()))
                    : later(at, freeSlot(sent, limits.privatePerWindow(), limits.privateWindow()));
        }
        if (urgency == Urgency.PROACTIVE) {
            refill(now);
            if (proactiveTokens < 1) {
                long nanos = (long) Math.ceil((1 - proactiveTokens) / limits.proactivePerSecond() * 1e9);
                at = later(at, now.plusNanos(nanos));
            }
        }
        return at;
    }

    public void sent(ChatRef chat, Urgency urgency, Instant at) {
        overall.addLast(at);
        perChat.computeIfAbsent(chat.key(), k -> new ArrayDeque<>()).addLast(at);
        if (urgency == Urgency.PROACTIVE) {
            refill(at);
            proactiveTokens -= 1;
        }
    }

    private void refill(Instant now) {
        if (refilled == null) {
            refilled = now;
        } else if (now.isAfter(refilled)) {
            double seconds = Duration.between(refilled, now).toNanos() / 1e9;
            proactiveTokens = Math.min(BUCKET, proactiveTokens + seconds * limits.proactivePerSecond());
            refilled = now;
        }
    }

    /**
     * The message let through at {@code reserved} actually left at {@code left} (a sender thread may start a
     * little later): the windows count it from then, which is closer to when the platform counts it.
     */
    public void departed(ChatRef chat, Instant reserved, Instant left) {
        if (!left.isAfter(reserved)) {
            return;
        }
        restamp(overall, reserved, left);
        Deque<Instant> sent = perChat.get(chat.key());
        if (sent != null) {
            restamp(sent, reserved, left);
        }
    }

    /** Replaces one {@code from} with {@code to} in a deque kept in time order. */
    private static void restamp(Deque<Instant> sent, Instant from, Instant to) {
        if (!sent.removeLastOccurrence(from)) {
            return;
        }
        Deque<Instant> later = new ArrayDeque<>();
        while (!sent.isEmpty() && sent.peekLast().isAfter(to)) {
            later.addFirst(sent.removeLast());
        }
        sent.addLast(to);
        sent.addAll(later);
    }

    /** The platform said to wait (429 with retry_after): nothing goes to {@code chat} before {@code until}. */
    public void hold(ChatRef chat, Instant until) {
        heldUntil.merge(chat.key(), until, Pacer::later);
    }

    /**
     * Nothing goes to any chat before {@code until}: the platform said the whole bot must wait (on Telegram a
     * 429 does not say whether it was meant for one chat or for the whole bot, and sending elsewhere inside a
     * bot-wide {@code retry_after} earns longer bans).
     */
    public void holdAll(Instant until) {
        allHeldUntil = later(until, allHeldUntil);
    }

    /** Chats with sends still inside their window; bounded by how many were written to recently. */
    public int tracked() {
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
    public void forget(Instant now) {
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
