package dev.comeback.telegram.fake;

/**
 * A failure {@link FakeBotApi#failNext} answers instead of the real result.
 *
 * @param errorCode   HTTP status and {@code error_code}; 0 means the connection is dropped without any response
 * @param description Telegram's {@code description}
 * @param retryAfter  {@code parameters.retry_after} in seconds, or null
 */
public record Fault(int errorCode, String description, Integer retryAfter) {

    public static Fault tooManyRequests(int retryAfterSeconds) {
        return new Fault(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds);
    }

    public static Fault forbidden() {
        return new Fault(403, "Forbidden: bot was blocked by the user", null);
    }

    public static Fault badRequest(String what) {
        return new Fault(400, "Bad Request: " + what, null);
    }

    public static Fault serverError() {
        return new Fault(500, "Internal Server Error", null);
    }

    /**
     * The server reads the request, then closes the socket without writing a single byte. OkHttp repeats a
     * request on its own when this hits a connection it had used before; the fake drops that repeat as well,
     * so the caller always sees one failed call (recorded as one or three calls with status 0).
     */
    public static Fault dropConnection() {
        return new Fault(0, "connection dropped", null);
    }

    public boolean dropsConnection() {
        return errorCode == 0;
    }
}
