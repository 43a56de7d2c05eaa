package io.mcpconfig.schemas.serde;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Full (backward and forward) compatibility of a schema with released versions: new readers read
 * old records, and old readers read new records. Run by the build for every value schema.
 */
public final class SchemaCompatibilityCheck {
    private SchemaCompatibilityCheck() {}

    /** The problems found, one line each; empty when {@code candidate} is fully compatible with all of {@code released}. */
    public static List<String> problems(Schema candidate, List<Schema> released) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < released.size(); i++) {
            Schema old = released.get(i);
            check(candidate, old, "v" + (i + 1) + " records can't be read by the new schema (backward)", problems);
            check(old, candidate, "new records can't be read by v" + (i + 1) + " readers (forward)", problems);
        }
        return problems;
    }

    private static void check(Schema reader, Schema writer, String what, List<String> problems) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            problems.add(reader.getFullName() + ": " + what + ": " + result.getResult().getIncompatibilities());
        }
    }
}
