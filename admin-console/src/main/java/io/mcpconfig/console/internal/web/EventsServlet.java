package io.mcpconfig.console.internal.web;

import io.mcpconfig.console.internal.Propagation;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /events/<watch>}: Server-Sent Events telling the page where its save is: event
 * {@code propagated} (an HTML fragment, swapped in by htmx's SSE extension) once the new view is in
 * {@code mcpconfig.views}, again as MCP servers apply it, then {@code done} (the page closes the
 * stream). One request thread per open confirmation: a console has few concurrent savers.
 */
public final class EventsServlet extends HttpServlet {
    static final Duration VIEWS_TIMEOUT = Duration.ofSeconds(60);
    static final Duration SERVERS_TIMEOUT = Duration.ofSeconds(30);
    static final long SERVER_POLL_MS = 100;

    private final Propagation propagation;
    private final Html html;

    public EventsServlet(Propagation propagation, Html html) {
        this.propagation = propagation;
        this.html = html;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        Propagation.Watch watch = propagation.watch(id);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("utf-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        if (watch == null) {
            send(out, "propagated", Map.of("message", "This save is no longer followed."));
            send(out, "done", Map.of());
            return;
        }
        long revision;
        try {
            revision = watch.inViews().get(VIEWS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            send(out, "propagated", Map.of("message", "Not in mcpconfig.views after " + VIEWS_TIMEOUT.toSeconds()
                    + " s: check the pipeline's status.", "problem", true));
            send(out, "done", Map.of());
            return;
        } catch (InterruptedException | ExecutionException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long viewsMs = watch.elapsedMillis();
        send(out, "propagated", Map.of("message", progress(viewsMs, null, 0)));
        long deadline = System.nanoTime() + SERVERS_TIMEOUT.toNanos();
        Propagation.Servers last = null;
        while (System.nanoTime() < deadline) {
            Propagation.Servers servers = propagation.servers(revision);
            if (!servers.equals(last)) {
                last = servers;
                send(out, "propagated", Map.of("message", progress(viewsMs, servers, watch.elapsedMillis())));
            }
            if (servers.known() < 0 || (servers.known() > 0 && servers.reached() >= servers.known())) {
                break;
            }
            try {
                Thread.sleep(SERVER_POLL_MS); // polling the receipts: they arrive on their own schedule
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        send(out, "done", Map.of());
    }

    static String progress(long viewsMs, Propagation.Servers servers, long serversMs) {
        String views = "Saved. In mcpconfig.views after " + viewsMs + " ms";
        if (servers == null) {
            return views + "; waiting for the MCP servers…";
        }
        if (servers.known() < 0) {
            return views + "; the MCP servers' receipts can't be read.";
        }
        if (servers.known() == 0) {
            return views + "; no MCP server's receipt is known.";
        }
        return views + "; on " + servers.reached() + " of " + servers.known() + " MCP servers"
                + (servers.reached() > 0 ? " after " + serversMs + " ms" : "") + ".";
    }

    private void send(PrintWriter out, String event, Map<String, Object> context) {
        out.write("event: " + event + "\n");
        String fragment = event.equals("done") ? "" : html.render("propagated", context);
        for (String line : fragment.split("\n", -1)) {
            out.write("data: " + line + "\n");
        }
        out.write("\n");
        out.flush();
    }
}
