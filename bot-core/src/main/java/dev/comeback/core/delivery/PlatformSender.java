package dev.comeback.core.delivery;

/**
 * What a platform adapter gives the {@link Dispatcher}: its name in the outbox, its limits, and one call that
 * renders a laid-out {@link Part} for the platform, sends it, and maps the answer to an {@link Outcome}.
 * It does not retry, pace or split: the dispatcher does.
 */
public interface PlatformSender {
    /** The platform's name in the outbox ({@code telegram}, {@code discord}). */
    String platform();

    DeliveryLimits limits();

    /**
     * The text as it will be on the wire (escaped for the platform's markup), so that parts are cut to fit
     * the platform's length limit after escaping. Identity by default.
     */
    default String escape(String text) {
        return text;
    }

    /** Sends part {@code index} of {@code message}; must not throw for anything the platform answered. */
    Outcome send(OutboxMessage message, Part part, int index);
}
