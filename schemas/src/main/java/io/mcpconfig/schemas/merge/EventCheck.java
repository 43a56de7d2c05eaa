package io.mcpconfig.schemas.merge;

import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.OrganizationRow;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import java.util.regex.Pattern;

/**
 * Why a decoded change event can't be used, or null if it can. Pure. The one rule for every reader
 * that applies the changes stream (the materializer, and the control plane's replay for as-of and
 * rebuild), so both skip exactly the same events.
 */
public final class EventCheck {
    /** The database's rule for organization ids (see the schemas' migration). */
    private static final Pattern ORG_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private EventCheck() {}

    /** Problems that make the record unusable at all (it is not buffered). */
    public static String recordProblem(String key, ChangeEvent e) {
        if (e == null) {
            return "null value";
        }
        if (e.getScope() == null || !e.getScope().equals(key)) {
            return "record key '" + key + "' differs from scope '" + e.getScope() + "'";
        }
        if (!Scopes.isDefaults(e.getScope()) && !ORG_ID.matcher(e.getScope()).matches()) {
            return "unknown scope '" + e.getScope() + "'";
        }
        if (e.getOp() == ChangeOp.COMMIT) {
            return e.getEventCount() < 0 ? "COMMIT with negative eventCount " + e.getEventCount() : null;
        }
        if (e.getSeq() < 0) {
            return "negative seq " + e.getSeq();
        }
        return null;
    }

    /** Problems of a row event that make it unappliable (it is skipped, the rest of its transaction applies). */
    public static String rowProblem(ChangeEvent e) {
        if (e.getTable() == null || e.getRowKey() == null) {
            return "row event without table or rowKey";
        }
        boolean defaults = Scopes.isDefaults(e.getScope());
        Object row = e.getOp() == ChangeOp.DELETE ? null : e.getAfter();
        if (e.getOp() != ChangeOp.DELETE && row == null) {
            return e.getOp() + " without an after-image";
        }
        return switch (e.getTable()) {
            case ORGANIZATION -> defaults || !e.getRowKey().equals(e.getScope()) ? "organization row '" + e.getRowKey()
                    + "' in scope '" + e.getScope() + "'" : rowType(row, OrganizationRow.class, e);
            case DEFAULT_PROMPT, DEFAULT_RESOURCE -> defaults ? rowType(row, e.getTable().name().endsWith("PROMPT")
                    ? PromptRow.class : ResourceRow.class, e) : e.getTable() + " row in org scope '" + e.getScope() + "'";
            case ORGANIZATION_PROMPT, ORGANIZATION_RESOURCE -> defaults ? e.getTable() + " row in the defaults scope"
                    : rowType(row, e.getTable().name().endsWith("PROMPT") ? PromptRow.class : ResourceRow.class, e);
        };
    }

    private static String rowType(Object row, Class<?> expected, ChangeEvent e) {
        if (row == null) {
            return null;
        }
        if (!expected.isInstance(row)) {
            return e.getTable() + " event carries a " + row.getClass().getSimpleName();
        }
        String key = row instanceof OrganizationRow o ? o.getId()
                : row instanceof PromptRow p ? p.getName() : ((ResourceRow) row).getUri();
        return e.getRowKey().equals(key) ? null : "rowKey '" + e.getRowKey() + "' differs from the row's key '" + key + "'";
    }
}
