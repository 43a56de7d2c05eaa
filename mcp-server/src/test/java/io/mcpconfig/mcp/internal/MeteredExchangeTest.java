package io.mcpconfig.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MeteredExchangeTest {
    @Test
    void the_method_label_comes_from_the_body_and_stays_within_the_known_set() {
        assertThat(MeteredExchange.methodOf("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/get\",\"params\":{\"name\":\"x\"}}"))
                .isEqualTo("prompts/get");
        assertThat(MeteredExchange.methodOf("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
                .isEqualTo("notifications/initialized");
        assertThat(MeteredExchange.methodOf("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"made/up/by/a/client\"}")).isEqualTo("other");
        assertThat(MeteredExchange.methodOf("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}")).isEqualTo("response");
        assertThat(MeteredExchange.methodOf("not json")).isEqualTo("unreadable");
    }

    @Test
    void the_outcome_is_the_http_status_class_or_the_json_rpc_answer() {
        assertThat(MeteredExchange.outcome(200, "result")).isEqualTo(McpMetrics.OK);
        assertThat(MeteredExchange.outcome(202, null)).isEqualTo(McpMetrics.OK);
        assertThat(MeteredExchange.outcome(200, "error")).isEqualTo(McpMetrics.ERROR);
        assertThat(MeteredExchange.outcome(401, null)).isEqualTo(McpMetrics.REJECTED);
        assertThat(MeteredExchange.outcome(404, null)).isEqualTo(McpMetrics.REJECTED);
        assertThat(MeteredExchange.outcome(500, null)).isEqualTo(McpMetrics.FAILED);
    }

    @Test
    void the_sniffer_passes_everything_through_and_sees_the_first_answer_key() throws Exception {
        StringWriter out = new StringWriter();
        AtomicReference<String> answer = new AtomicReference<>();
        try (MeteredExchange.AnswerSniffer sniffer = new MeteredExchange.AnswerSniffer(out, answer::set)) {
            String sse = "event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":\"a\",\"error\":{\"code\":-32602,\"message\":\"x\"}}\n\n";
            sniffer.write(sse.substring(0, 30));
            sniffer.write(sse.substring(30));
            sniffer.flush();
            assertThat(out.toString()).isEqualTo(sse);
        }
        assertThat(answer.get()).isEqualTo("error");

        AtomicReference<String> ok = new AtomicReference<>();
        try (MeteredExchange.AnswerSniffer sniffer = new MeteredExchange.AnswerSniffer(new StringWriter(), ok::set)) {
            // a text that talks about \"error\": stays inside an escaped string
            sniffer.write("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"text\":\"\\\"error\\\": none\"}}");
        }
        assertThat(ok.get()).isEqualTo("result");
    }

    @Test
    void sessions_are_counted_from_successful_initialize_and_delete() {
        McpMetrics metrics = new McpMetrics(new SimpleMeterRegistry());
        metrics.request("initialize", McpMetrics.OK);
        metrics.request("initialize", McpMetrics.OK);
        metrics.request("initialize", McpMetrics.REJECTED);
        metrics.request(McpMetrics.DELETE, McpMetrics.OK);
        assertThat(metrics.sessions()).isEqualTo(1);
        metrics.request(McpMetrics.DELETE, McpMetrics.OK);
        metrics.request(McpMetrics.DELETE, McpMetrics.OK);
        assertThat(metrics.sessions()).isZero();
    }
}
