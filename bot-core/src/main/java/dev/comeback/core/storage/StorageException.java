package dev.comeback.core.storage;

/** The database could not do what was asked; the state in it is unchanged. */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
