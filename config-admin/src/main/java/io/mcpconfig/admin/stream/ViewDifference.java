package io.mcpconfig.admin.stream;

/**
 * One way two views of a scope differ in what clients are served.
 *
 * @param scope  the org id or {@code _defaults}
 * @param item   {@code prompt 'name'}, {@code resource 'uri'}, {@code view} (the whole view, or its active flag)
 * @param expected what the reference (rebuild, or the database by the merge rule) says
 * @param actual   what the live views topic holds
 */
public record ViewDifference(String scope, String item, String expected, String actual) {
    @Override
    public String toString() {
        return scope + ": " + item + ": expected " + expected + ", live has " + actual;
    }
}
