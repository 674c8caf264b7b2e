package dev.comeback.core.delivery;

import dev.comeback.core.message.Attachment;
import dev.comeback.core.message.UserRef;

import java.time.Instant;

/**
 * Makes the file an {@link Attachment} asks for, from what is stored about {@code user} at {@code now}. The
 * {@link Dispatcher} calls it on its render thread just before the file is sent, never on a turn's thread.
 */
public interface FileRenderer {
    /** @throws RuntimeException when the file cannot be made (then the person is told so instead) */
    FileData render(UserRef user, Attachment attachment, Instant now);
}
