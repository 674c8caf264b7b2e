package dev.comeback.core.scheduling;

/** The reminder scheduler could not do what was asked (usually its database could not be reached). */
public final class SchedulingException extends RuntimeException {
    public SchedulingException(String message, Throwable cause) {
        super(message, cause);
    }
}
