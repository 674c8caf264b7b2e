package dev.comeback.bench;

import java.nio.file.Path;

/**
 * What every scenario is told: whether this is the small CI run, a folder of its own for databases and
 * scratch files, and where the launcher jar is (the start-up scenario runs it as a separate process).
 */
public record RunContext(boolean quick, Path workDir, Path appJar) {
    /** {@code full} in a full run, {@code quick} with --quick. */
    public <T> T size(T full, T quick) {
        return this.quick ? quick : full;
    }
}
