package dev.comeback.core.storage;

import java.util.Objects;

/** How far an adapter has handled its inbound stream ({@code name}, e.g. "telegram", at {@code position}). */
public record Cursor(String name, long position) {
    public Cursor {
        Objects.requireNonNull(name, "name");
    }
}
