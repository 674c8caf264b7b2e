package dev.comeback.app;

import dev.comeback.core.delivery.Dispatcher;
import dev.comeback.core.delivery.FileData;
import dev.comeback.core.delivery.FileRenderer;
import dev.comeback.core.message.Attachment;
import dev.comeback.core.message.UserRef;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The console's files (/progress, /report, /export), in both console modes: made by {@code files} and written
 * into {@code folder} as {@code <user>-<file name>} (the next one of a kind replaces the last).
 */
final class ConsoleFiles {
    private final FileRenderer files;
    private final Path folder;
    private final PrintStream err;

    ConsoleFiles(FileRenderer files, Path folder, PrintStream err) {
        this.files = files;
        this.folder = folder;
        this.err = err;
    }

    /**
     * Makes the file for {@code user} as of {@code now} and writes it; returns the {@code file: <absolute path>}
     * line, or, when it cannot be made or written, a bot line (with {@code prefix} in front) saying so, the
     * cause going to standard error.
     */
    String line(UserRef user, Attachment attachment, Instant now, String prefix) {
        try {
            FileData made = files.render(user, attachment, now);
            Files.createDirectories(folder);
            String safeUser = user.id().replaceAll("[^A-Za-z0-9_.-]", "_");
            Path path = folder.resolve(safeUser + "-" + made.fileName());
            Files.write(path, made.bytes());
            return "file: " + path.toAbsolutePath();
        } catch (IOException | RuntimeException e) {
            err.println("console: cannot make " + attachment.kind().fileName() + ": " + e.getMessage());
            return prefix + "bot> " + Dispatcher.FILE_FAILED;
        }
    }
}
