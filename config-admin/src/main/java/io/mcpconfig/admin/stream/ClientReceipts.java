package io.mcpconfig.admin.stream;

import io.mcpconfig.schemas.config.KafkaSettings;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/**
 * Only the caches' receipts (the clients part of {@link PipelineStatus}), for callers that poll them
 * often: the console counts the MCP servers that applied a save. Reads only.
 */
public final class ClientReceipts {
    private ClientReceipts() {}

    /** Every running client-cache's latest receipt, by host and id; a receipt-less topic gives an empty list. */
    public static List<PipelineStatus.Client> read(KafkaSettings kafka, Clock clock) {
        try (Admin admin = Clients.admin(kafka)) {
            return StatusReader.clients(kafka, admin, clock.instant());
        }
    }
}
