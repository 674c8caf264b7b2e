package dev.comeback.core.content;

/** A content file that cannot be used; the message names the file, the field and the problem. */
public final class ContentException extends RuntimeException {
    public ContentException(String file, String field, String problem) {
        super(file + ": " + field + ": " + problem);
    }

    public ContentException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
