package dev.comeback.core.delivery;

import dev.comeback.core.message.Attachment;

import java.util.Objects;

/**
 * A file made for sending: its kind (name, media type), its bytes, and whether it goes as a photo (shown
 * inline) or as a document; a photo too big for the platform's photo limit goes as a document.
 */
public record FileData(Attachment.Kind kind, byte[] bytes, boolean photo) {
    public FileData {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new IllegalArgumentException("an empty file");
        }
    }

    /** As its kind says: a photo for the chart, a document for the rest. */
    public FileData(Attachment.Kind kind, byte[] bytes) {
        this(kind, bytes, kind.photo());
    }

    public String fileName() {
        return kind.fileName();
    }

    public String mediaType() {
        return kind.mediaType();
    }

    public FileData asDocument() {
        return new FileData(kind, bytes, false);
    }
}
