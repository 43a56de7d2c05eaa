package io.mcpconfig.mcp.internal;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP request to {@code /mcp} as the metrics see it: which MCP method it carries (read from
 * the body, which is then handed on unchanged) and how it ended (HTTP status, and whether the
 * JSON-RPC answer was a result or an error). Records once, when the response is complete (the
 * SDK answers requests asynchronously, over SSE). Not thread-safe, except {@link #finish()}.
 */
final class MeteredExchange {
    /** Bodies up to this size are parsed for their method; larger ones count as "other". */
    private static final int PARSED_BODY_LIMIT = 1024 * 1024;

    private final McpMetrics metrics;
    private final Request request;
    private final Response response;
    private final AtomicBoolean recorded = new AtomicBoolean();
    private volatile boolean openStream; // set on the servlet thread, read on the one completing the response
    private String method = McpMetrics.UNREAD;

    MeteredExchange(McpMetrics metrics, HttpServletRequest request, HttpServletResponse response) {
        this.metrics = metrics;
        this.request = new Request(request);
        this.response = new Response(response);
    }

    HttpServletRequest request() {
        return request;
    }

    HttpServletResponse response() {
        return response;
    }

    /** Reads the method from the request (called once the caller is authenticated). */
    void readMethod() throws IOException {
        method = switch (request.getMethod()) {
            case "GET" -> McpMetrics.STREAM;
            case "DELETE" -> McpMetrics.DELETE;
            case "POST" -> request.bufferAndParse();
            default -> "other";
        };
    }

    /** Records now, or when the asynchronous response completes. */
    void finish() {
        if (!request.isAsyncStarted()) {
            record();
            return;
        }
        if (McpMetrics.STREAM.equals(method)) {
            // The SDK attached the session's listening stream before returning: it is open from here
            // until the asynchronous response completes.
            openStream = true;
            metrics.streamOpened();
        }
        try {
            listenForCompletion();
        } catch (IllegalStateException alreadyCompleted) { // the answer went out before we got here
            record();
        }
    }

    private void listenForCompletion() {
        request.getAsyncContext().addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                record();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                record();
            }

            @Override
            public void onError(AsyncEvent event) {
                record();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {}
        });
    }

    private void record() {
        if (recorded.compareAndSet(false, true)) {
            if (openStream) {
                metrics.streamClosed();
            }
            metrics.request(method, outcome(response.status, response.answer));
        }
    }

    /** The outcome label from the HTTP status and the first JSON-RPC answer written, if any. */
    static String outcome(int status, String answer) {
        if (status >= 500) {
            return McpMetrics.FAILED;
        }
        if (status >= 400) {
            return McpMetrics.REJECTED;
        }
        return "error".equals(answer) ? McpMetrics.ERROR : McpMetrics.OK;
    }

    /** The method label of a JSON-RPC message body. */
    static String methodOf(String body) {
        try {
            McpSchema.JSONRPCMessage message = McpSchema.deserializeJsonRpcMessage(McpJsonDefaults.getMapper(), body);
            if (message instanceof McpSchema.JSONRPCRequest r) {
                return McpMetrics.methodLabel(r.method());
            }
            if (message instanceof McpSchema.JSONRPCNotification n) {
                return McpMetrics.methodLabel(n.method());
            }
            return McpMetrics.RESPONSE;
        } catch (Exception e) { // not JSON-RPC: the SDK answers 400, counted as rejected
            return "unreadable";
        }
    }

    private static final class Request extends HttpServletRequestWrapper {
        private InputStream body;

        Request(HttpServletRequest request) {
            super(request);
        }

        String bufferAndParse() throws IOException {
            InputStream in = super.getInputStream();
            byte[] head = in.readNBytes(PARSED_BODY_LIMIT + 1);
            if (head.length > PARSED_BODY_LIMIT) {
                body = new SequenceInputStream(new ByteArrayInputStream(head), in);
                return "other";
            }
            body = new ByteArrayInputStream(head);
            return methodOf(new String(head, StandardCharsets.UTF_8));
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                return super.getInputStream();
            }
            InputStream source = body;
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return source.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return source.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    try {
                        return source.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already; read it blocking");
                }
            };
        }
    }

    private static final class Response extends HttpServletResponseWrapper {
        private volatile int status = 200;
        private volatile String answer;
        private PrintWriter writer;

        Response(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            status = sc;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            status = sc;
            super.sendError(sc, msg);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(new AnswerSniffer(super.getWriter(), a -> answer = a));
            }
            return writer;
        }
    }

    /**
     * Passes everything through and notes whether {@code "result":} or {@code "error":} comes first:
     * in a JSON-RPC response those keys follow only {@code jsonrpc} and {@code id}, and inside
     * string values their quotes would be escaped, so the first one is the answer's kind.
     */
    static final class AnswerSniffer extends Writer {
        private static final String RESULT = "\"result\":";
        private static final String ERROR = "\"error\":";

        private final Writer out;
        private final java.util.function.Consumer<String> decided;
        private final StringBuilder tail = new StringBuilder();
        private boolean done;

        AnswerSniffer(Writer out, java.util.function.Consumer<String> decided) {
            this.out = out;
            this.decided = decided;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            for (int i = off; i < off + len && !done; i++) {
                tail.append(cbuf[i]);
                if (tail.length() > RESULT.length()) {
                    tail.deleteCharAt(0);
                }
                if (endsWith(RESULT)) {
                    decide("result");
                } else if (endsWith(ERROR)) {
                    decide("error");
                }
            }
            out.write(cbuf, off, len);
        }

        private boolean endsWith(String s) {
            int n = tail.length();
            return n >= s.length() && tail.substring(n - s.length()).equals(s);
        }

        private void decide(String answer) {
            done = true;
            decided.accept(answer);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
