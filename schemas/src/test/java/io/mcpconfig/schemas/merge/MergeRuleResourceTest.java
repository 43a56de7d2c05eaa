package io.mcpconfig.schemas.merge;

import static io.mcpconfig.schemas.merge.Rows.T0;
import static io.mcpconfig.schemas.merge.Rows.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.schemas.avro.ItemKind;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.ResourceRow;
import io.mcpconfig.schemas.avro.ViewResource;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The merge rule for resources: content (text or blob) is one field; names and MIME types fall back. */
class MergeRuleResourceTest {
    private static final String URI = "config://x/guide";

    private static OrgView merge(Map<String, ResourceRow> defaults, Map<String, ResourceRow> overrides) {
        return MergeRule.orgView(Rows.org("o", true), Map.of(), Map.of(), defaults, overrides, 7, T0);
    }

    @Test
    void defaultAloneIsServed() {
        ViewResource r = merge(Map.of(URI, Rows.defaultText(URI, "default text", 2)), Map.of()).getResources().get(0);
        assertThat(r.getText()).isEqualTo("default text");
        assertThat(r.getBlob()).isNull();
        assertThat(r.getName()).isEqualTo("name " + URI);
        assertThat(r.getMimeType()).isEqualTo("text/markdown");
        assertThat(r.getDefaultVersion()).isEqualTo(2L);
        assertThat(r.getOverrideVersion()).isNull();
    }

    @Test
    void overrideTextReplacesDefaultTextAndKeepsTheRest() {
        ViewResource r = merge(Map.of(URI, Rows.defaultText(URI, "default text", 2)),
                Map.of(URI, Rows.overrideResource("o", URI, "own text", null, null, 4))).getResources().get(0);
        assertThat(r.getText()).isEqualTo("own text");
        assertThat(r.getName()).isEqualTo("name " + URI);
        assertThat(r.getMimeType()).isEqualTo("text/markdown");
        assertThat(r.getOverrideVersion()).isEqualTo(4L);
    }

    @Test
    void overrideBlobReplacesDefaultTextWhole() {
        ViewResource r = merge(Map.of(URI, Rows.defaultText(URI, "default text", 2)),
                Map.of(URI, Rows.overrideResource("o", URI, null, bytes("png"), null, 4))).getResources().get(0);
        assertThat(r.getText()).as("content is one field: never text and blob together").isNull();
        assertThat(r.getBlob()).isEqualTo(ByteBuffer.wrap(bytes("png")));
    }

    @Test
    void overrideWithoutContentInheritsTheDefaultsContent() {
        ViewResource r = merge(Map.of(URI, Rows.defaultText(URI, "default text", 2)),
                Map.of(URI, Rows.overrideResource("o", URI, null, null, true, 4))).getResources().get(0);
        assertThat(r.getText()).isEqualTo("default text");
    }

    @Test
    void orgOnlyResourceFallsBackToUriAsNameAndToAMimeTypeForItsContent() {
        OrgView view = merge(Map.of(), Map.of(
                "a:text", Rows.overrideResource("o", "a:text", "hello", null, null, 1),
                "a:blob", Rows.overrideResource("o", "a:blob", null, bytes("x"), null, 1)));
        assertThat(view.getResources()).extracting(ViewResource::getUri).containsExactly("a:blob", "a:text");
        assertThat(view.getResources()).extracting(ViewResource::getName).containsExactly("a:blob", "a:text");
        assertThat(view.getResources()).extracting(ViewResource::getMimeType)
                .containsExactly("application/octet-stream", "text/plain");
    }

    @Test
    void overrideWithoutContentAndNoDefaultIsOmittedAndReported() {
        OrgView view = merge(Map.of(), Map.of(URI, Rows.overrideResource("o", URI, null, null, true, 1)));
        assertThat(view.getResources()).isEmpty();
        assertThat(view.getOmitted()).singleElement().satisfies(item -> {
            assertThat(item.getKind()).isEqualTo(ItemKind.RESOURCE);
            assertThat(item.getKey()).isEqualTo(URI);
            assertThat(item.getReason()).contains("no content");
        });
    }

    @Test
    void overrideCanSwitchADefaultOffAndOn() {
        ResourceRow inactiveDefault = new ResourceRow(null, URI, "n", null, null, "text/plain", "t", null, false, 1L, T0, "x");
        assertThat(merge(Map.of(URI, inactiveDefault), Map.of()).getResources()).isEmpty();
        assertThat(merge(Map.of(URI, inactiveDefault), Map.of(URI, Rows.overrideResource("o", URI, null, null, true, 1)))
                .getResources()).hasSize(1);
        assertThat(merge(Map.of(URI, Rows.defaultText(URI, "t", 1)), Map.of(URI, Rows.overrideResource("o", URI, null, null, false, 1)))
                .getResources()).isEmpty();
    }
}
