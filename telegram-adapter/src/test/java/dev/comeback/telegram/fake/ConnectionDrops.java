package dev.comeback.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Makes a dropped connection reach the caller. When a socket that had already served a response dies
 * unanswered, OkHttp 5 takes it for a stale pooled connection and quietly sends the request twice more on
 * fresh sockets (RetryAndFollowUpInterceptor with RealRoutePlanner); a drop on a fresh socket it gives up on
 * at once. So after a drop on a used socket, the next two identical requests are dropped as well.
 */
final class ConnectionDrops {

    private static final int OKHTTP_REPEATS = 2;
    private static final long REPEAT_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private record Request(String method, JsonNode body) {
    }

    private record Armed(int left, long deadlineNanos) {
    }

    private final Set<InetSocketAddress> answeredSockets = new HashSet<>();
    private final Map<Request, Armed> repeatsToDrop = new HashMap<>();

    /** Call before writing an answer: the next request on that socket may arrive as soon as it is out. */
    synchronized void answering(InetSocketAddress clientSocket) {
        answeredSockets.add(clientSocket);
    }

    synchronized void dropping(InetSocketAddress clientSocket, String method, JsonNode body) {
        if (answeredSockets.remove(clientSocket)) {
            repeatsToDrop.put(new Request(method, body), new Armed(OKHTTP_REPEATS, System.nanoTime() + REPEAT_WINDOW_NANOS));
        }
    }

    /** Whether this request is OkHttp repeating one we dropped, so it must be dropped too. */
    synchronized boolean isRepeatOfDropped(String method, JsonNode body) {
        Request request = new Request(method, body);
        Armed armed = repeatsToDrop.remove(request);
        if (armed == null || System.nanoTime() - armed.deadlineNanos() >= 0) {
            return false;
        }
        if (armed.left() > 1) {
            repeatsToDrop.put(request, new Armed(armed.left() - 1, armed.deadlineNanos()));
        }
        return true;
    }
}
