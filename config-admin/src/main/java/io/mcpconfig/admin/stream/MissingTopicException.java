package io.mcpconfig.admin.stream;

/** A topic the control plane reads does not exist (wrong prefix or broker, or the services never ran). */
public final class MissingTopicException extends IllegalStateException {
    private final String topic;

    public MissingTopicException(String topic) {
        super("topic " + topic + " does not exist: check the topic prefix and the bootstrap servers, "
                + "or start the services that create it");
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }
}
