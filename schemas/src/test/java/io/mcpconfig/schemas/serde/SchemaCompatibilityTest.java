package io.mcpconfig.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.schemas.avro.ChangeEvent;
import io.mcpconfig.schemas.avro.ClientReceipt;
import io.mcpconfig.schemas.avro.OrgView;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The build gate for schema changes: every current value schema must be backward and forward
 * compatible with every released version under {@code avro/released}. A change that breaks this
 * fails the build here, before it can reach a topic.
 */
class SchemaCompatibilityTest {

    @Test
    void changeEventIsCompatibleWithEveryReleasedVersion() {
        List<Schema> released = ReleasedSchemas.of("ChangeEvent");
        assertThat(released).isNotEmpty();
        assertThat(SchemaCompatibilityCheck.problems(ChangeEvent.getClassSchema(), released)).isEmpty();
    }

    @Test
    void orgViewIsCompatibleWithEveryReleasedVersion() {
        List<Schema> released = ReleasedSchemas.of("OrgView");
        assertThat(released).isNotEmpty();
        assertThat(SchemaCompatibilityCheck.problems(OrgView.getClassSchema(), released)).isEmpty();
    }

    @Test
    void clientReceiptIsCompatibleWithEveryReleasedVersion() {
        List<Schema> released = ReleasedSchemas.of("ClientReceipt");
        assertThat(released).isNotEmpty();
        assertThat(SchemaCompatibilityCheck.problems(ClientReceipt.getClassSchema(), released)).isEmpty();
    }

    @Test
    void aNewFieldWithoutADefaultIsRejected() throws IOException {
        Schema incompatible = parse("/avro/incompatible/OrgView-new-required-field.avsc");
        assertThat(SchemaCompatibilityCheck.problems(incompatible, ReleasedSchemas.of("OrgView")))
                .anySatisfy(problem -> assertThat(problem).contains("backward").contains("tenant"));
    }

    @Test
    void aSchemaThatChangesAFieldsTypeIsRejectedBothWays() throws IOException {
        Schema incompatible = parse("/avro/incompatible/ChangeEvent-commit-lsn-as-string.avsc");
        List<String> problems = SchemaCompatibilityCheck.problems(incompatible, ReleasedSchemas.of("ChangeEvent"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("backward"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("forward"));
    }

    private static Schema parse(String resource) throws IOException {
        try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        }
    }
}
