package io.mcpconfig.cache.internal;

import com.github.benmanes.caffeine.cache.Interner;
import io.mcpconfig.cache.OrgView;
import io.mcpconfig.cache.Prompt;
import io.mcpconfig.cache.PromptArgument;
import io.mcpconfig.cache.PromptMessage;
import io.mcpconfig.cache.Resource;
import io.mcpconfig.cache.Versions;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;
import io.mcpconfig.schemas.serde.AvroSerdes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a view record into our value types, interning every item: the defaults that thousands of
 * orgs inherit unchanged decode to equal items (same content hash, same versions), and the
 * interner makes them one object. Weak interners, so an item no view holds any more is collected.
 * Thread-safe.
 */
final class ViewMapper {
    private final Interner<Prompt> prompts = Interner.newWeakInterner();
    private final Interner<Resource> resources = Interner.newWeakInterner();

    /** Decodes and maps a record's bytes; throws on bytes that are not a readable view. */
    OrgView decode(byte[] bytes) {
        return map(AvroSerdes.orgView().decode(bytes));
    }

    OrgView map(io.mcpconfig.schemas.avro.OrgView view) {
        List<Prompt> ps = new ArrayList<>(view.getPrompts().size());
        for (ViewPrompt p : view.getPrompts()) {
            ps.add(prompts.intern(prompt(p)));
        }
        List<Resource> rs = new ArrayList<>(view.getResources().size());
        for (ViewResource r : view.getResources()) {
            rs.add(resources.intern(resource(r)));
        }
        return new OrgView(view.getOrgId(), view.getActive(), view.getRevision(), view.getUpdatedAt(), ps, rs);
    }

    static Prompt prompt(ViewPrompt p) {
        List<PromptArgument> args = new ArrayList<>(p.getArguments().size());
        for (io.mcpconfig.schemas.avro.PromptArgument a : p.getArguments()) {
            List<String> values = new ArrayList<>(a.getValues().size());
            values.addAll(a.getValues());
            args.add(new PromptArgument(a.getName(), a.getDescription(), a.getRequired(), values));
        }
        List<PromptMessage> messages = new ArrayList<>(p.getMessages().size());
        for (io.mcpconfig.schemas.avro.PromptMessage m : p.getMessages()) {
            messages.add(new PromptMessage(PromptMessage.Role.valueOf(m.getRole().name()),
                    PromptMessage.Kind.valueOf(m.getKind().name()), m.getText(), m.getUri()));
        }
        return new Prompt(p.getName(), p.getTitle(), p.getDescription(), p.getTemplate(), args, messages,
                new Versions(p.getDefaultVersion(), p.getOverrideVersion()), p.getContentHash());
    }

    static Resource resource(ViewResource r) {
        byte[] blob = null;
        ByteBuffer b = r.getBlob();
        if (b != null) {
            blob = new byte[b.remaining()];
            b.duplicate().get(blob);
        }
        return new Resource(r.getUri(), r.getName(), r.getTitle(), r.getDescription(), r.getMimeType(),
                r.getText(), blob, new Versions(r.getDefaultVersion(), r.getOverrideVersion()), r.getContentHash());
    }
}
