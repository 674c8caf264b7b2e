package dev.comeback.core.delivery;

import dev.comeback.core.message.Attachment;
import dev.comeback.core.message.Button;

import java.util.List;
import java.util.Optional;

/**
 * One platform message: text within the platform's length limit, the buttons under it, and whether it
 * carries the way to a private chat with the bot (the core's group policy; each platform renders it), and what
 * that way carries in ({@code pointerStart}, a join token; empty for none). With an {@code attachment} the
 * text is the file's caption; {@code file} holds the file once it is made (the dispatcher makes it just
 * before sending), empty in the layout.
 */
public record Part(String text, List<Button> buttons, boolean privatePointer, String pointerStart,
                   Optional<Attachment> attachment, Optional<FileData> file) {
    public Part {
        buttons = List.copyOf(buttons);
        pointerStart = pointerStart == null ? "" : pointerStart;
        attachment = attachment == null ? Optional.empty() : attachment;
        file = file == null ? Optional.empty() : file;
    }

    public Part(String text, List<Button> buttons, boolean privatePointer, String pointerStart) {
        this(text, buttons, privatePointer, pointerStart, Optional.empty(), Optional.empty());
    }

    public Part(String text, List<Button> buttons, boolean privatePointer) {
        this(text, buttons, privatePointer, "");
    }

    /** The same part with its file made. */
    public Part withFile(FileData made) {
        return new Part(text, buttons, privatePointer, pointerStart, attachment, Optional.of(made));
    }
}
