package io.mcpconfig.admin;

import io.mcpconfig.schemas.avro.OmittedItem;
import io.mcpconfig.schemas.avro.OrgView;
import io.mcpconfig.schemas.avro.OrganizationRow;
import io.mcpconfig.schemas.avro.PromptRow;
import io.mcpconfig.schemas.avro.ResourceRow;
import io.mcpconfig.schemas.avro.ViewPrompt;
import io.mcpconfig.schemas.merge.MergeRule;
import io.mcpconfig.schemas.template.PromptTemplates;
import io.mcpconfig.schemas.template.TemplateArgument;
import io.mcpconfig.schemas.template.TemplateProblem;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Template checks of effective prompts (template and arguments as the merge rule combines them) and
 * the merge rule's omitted items. Inactive prompts are checked too (they may be switched on), so
 * rows are merged as if active.
 */
final class Validation {
    private Validation() {}

    static List<Problem> item(Database db, Kind kind, Scope scope, String key) {
        return db.read(c -> {
            OrgStore.require(c, scope, false);
            return check(c, scope, kind, key);
        });
    }

    static List<Problem> scope(Database db, Scope scope) {
        return db.read(c -> {
            OrgStore.require(c, scope, false);
            return check(c, scope, null, null);
        });
    }

    static List<Problem> all(Database db) {
        return db.read(c -> {
            List<Problem> problems = new ArrayList<>(check(c, Scope.DEFAULTS, null, null));
            for (String org : Rows.orgs(c).keySet()) {
                problems.addAll(check(c, Scope.org(org), null, null));
            }
            return problems;
        });
    }

    /**
     * After a write of the item in the scope, inside its transaction: the item as every scope it
     * affects now sees it (a default: also every org that overrides it).
     *
     * @throws ValidationException with every problem; the caller's transaction then rolls back
     */
    static void afterWrite(Connection c, Kind kind, Scope scope, String key) throws SQLException {
        if (kind != Kind.PROMPT) {
            return;
        }
        List<Problem> problems = new ArrayList<>(templateProblems(c, scope, key));
        if (scope.isDefaults()) {
            for (String org : Rows.orgs(c).keySet()) {
                if (Rows.prompts(c, Scope.org(org), key, false).values().stream().anyMatch(Validation::shapesTemplate)) {
                    problems.addAll(templateProblems(c, Scope.org(org), key));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /**
     * Problems of a scope's items, or of one item ({@code kind}/{@code key} non-null). For an org only
     * what it overrides or adds: a problem of a default is the defaults' problem, reported once.
     */
    static List<Problem> check(Connection c, Scope scope, Kind kind, String key) throws SQLException {
        List<Problem> problems = new ArrayList<>();
        if (kind == null || kind == Kind.PROMPT) {
            Map<String, PromptRow> own = Rows.prompts(c, scope, key, false);
            for (PromptRow row : own.values()) {
                if (scope.isDefaults() || shapesTemplate(row)) {
                    problems.addAll(templateProblems(c, scope, row.getName()));
                }
            }
            if (key != null && own.isEmpty()) {
                problems.addAll(templateProblems(c, scope, key));
            }
        }
        if (!scope.isDefaults()) {
            OrgView view = view(c, scope, kind, key, false);
            for (OmittedItem o : view.getOmitted()) {
                Kind k = o.getKind() == io.mcpconfig.schemas.avro.ItemKind.PROMPT ? Kind.PROMPT : Kind.RESOURCE;
                problems.add(new Problem(scope, k, o.getKey(), null, 0, "not served: " + o.getReason()));
            }
        }
        return problems;
    }

    /**
     * Whether an override sets what a template is checked against (its template or arguments): if not,
     * its effective template is the default's, whose problems are the defaults' and reported once.
     */
    private static boolean shapesTemplate(PromptRow override) {
        return override.getTemplate() != null || override.getArguments() != null || ChatMessages.of(override) != null;
    }

    private static List<Problem> templateProblems(Connection c, Scope scope, String key) throws SQLException {
        OrgView view = view(c, scope, Kind.PROMPT, key, true);
        List<Problem> problems = new ArrayList<>();
        for (ViewPrompt p : view.getPrompts()) {
            List<TemplateArgument> declared = Fields.templateArguments(p.getArguments());
            Map<Integer, String> texts = ChatMessages.texts(p);
            if (texts.isEmpty()) {
                for (TemplateProblem t : PromptTemplates.validate(p.getTemplate(), declared)) {
                    problems.add(new Problem(scope, Kind.PROMPT, p.getName(), "template", t.line(), t.message()));
                }
                continue;
            }
            // A chat prompt: each text message is a template; a required argument must be used by one of them.
            java.util.Set<String> used = new java.util.HashSet<>();
            texts.forEach((i, text) -> {
                for (TemplateProblem t : PromptTemplates.validate(text, declared)) {
                    if (t.kind() != TemplateProblem.Kind.UNUSED_REQUIRED_ARGUMENT) {
                        problems.add(new Problem(scope, Kind.PROMPT, p.getName(), "messages[" + i + "]", t.line(), t.message()));
                    }
                }
                try {
                    used.addAll(PromptTemplates.compile(text).variables());
                } catch (RuntimeException e) {
                    // reported above as a syntax problem
                }
            });
            for (TemplateArgument a : declared) {
                if (a.required() && !used.contains(a.name())) {
                    problems.add(new Problem(scope, Kind.PROMPT, p.getName(), "messages", 0,
                            "no message uses required argument '" + a.name() + "'"));
                }
            }
        }
        return problems;
    }

    /** The merge rule over the scope's rows for one kind/key (or all), rows made active when {@code asIfActive}. */
    static OrgView view(Connection c, Scope scope, Kind kind, String key, boolean asIfActive) throws SQLException {
        boolean prompts = kind == null || kind == Kind.PROMPT;
        boolean resources = kind == null || kind == Kind.RESOURCE;
        Map<String, PromptRow> dp = prompts ? Rows.prompts(c, Scope.DEFAULTS, key, false) : Map.of();
        Map<String, ResourceRow> dr = resources ? Rows.resources(c, Scope.DEFAULTS, key, false) : Map.of();
        if (scope.isDefaults()) {
            return MergeRule.defaultsView(active(dp, asIfActive), activeR(dr, asIfActive), 0, Instant.EPOCH);
        }
        OrganizationRow org = OrgStore.require(c, scope, false);
        Map<String, PromptRow> op = prompts ? Rows.prompts(c, scope, key, false) : Map.of();
        Map<String, ResourceRow> or = resources ? Rows.resources(c, scope, key, false) : Map.of();
        if (asIfActive) {
            org = OrganizationRow.newBuilder(org).setActive(true).build();
        }
        return MergeRule.orgView(org, active(dp, asIfActive), active(op, asIfActive), activeR(dr, asIfActive),
                activeR(or, asIfActive), 0, Instant.EPOCH);
    }

    private static Map<String, PromptRow> active(Map<String, PromptRow> rows, boolean asIfActive) {
        if (!asIfActive) {
            return rows;
        }
        Map<String, PromptRow> copy = new HashMap<>();
        rows.forEach((k, r) -> copy.put(k, PromptRow.newBuilder(r).setActive(true).build()));
        return copy;
    }

    private static Map<String, ResourceRow> activeR(Map<String, ResourceRow> rows, boolean asIfActive) {
        if (!asIfActive) {
            return rows;
        }
        Map<String, ResourceRow> copy = new HashMap<>();
        rows.forEach((k, r) -> copy.put(k, ResourceRow.newBuilder(r).setActive(true).build()));
        return copy;
    }
}
