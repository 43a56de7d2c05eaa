package io.mcpconfig.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every released version of a value schema, kept under {@code avro/released/<Name>/v<N>.avsc}.
 * Readers register them so records written by an older (or newer, released) writer still decode,
 * and the build checks each new schema against all of them ({@link SchemaCompatibilityCheck}).
 * Releasing a schema version = copying the current .avsc there as the next v&lt;N&gt;.
 */
public final class ReleasedSchemas {
    private ReleasedSchemas() {}

    /** Released versions of {@code name}, oldest first; v1, v2, ... until the first gap. */
    public static List<Schema> of(String name) {
        List<Schema> schemas = new ArrayList<>();
        for (int v = 1; ; v++) {
            String path = "/avro/released/" + name + "/v" + v + ".avsc";
            try (InputStream in = ReleasedSchemas.class.getResourceAsStream(path)) {
                if (in == null) {
                    return List.copyOf(schemas);
                }
                schemas.add(new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + path, e);
            }
        }
    }
}
