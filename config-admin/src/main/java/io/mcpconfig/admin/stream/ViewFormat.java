package io.mcpconfig.admin.stream;

import io.mcpconfig.schemas.avro.OmittedItem;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.avro.ViewResource;

/** A view for people ({@code as-of}) and for scripts (JSON with the view's fields; blobs in base64). */
public final class ViewFormat {
    private ViewFormat() {}

    public static String json(OrgView view) {
        return AuditFormat.json(RowFields.plain(view));
    }

    public static String text(OrgView view) {
        StringBuilder b = new StringBuilder();
        b.append(view.getOrgId()).append(view.getActive() ? "  active" : "  INACTIVE (serves nothing)")
                .append("  revision ").append(Lsn.format(view.getRevision()))
                .append("  last change ").append(view.getUpdatedAt()).append('\n');
        b.append("prompts (").append(view.getPrompts().size()).append(")\n");
        for (ViewPrompt p : view.getPrompts()) {
            b.append(String.format("  %-36s %-26s %s%n", p.getName(), versions(p.getDefaultVersion(), p.getOverrideVersion()),
                    preview(p.getTemplate())));
        }
        b.append("resources (").append(view.getResources().size()).append(")\n");
        for (ViewResource r : view.getResources()) {
            b.append(String.format("  %-36s %-26s %-18s %s%n", r.getUri(), versions(r.getDefaultVersion(), r.getOverrideVersion()),
                    r.getMimeType(), r.getText() != null ? preview(r.getText()) : "(" + r.getBlob().remaining() + " bytes)"));
        }
        if (!view.getOmitted().isEmpty()) {
            b.append("omitted (").append(view.getOmitted().size()).append(")\n");
            for (OmittedItem o : view.getOmitted()) {
                b.append("  ").append(o.getKind()).append(' ').append(o.getKey()).append(": ").append(o.getReason()).append('\n');
            }
        }
        return b.toString();
    }

    private static String versions(Long defaultVersion, Long overrideVersion) {
        if (defaultVersion != null && overrideVersion != null) {
            return "default v" + defaultVersion + " + override v" + overrideVersion;
        }
        return defaultVersion != null ? "default v" + defaultVersion : "org's own v" + overrideVersion;
    }

    private static String preview(String text) {
        String one = text.replace("\n", "\\n");
        return one.length() <= 60 ? "\"" + one + "\"" : "\"" + one.substring(0, 59) + "…\"";
    }
}
