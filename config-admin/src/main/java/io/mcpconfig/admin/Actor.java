package io.mcpconfig.admin;

import java.util.Objects;

/**
 * Who writes: every write method takes one, and the write's transaction runs with
 * {@code SET LOCAL mcpconfig.actor} set to {@link #name()}, so history and the change stream name the person.
 */
public record Actor(String name) {
    public Actor {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("actor must have 1 to 200 characters, got '" + name + "'");
        }
    }
}
