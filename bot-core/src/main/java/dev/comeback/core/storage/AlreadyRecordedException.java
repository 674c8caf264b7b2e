package dev.comeback.core.storage;

/** A turn that records a reminder's delivery found it recorded already; nothing of the turn was kept. */
public final class AlreadyRecordedException extends StorageException {
    public AlreadyRecordedException(DeliveryMark mark) {
        super("reminder " + mark.reminderId() + " of " + mark.userKey() + " was recorded before", null);
    }
}
