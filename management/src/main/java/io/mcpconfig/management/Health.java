package io.mcpconfig.management;

import java.util.Objects;

/**
 * One answer of a {@link Readiness} check: whether the service is ready, alive but not ready, or
 * down (it will not recover without a restart), and one line saying why, for the person on call.
 *
 * @param state what {@code /health/ready} (200 only when {@link State#READY}) and {@code /health/live}
 *     (503 only when {@link State#DOWN}) answer
 * @param reason one line, e.g. "materializer RUNNING" or "standby: another publisher holds slot 'mcpconfig'"
 */
public record Health(State state, String reason) {

    public enum State {
        /** Doing its job: send it traffic. */
        READY,
        /** Alive, but not (yet) doing its job: starting, catching up, retrying. Don't restart it. */
        NOT_READY,
        /** Stopped for good or broken: restart it. */
        DOWN
    }

    public Health {
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason.replaceAll("\\s+", " ").trim();
    }

    public static Health ready(String reason) {
        return new Health(State.READY, reason);
    }

    public static Health notReady(String reason) {
        return new Health(State.NOT_READY, reason);
    }

    public static Health down(String reason) {
        return new Health(State.DOWN, reason);
    }

    public boolean isReady() {
        return state == State.READY;
    }

    public boolean isAlive() {
        return state != State.DOWN;
    }

    /** The small JSON body of the health endpoints: {@code {"status":"READY","reason":"..."}}. */
    String toJson() {
        return "{\"status\":\"" + state + "\",\"reason\":\"" + escape(reason) + "\"}";
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
