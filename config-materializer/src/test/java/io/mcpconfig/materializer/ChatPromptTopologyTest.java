package io.mcpconfig.materializer;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpconfig.materializer.internal.MaterializerMetrics;
import io.mcpconfig.schemas.Scopes;
import io.mcpconfig.schemas.avro.ChangeOp;
import io.mcpconfig.schemas.avro.ItemKind;
import io.mcpconfig.schemas.avro.MessageContentKind;
import io.mcpconfig.schemas.avro.MessageRole;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.PromptMessage;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chat prompts through the real topology: a prompt that embeds a resource follows the org's own
 * resource, and one whose resource the org does not serve is left out, reported and counted.
 */
class ChatPromptTopologyTest {
    private static final String POLICY = "policy://support";
    private static final List<PromptMessage> DRAFT = List.of(
            new PromptMessage(MessageRole.USER, MessageContentKind.TEXT, "Reply to {{m}} following:", null),
            new PromptMessage(MessageRole.USER, MessageContentKind.RESOURCE, null, POLICY),
            new PromptMessage(MessageRole.ASSISTANT, MessageContentKind.TEXT, "Understood.", null));
    @TempDir
    Path stateDir;
    Driver d;

    @BeforeEach
    void start() {
        d = new Driver(stateDir);
        Tx defaults = Tx.defaults(10).resource(POLICY, "Be kind.");
        d.send(defaults.prompt(ChangeOp.INSERT, defaults.prompt("draft").setMessages(DRAFT).setActive(true).build()));
        d.send(Tx.of("acme", 20).org(true));
        d.send(Tx.of("globex", 21).org(true));
        d.emitted();
    }

    @AfterEach
    void stop() {
        d.close();
    }

    @Test
    void everyOrgServesTheChatPromptWithItsMessages() {
        for (String org : List.of(Scopes.DEFAULTS, "acme", "globex")) {
            ViewPrompt draft = d.compacted.get(org).getPrompts().get(0);
            assertThat(draft.getMessages()).as(org).isEqualTo(DRAFT);
            assertThat(draft.getTemplate()).isEmpty();
        }
    }

    @Test
    void anOverrideOfTheEmbeddedResourceChangesTheResourceNotThePrompt() {
        String draftHash = d.compacted.get("acme").getPrompts().get(0).getContentHash();
        Tx t = Tx.of("acme", 30);
        d.send(t.resource(ChangeOp.INSERT, t.resource(POLICY).setContentText("Acme: be very kind.").build()));

        assertThat(d.emittedKeys()).containsExactly("acme");
        OrgView acme = d.compacted.get("acme");
        assertThat(acme.getResources()).extracting(ViewResource::getText).containsExactly("Acme: be very kind.");
        assertThat(acme.getPrompts()).singleElement().satisfies(p -> assertThat(p.getContentHash()).isEqualTo(draftHash));
        assertThat(acme.getRevision()).isEqualTo(30);
    }

    @Test
    void anOrgThatSwitchesTheResourceOffIsNotServedThePromptAndTheMaterializerReportsIt() {
        double omittedBefore = d.count(MaterializerMetrics.ITEMS_OMITTED);
        Tx off = Tx.of("acme", 30);
        d.send(off.resource(ChangeOp.INSERT, off.resource(POLICY).setActive(false).build()));

        OrgView acme = d.latest("acme");
        assertThat(acme.getPrompts()).isEmpty();
        assertThat(acme.getResources()).isEmpty();
        assertThat(acme.getOmitted()).singleElement().satisfies(o -> {
            assertThat(o.getKind()).isEqualTo(ItemKind.PROMPT);
            assertThat(o.getKey()).isEqualTo("draft");
            assertThat(o.getReason()).contains("embeds resource '" + POLICY + "'");
        });
        assertThat(d.count(MaterializerMetrics.ITEMS_OMITTED)).isEqualTo(omittedBefore + 1);
        assertThat(d.compacted.get("globex").getPrompts()).as("other orgs keep it").hasSize(1);

        // Deleting the override serves the default resource again, and with it the prompt.
        d.send(Tx.of("acme", 40).deleteResource(POLICY));
        assertThat(d.latest("acme").getPrompts()).extracting(ViewPrompt::getName).containsExactly("draft");
        assertThat(d.compacted.get("acme").getOmitted()).isEmpty();
    }

    @Test
    void deletingTheDefaultResourceWithdrawsThePromptFromEveryOrg() {
        d.send(Tx.defaults(50).deleteResource(POLICY));

        assertThat(d.emittedKeys()).containsExactlyInAnyOrder(Scopes.DEFAULTS, "acme", "globex");
        for (String org : List.of(Scopes.DEFAULTS, "acme", "globex")) {
            assertThat(d.compacted.get(org).getPrompts()).as(org).isEmpty();
            assertThat(d.compacted.get(org).getOmitted()).as(org).extracting(o -> o.getKey()).containsExactly("draft");
        }
    }
}
