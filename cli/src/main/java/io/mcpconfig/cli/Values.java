package io.mcpconfig.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Option values: {@code @path} reads a file (picocli's own @-file expansion is off for this). */
final class Values {
    private Values() {}

    static String text(String option, String value) {
        return value.startsWith("@") ? new String(bytes(option, value), StandardCharsets.UTF_8) : value;
    }

    /** A blob option: {@code @path} for the file's bytes, else the value is base64 already. */
    static String base64(String option, String value) {
        if (value.startsWith("@")) {
            return Base64.getEncoder().encodeToString(bytes(option, value));
        }
        try {
            Base64.getDecoder().decode(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": not base64; pass @FILE to read the bytes of a file");
        }
    }

    static byte[] bytes(String option, String value) {
        Path path = Path.of(value.substring(1));
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + ": cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    static boolean bool(String option, String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(option + ": '" + value + "' is not true or false");
        };
    }
}
