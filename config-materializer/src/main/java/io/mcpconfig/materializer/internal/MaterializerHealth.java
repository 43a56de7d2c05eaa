package io.mcpconfig.materializer.internal;

import io.mcpconfig.management.Health;
import org.apache.kafka.streams.KafkaStreams;

/** The materializer's readiness from Kafka Streams' state: ready only when RUNNING. Stateless. */
public final class MaterializerHealth {
    private MaterializerHealth() {}

    public static Health of(KafkaStreams.State state) {
        return switch (state) {
            case RUNNING -> Health.ready("materializer RUNNING");
            // Tasks are being assigned or their stores restored: views wait, the process is fine.
            case CREATED, REBALANCING -> Health.notReady("materializer " + state + ": tasks not assigned and restored yet");
            // Stopping, stopped or failed: no stream thread will process again in this process.
            case PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR -> Health.down("materializer " + state
                    + ": Kafka Streams stopped; see the log and restart it");
        };
    }
}
