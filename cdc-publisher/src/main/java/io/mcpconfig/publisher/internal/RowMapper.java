package io.mcpconfig.publisher.internal;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ConfigTable;
import io.mcpconfig.schemas.avro.OrganizationRow;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import io.mcpconfig.admin.db.PromptArguments;
import io.mcpconfig.admin.db.PromptMessages;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.connect.data.Struct;

/**
 * Maps a row image as Debezium gives it (a Connect {@link Struct} with the table's column names)
 * to our Avro row. Column types as the connector is configured: text as String, jsonb as its JSON
 * text, bytea as bytes ({@code binary.handling.mode=bytes}), timestamptz as ISO-8601 text.
 * Stateless and thread-safe.
 */
public final class RowMapper {
    private RowMapper() {}

    /** The table a Debezium source names, if it is one of ours. */
    public static Optional<ConfigTable> table(String name) {
        try {
            return Optional.of(ConfigTable.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /** The Avro row for a row image of {@code table}; {@link IllegalArgumentException} if it can't be mapped. */
    public static Object map(ConfigTable table, Struct row) {
        return switch (table) {
            case ORGANIZATION -> OrganizationRow.newBuilder()
                    .setId(required(row, "id"))
                    .setDisplayName(required(row, "display_name"))
                    .setActive(Boolean.TRUE.equals(row.get("active")))
                    .setVersion(version(row))
                    .setUpdatedAt(instant(row, "updated_at"))
                    .setUpdatedBy(text(row, "updated_by"))
                    .build();
            case DEFAULT_PROMPT, ORGANIZATION_PROMPT -> PromptRow.newBuilder()
                    .setOrgId(table == ConfigTable.ORGANIZATION_PROMPT ? required(row, "org_id") : null)
                    .setName(required(row, "name"))
                    .setTitle(text(row, "title"))
                    .setDescription(text(row, "description"))
                    .setTemplate(text(row, "template"))
                    .setArguments(PromptArguments.parse(text(row, "arguments")))
                    .setMessages(PromptMessages.parse(text(row, "messages")))
                    .setActive((Boolean) row.get("active"))
                    .setVersion(version(row))
                    .setUpdatedAt(instant(row, "updated_at"))
                    .setUpdatedBy(text(row, "updated_by"))
                    .build();
            case DEFAULT_RESOURCE, ORGANIZATION_RESOURCE -> ResourceRow.newBuilder()
                    .setOrgId(table == ConfigTable.ORGANIZATION_RESOURCE ? required(row, "org_id") : null)
                    .setUri(required(row, "uri"))
                    .setName(text(row, "name"))
                    .setTitle(text(row, "title"))
                    .setDescription(text(row, "description"))
                    .setMimeType(text(row, "mime_type"))
                    .setContentText(text(row, "content_text"))
                    .setContentBlob(bytes(row, "content_blob"))
                    .setActive((Boolean) row.get("active"))
                    .setVersion(version(row))
                    .setUpdatedAt(instant(row, "updated_at"))
                    .setUpdatedBy(text(row, "updated_by"))
                    .build();
        };
    }

    /** The scope (Kafka key) of a row: its organization, or {@link Scopes#DEFAULTS}. */
    public static String scope(Object row) {
        if (row instanceof OrganizationRow o) {
            return o.getId();
        }
        String org = row instanceof PromptRow p ? p.getOrgId() : ((ResourceRow) row).getOrgId();
        return org == null ? Scopes.DEFAULTS : org;
    }

    /** Prompt name, resource URI or organization id. */
    public static String key(Object row) {
        if (row instanceof OrganizationRow o) {
            return o.getId();
        }
        return row instanceof PromptRow p ? p.getName() : ((ResourceRow) row).getUri();
    }

    public static long version(Object row) {
        if (row instanceof OrganizationRow o) {
            return o.getVersion();
        }
        return row instanceof PromptRow p ? p.getVersion() : ((ResourceRow) row).getVersion();
    }

    public static String updatedBy(Object row) {
        if (row instanceof OrganizationRow o) {
            return o.getUpdatedBy();
        }
        return row instanceof PromptRow p ? p.getUpdatedBy() : ((ResourceRow) row).getUpdatedBy();
    }

    /** A rough size in memory, for bounding what a transaction buffers; not exact, never zero. */
    public static long approxBytes(Object row) {
        long size = 128;
        if (row instanceof PromptRow p) {
            size += len(p.getTemplate()) + len(p.getDescription()) + len(p.getTitle())
                    + (p.getArguments() == null ? 0 : 64L * p.getArguments().size());
            if (p.getMessages() != null) {
                for (var m : p.getMessages()) {
                    size += 64 + len(m.getText()) + len(m.getUri());
                }
            }
        } else if (row instanceof ResourceRow r) {
            size += len(r.getContentText()) + len(r.getDescription()) + len(r.getUri())
                    + (r.getContentBlob() == null ? 0 : r.getContentBlob().remaining());
        }
        return size;
    }

    private static long len(String s) {
        return s == null ? 0 : 2L * s.length();
    }

    private static String required(Struct row, String column) {
        String value = text(row, column);
        if (value == null) {
            throw new IllegalArgumentException("column " + column + " is null or missing");
        }
        return value;
    }

    private static String text(Struct row, String column) {
        Object value = value(row, column);
        return value == null ? null : value.toString();
    }

    private static long version(Struct row) {
        Object value = value(row, "version");
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("column version is " + value);
        }
        return n.longValue();
    }

    private static Instant instant(Struct row, String column) {
        String value = text(row, column);
        if (value == null) {
            throw new IllegalArgumentException("column " + column + " is null or missing");
        }
        return OffsetDateTime.parse(value).toInstant();
    }

    private static ByteBuffer bytes(Struct row, String column) {
        Object value = value(row, column);
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] array) {
            return ByteBuffer.wrap(array);
        }
        if (value instanceof ByteBuffer buffer) {
            return buffer.duplicate();
        }
        throw new IllegalArgumentException("column " + column + " is " + value.getClass().getSimpleName() + ", not bytes");
    }

    private static Object value(Struct row, String column) {
        if (row.schema().field(column) == null) {
            return null;
        }
        return row.get(column);
    }
}
