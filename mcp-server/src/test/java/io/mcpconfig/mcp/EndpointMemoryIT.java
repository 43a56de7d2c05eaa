package io.mcpconfig.mcp;

import static io.mcpconfig.mcp.Fixtures.prompt;
import static io.mcpconfig.mcp.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.mcp.internal.OrgEndpoints;
import io.mcpconfig.schemas.Scopes;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The memory 10,000 orgs touched once cost before and after idle eviction (docs/benchmarks.md):
 * each touch builds the org's SDK server as a first request does; a test clock then passes the
 * idle timeout. Heap after a full GC; noisy on a shared machine, so only the direction is asserted.
 * Figures go to stdout and target/endpoint-memory.txt.
 */
class EndpointMemoryIT {
    private static final int ORGS = 10_000;

    @Test
    void ten_thousand_orgs_touched_once_are_evicted_and_their_memory_released() throws Exception {
        InMemorySource source = new InMemorySource();
        source.put(Fixtures.view(Scopes.DEFAULTS, 1, List.of(prompt("summarize", "Summarize {{text}}"), prompt("review", "r")),
                List.of(text("docs://policy", "policy"))));
        AtomicLong clock = new AtomicLong();
        long baseline = usedHeap();
        try (OrgEndpoints endpoints = new OrgEndpoints(source, DefaultServerTransportSecurityValidator.builder()
                .allowedHosts(McpServerConfig.DEFAULT_ALLOWED_HOSTS).build(), Duration.ofMinutes(30), clock::get)) {
            for (int i = 0; i < ORGS; i++) {
                endpoints.touch("org-" + i);
            }
            assertThat(endpoints.size()).isEqualTo(ORGS);
            long touched = usedHeap();
            clock.addAndGet(Duration.ofMinutes(31).toNanos());
            assertThat(endpoints.evictIdle()).isEqualTo(ORGS);
            assertThat(endpoints.size()).isZero();
            long evicted = usedHeap();
            String report = String.format("orgs=%d baselineMiB=%.1f touchedMiB=%.1f evictedMiB=%.1f perOrgKiB=%.1f%n",
                    ORGS, mib(baseline), mib(touched), mib(evicted), (touched - baseline) / 1024.0 / ORGS);
            System.out.print(report);
            Files.writeString(Path.of("target/endpoint-memory.txt"), report);
            assertThat(evicted).as("eviction releases what the endpoints held").isLessThan(touched);
        }
    }

    private static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
