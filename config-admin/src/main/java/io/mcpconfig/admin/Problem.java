package io.mcpconfig.admin;

/**
 * One reason a write or an item is refused: which item, which field, the 1-based line within the
 * field (templates; 0 when no line applies) and the reason. Any of scope, kind, key and field may be
 * null when the problem is not about one.
 */
public record Problem(Scope scope, Kind kind, String key, String field, int line, String reason) {

    /** "org acme, prompt code_review, template line 3: uses 'x', which no argument declares". */
    @Override
    public String toString() {
        StringBuilder where = new StringBuilder();
        if (scope != null) {
            where.append(scope);
        }
        if (kind != null && key != null) {
            where.append(where.isEmpty() ? "" : ", ").append(kind.label()).append(' ').append(key);
        }
        if (field != null) {
            where.append(where.isEmpty() ? "" : ", ").append(field);
            if (line > 0) {
                where.append(" line ").append(line);
            }
        }
        return where.isEmpty() ? reason : where + ": " + reason;
    }
}
