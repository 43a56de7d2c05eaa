package io.mcpconfig.schemas.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Raw settings of a service: environment variables ({@code MCPCONFIG_*}), over an optional
 * properties file named by {@code MCPCONFIG_CONFIG_FILE} (keys written the same way). Typed
 * getters fail with a {@link BadSettingException} naming the key and the fix. Immutable.
 */
public final class Settings {
    public static final String CONFIG_FILE = "MCPCONFIG_CONFIG_FILE";

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Settings from the process environment (and the properties file it may name). */
    public static Settings fromEnvironment() {
        return fromMap(System.getenv());
    }

    /** Settings from a map standing for the environment (and the properties file it may name). */
    public static Settings fromMap(Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>();
        String file = environment.get(CONFIG_FILE);
        if (file != null && !file.isBlank()) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of(file))) {
                properties.load(reader);
            } catch (IOException e) {
                throw new BadSettingException(CONFIG_FILE, "can't read properties file " + file + " (" + e + "); fix the path or unset it", e);
            }
            properties.stringPropertyNames().forEach(k -> merged.put(k, properties.getProperty(k)));
        }
        environment.forEach((k, v) -> {
            if (k.startsWith("MCPCONFIG_")) {
                merged.put(k, v);
            }
        });
        merged.values().removeIf(String::isBlank);
        return new Settings(merged);
    }

    public Optional<String> optional(String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim);
    }

    /** Every setting whose key starts with {@code prefix}, keyed as given (for pass-through families). */
    public Map<String, String> startingWith(String prefix) {
        Map<String, String> out = new java.util.TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k, v.trim());
            }
        });
        return out;
    }

    public String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    /** A setting without a default; {@code hint} says what to set it to, e.g. "set it to host:port of a Kafka broker". */
    public String required(String key, String hint) {
        return optional(key).orElseThrow(() -> new BadSettingException(key, "is not set; " + hint));
    }

    public int integer(String key, int defaultValue, int min, int max) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new BadSettingException(key, "is " + value + "; set a whole number from " + min + " to " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadSettingException(key, "'" + raw.get() + "' is not a whole number; set one from " + min + " to " + max);
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase()) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new BadSettingException(key, "'" + raw.get() + "' is not a boolean; set true or false");
        };
    }
}
