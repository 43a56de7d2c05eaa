package io.mcpconfig.admin.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;

/** {@link PipelineStatus} for people (one screen) and for scripts (JSON). Thread-safe. */
public final class StatusFormat {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    private StatusFormat() {}

    /** One JSON object (records' components as keys; instants and durations in ISO-8601). */
    public static String json(PipelineStatus s) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status is not JSON-writable", e);
        }
    }

    /** The screen {@code mcpconfig status} prints. */
    public static String text(PipelineStatus s) {
        StringBuilder b = new StringBuilder();
        PipelineStatus.Publisher p = s.publisher();
        b.append("publisher     ").append(p.state()).append(" (").append(p.instances()).append(" instance")
                .append(p.instances() == 1 ? "" : "s").append("), slot ").append(p.slot())
                .append(", confirmed ").append(dash(p.confirmedLsn())).append(", slot lag ")
                .append(p.slotLagBytes() == null ? "-" : p.slotLagBytes() + " bytes").append('\n');
        b.append("              last commit ").append(dash(p.lastCommitLsn())).append(" at ").append(dash(p.lastCommitTime()))
                .append(" (").append(age(p.lastCommitAge())).append(" ago)").append('\n');
        problem(b, p.problem());
        PipelineStatus.Materializer m = s.materializer();
        b.append("materializer  ").append(m.state()).append(", ").append(m.members()).append(" member")
                .append(m.members() == 1 ? "" : "s").append(", lag ").append(m.totalLag()).append(" events")
                .append(" (").append(m.applicationId()).append(")\n");
        for (PipelineStatus.PartitionLag l : m.partitions()) {
            b.append(String.format("              partition %-3d committed %-8d end %-8d lag %d%n",
                    l.partition(), l.committed(), l.end(), l.lag()));
        }
        problem(b, m.problem());
        PipelineStatus.Views v = s.views();
        b.append("views         ").append(v.count()).append(" in ").append(v.topic()).append(", newest revision ")
                .append(dash(v.newestRevision())).append(" at ").append(dash(v.newestUpdatedAt())).append('\n');
        problem(b, v.problem());
        b.append("caches        ").append(s.clients().size()).append(" running\n");
        for (PipelineStatus.Client c : s.clients()) {
            b.append(String.format("              %-20s %-7s %4d views  revision %-14s lag %-4s seen %s ago%s  (%s)%n",
                    c.host(), c.status(), c.viewsHeld(), dash(c.appliedRevision()),
                    c.lagRecords() < 0 ? "?" : String.valueOf(c.lagRecords()), age(c.staleness()),
                    c.stale() ? "  STALE" : "", c.clientId()));
        }
        problem(b, s.clientsProblem());
        return b.toString();
    }

    private static void problem(StringBuilder b, String problem) {
        if (problem != null) {
            b.append("              ! ").append(problem).append('\n');
        }
    }

    private static String dash(Object o) {
        return o == null ? "-" : o.toString();
    }

    private static String age(Duration d) {
        if (d == null) {
            return "-";
        }
        long ms = d.toMillis();
        return ms < 10_000 ? ms + " ms" : ms < 600_000 ? ms / 1000 + " s" : ms / 60_000 + " min";
    }
}
