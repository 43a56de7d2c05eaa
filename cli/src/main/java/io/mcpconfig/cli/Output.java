package io.mcpconfig.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Printing for people (aligned tables) and for scripts (JSON). */
final class Output {
    /** How a command prints what it read. */
    enum Format { TABLE, JSON }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

    private Output() {}

    static void json(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Columns padded to their widest cell; the last column is not padded. */
    static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), widths[i] + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** A field value on one line: text abbreviated, JSON compact; "-" when empty. */
    static String brief(JsonNode value, int max) {
        if (value == null || value.isNull()) {
            return "-";
        }
        String s = value.isTextual() ? value.asText() : value.toString();
        int nl = s.indexOf('\n');
        String first = nl < 0 ? s : s.substring(0, nl) + " ...";
        return first.length() <= max ? first : first.substring(0, max - 3) + "...";
    }

    /**
     * One changed field: "field: before -> after" on one line, or for multi-line text the lines that
     * differ (common leading and trailing lines left out), so a plan shows what a template edit changes.
     */
    static void change(PrintWriter out, String indent, io.mcpconfig.admin.FieldChange c) {
        String before = c.before() != null && c.before().isTextual() ? c.before().asText() : null;
        String after = c.after() != null && c.after().isTextual() ? c.after().asText() : null;
        if (before == null || after == null || (!before.contains("\n") && !after.contains("\n"))) {
            out.println(indent + c.field() + ": " + brief(c.before(), 60) + " -> " + brief(c.after(), 60));
            return;
        }
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        int last = Math.max(start + 1, endA);
        out.println(indent + c.field() + ": " + (last == start + 1 ? "line " + last : "lines " + (start + 1) + "-" + last) + " changed:");
        a.subList(start, endA).forEach(l -> out.println(indent + "  - " + l));
        b.subList(start, endB).forEach(l -> out.println(indent + "  + " + l));
    }

    static String text(Object o) {
        return o == null ? "-" : o.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
