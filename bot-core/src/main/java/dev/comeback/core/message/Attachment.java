package dev.comeback.core.message;

import java.util.Objects;

/**
 * A file a reply carries, as a request: what to make, not the bytes. The file is made from what is stored
 * about the person just before it is sent (see {@code dev.comeback.core.delivery.FileRenderer}), so the
 * outbox row stays small and a queued file survives a restart.
 */
public record Attachment(Kind kind) {
    /** What the file is: its name, its media type, and whether platforms show it as a photo. */
    public enum Kind {
        /** The pain chart (/progress), a PNG shown inline as a photo. */
        CHART("comeback-progress.png", "image/png", true),
        /** The one-page summary for a clinician (/report), a PDF document. */
        REPORT("comeback-report.pdf", "application/pdf", false),
        /** Everything stored about the person (/export), a JSON document. */
        EXPORT("comeback-data.json", "application/json", false);

        private final String fileName;
        private final String mediaType;
        private final boolean photo;

        Kind(String fileName, String mediaType, boolean photo) {
            this.fileName = fileName;
            this.mediaType = mediaType;
            this.photo = photo;
        }

        public String fileName() {
            return fileName;
        }

        public String mediaType() {
            return mediaType;
        }

        public boolean photo() {
            return photo;
        }
    }

    public Attachment {
        Objects.requireNonNull(kind, "kind");
    }

    public static Attachment of(Kind kind) {
        return new Attachment(kind);
    }
}
