package dev.comeback.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Pending updates with Telegram's getUpdates semantics: an update stays until a getUpdates call
 * carries an offset above its id; a call with nothing to return waits for a push.
 */
final class UpdateQueue {

    static final long FIRST_UPDATE_ID = 1000;

    private final TreeMap<Long, ObjectNode> pending = new TreeMap<>();
    private final Map<Long, ObjectNode> pushed = new HashMap<>();
    /** Put back by {@link #redeliver}; delivered once more whatever the offset says. */
    private final Set<Long> redelivered = new HashSet<>();
    private long nextId = FIRST_UPDATE_ID;
    private boolean closed;

    synchronized long push(ObjectNode updateWithoutId) {
        long id = nextId++;
        ObjectNode update = updateWithoutId.objectNode().put("update_id", id);
        for (Map.Entry<String, JsonNode> field : updateWithoutId.properties()) {
            if (!field.getKey().equals("update_id")) {
                update.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        pending.put(id, update);
        pushed.put(id, update);
        notifyAll();
        return id;
    }

    synchronized void redeliver(long updateId) {
        ObjectNode update = pushed.get(updateId);
        if (update == null) {
            throw new IllegalArgumentException("no update " + updateId + " was pushed");
        }
        pending.put(updateId, update);
        redelivered.add(updateId);
        notifyAll();
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    /**
     * One getUpdates call.
     *
     * @param offset       0 for none; below 0 keeps only the last -offset updates, like Telegram
     * @param allowedTypes update types to deliver (others are dropped); empty for all
     */
    synchronized List<ObjectNode> poll(long offset, int limit, Set<String> allowedTypes, long maxWaitNanos)
            throws InterruptedException {
        long deadline = System.nanoTime() + maxWaitNanos;
        while (true) {
            confirmBelow(offset);
            dropDisallowed(allowedTypes);
            long left = deadline - System.nanoTime();
            if (!pending.isEmpty() || closed || left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        List<ObjectNode> batch = new ArrayList<>();
        for (Map.Entry<Long, ObjectNode> entry : pending.entrySet()) {
            if (batch.size() == limit) {
                break;
            }
            batch.add(entry.getValue());
            redelivered.remove(entry.getKey());
        }
        return batch;
    }

    /** Wakes every waiting poll; later polls return at once. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    private void confirmBelow(long offset) {
        if (offset < 0) {
            while (pending.size() > -offset) {
                pending.pollFirstEntry();
            }
            return;
        }
        Iterator<Long> ids = pending.headMap(offset).keySet().iterator();
        while (ids.hasNext()) {
            if (!redelivered.contains(ids.next())) {
                ids.remove();
            }
        }
    }

    private void dropDisallowed(Set<String> allowedTypes) {
        if (!allowedTypes.isEmpty()) {
            pending.values().removeIf(update -> !allowedTypes.contains(typeOf(update)));
        }
    }

    private static String typeOf(ObjectNode update) {
        Iterator<String> names = update.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("update_id")) {
                return name;
            }
        }
        return "";
    }
}
