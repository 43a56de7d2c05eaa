package io.mcpconfig.schemas.config;

/**
 * A setting that stops a service at startup. Its message is one line that names the key,
 * what is wrong with it and how to fix it; a service prints it and exits non-zero.
 */
public final class BadSettingException extends RuntimeException {
    private final String key;

    public BadSettingException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    public BadSettingException(String key, String problem, Throwable cause) {
        super(key + ": " + problem, cause);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
