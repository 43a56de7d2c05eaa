package io.mcpconfig.admin.stream;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The content fields of an Avro row image as plain values (strings, booleans, numbers, lists and
 * maps; a blob as base64), in schema order, for people and JSON. Walks the schema, so a field
 * added to a row type shows up without a change here. Pure.
 */
final class RowFields {
    /**
     * Not content: the key and scope (shown as the entry's key and scope) and the bookkeeping every
     * write changes (shown as version, commit time and actor).
     */
    private static final Set<String> NOT_CONTENT = Set.of("orgId", "version", "updatedAt", "updatedBy");

    private RowFields() {}

    /** Content fields of {@code row} (null row: empty); null values included. */
    static Map<String, Object> of(Object row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (!(row instanceof SpecificRecord record)) {
            return fields;
        }
        Schema schema = record.getSchema();
        String key = keyField(schema);
        for (Schema.Field f : schema.getFields()) {
            if (!NOT_CONTENT.contains(f.name()) && !f.name().equals(key)) {
                fields.put(f.name(), plain(record.get(f.pos())));
            }
        }
        return fields;
    }

    /** Names of the fields whose values differ between two images (absent image: every non-null field). */
    static List<String> changed(Map<String, Object> before, Map<String, Object> after) {
        List<String> changed = new ArrayList<>();
        Map<String, Object> names = new LinkedHashMap<>(before);
        names.putAll(after);
        for (String name : names.keySet()) {
            Object b = before.get(name);
            Object a = after.get(name);
            if (!Objects.equals(a, b)) {
                changed.add(name);
            }
        }
        return changed;
    }

    /** The field naming the row inside its scope: a prompt's name, a resource's URI, an org's id. */
    private static String keyField(Schema schema) {
        return switch (schema.getName()) {
            case "PromptRow" -> "name";
            case "ResourceRow" -> "uri";
            default -> "id";
        };
    }

    static Object plain(Object value) {
        if (value instanceof ByteBuffer b) {
            ByteBuffer copy = b.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof CharSequence s) {
            return s.toString();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof SpecificRecord r) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Schema.Field f : r.getSchema().getFields()) {
                out.put(f.name(), plain(r.get(f.pos())));
            }
            return out;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof java.time.Instant i) {
            return i.toString();
        }
        return value; // Boolean, Long, Integer are shown as they are
    }
}
