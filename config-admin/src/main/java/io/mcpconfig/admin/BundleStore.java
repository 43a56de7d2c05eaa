package io.mcpconfig.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpconfig.admin.Bundle.BundleItem;
import io.mcpconfig.admin.Bundle.OrgSection;
import io.mcpconfig.admin.Bundle.Section;
import io.mcpconfig.admin.PlannedChange.Op;
import io.mcpconfig.schemas.avro.OrganizationRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Export and import. An import writes every row of the bundle in one transaction (each row under a
 * savepoint, so every refused row is reported, not only the first), then checks every template of
 * every scope it touched and fires the deferred budget check, and commits only if nothing was
 * refused; a dry run does the same and rolls back.
 */
final class BundleStore {
    /** What a default row holds when the bundle leaves a field out: the columns' defaults (V1). */
    private static final Map<Kind, Map<String, JsonNode>> DEFAULT_COLUMNS = Map.of(
            Kind.PROMPT, Map.of("arguments", JsonNodeFactory.instance.arrayNode(), "active", BooleanNode.TRUE),
            Kind.RESOURCE, Map.of("mimeType", TextNode.valueOf("text/plain"), "active", BooleanNode.TRUE));

    private BundleStore() {}

    static Bundle export(Database db, Bundle.Coverage coverage, String org) {
        return db.read(c -> {
            Section defaults = coverage == Bundle.Coverage.ORGS ? null : section(c, Scope.DEFAULTS);
            List<OrgSection> orgs = new ArrayList<>();
            if (coverage == Bundle.Coverage.ORGS) {
                OrganizationRow row = OrgStore.require(c, Scope.org(org), false);
                orgs.add(new OrgSection(row.getId(), row.getDisplayName(), row.getActive(), section(c, Scope.org(org))));
            } else if (coverage == Bundle.Coverage.ALL) {
                for (OrganizationRow row : Rows.orgs(c).values()) {
                    orgs.add(new OrgSection(row.getId(), row.getDisplayName(), row.getActive(), section(c, Scope.org(row.getId()))));
                }
            }
            return new Bundle(coverage, defaults, orgs);
        });
    }

    static Plan importBundle(Database db, Actor actor, Bundle bundle, boolean prune, boolean dryRun) {
        Database.Work<Plan> work = c -> {
            Importer importer = new Importer(c, prune);
            importer.run(bundle);
            List<Problem> problems = importer.problems;
            if (problems.isEmpty()) {
                problems.addAll(importer.templateProblems());
            }
            if (problems.isEmpty()) {
                try (Statement st = c.createStatement()) {
                    st.execute("SET CONSTRAINTS ALL IMMEDIATE");
                } catch (SQLException e) {
                    problems.add(new Problem(null, null, null, null, 0, SqlErrors.translate(e).getMessage()));
                }
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            return new Plan(importer.changes, !dryRun);
        };
        return dryRun ? db.dryRun(actor == null ? new Actor("dry-run") : actor, work) : db.write(actor, work);
    }

    private static Section section(Connection c, Scope scope) throws SQLException {
        List<BundleItem> prompts = new ArrayList<>();
        Rows.prompts(c, scope, null, false).forEach((k, r) -> prompts.add(new BundleItem(Kind.PROMPT, k, Fields.of(r))));
        List<BundleItem> resources = new ArrayList<>();
        Rows.resources(c, scope, null, false).forEach((k, r) -> resources.add(new BundleItem(Kind.RESOURCE, k, Fields.of(r))));
        return new Section(prompts, resources);
    }

    /** One import's state: what it changed, what was refused, which scopes to check. */
    private static final class Importer {
        private final Connection c;
        private final boolean prune;
        final List<PlannedChange> changes = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        private final Set<Scope> touched = new java.util.LinkedHashSet<>();

        Importer(Connection c, boolean prune) {
            this.c = c;
            this.prune = prune;
        }

        void run(Bundle bundle) throws SQLException {
            for (OrgSection org : bundle.orgs()) {
                guarded(Scope.org(org.id()), null, org.id(), () -> org(org));
            }
            if (bundle.defaults() != null) {
                section(Scope.DEFAULTS, bundle.defaults());
            }
            for (OrgSection org : bundle.orgs()) {
                if (Rows.org(c, org.id(), false) != null) {
                    section(Scope.org(org.id()), org.items());
                }
            }
            if (prune && bundle.coverage() == Bundle.Coverage.ALL) {
                Set<String> named = new java.util.HashSet<>();
                bundle.orgs().forEach(o -> named.add(o.id()));
                for (OrganizationRow row : Rows.orgs(c).values()) {
                    if (!named.contains(row.getId())) {
                        guarded(Scope.org(row.getId()), null, row.getId(), () -> {
                            OrgStore.remove(c, row.getId(), null);
                            changes.add(new PlannedChange(Op.DELETE, Scope.org(row.getId()), null, row.getId(), List.of()));
                        });
                    }
                }
            }
        }

        List<Problem> templateProblems() throws SQLException {
            List<Problem> found = new ArrayList<>();
            Set<Scope> scopes = new java.util.LinkedHashSet<>(touched);
            if (touched.contains(Scope.DEFAULTS)) {
                Rows.orgs(c).keySet().forEach(o -> scopes.add(Scope.org(o)));
            }
            for (Scope scope : scopes) {
                if (scope.isDefaults() || Rows.org(c, scope.org(), false) != null) {
                    found.addAll(Validation.check(c, scope, Kind.PROMPT, null).stream()
                            .filter(p -> p.field() != null && (p.field().equals("template") || p.field().startsWith("messages"))).toList());
                }
            }
            return found;
        }

        private void org(OrgSection org) throws SQLException {
            OrganizationRow row = Rows.org(c, org.id(), true);
            if (row == null) {
                try (PreparedStatement st = c.prepareStatement("INSERT INTO organization (id, display_name, active) VALUES (?, ?, ?)")) {
                    st.setString(1, org.id());
                    st.setString(2, org.displayName());
                    st.setBoolean(3, org.active());
                    st.executeUpdate();
                } catch (SQLException e) {
                    throw SqlErrors.about(e, Scope.org(org.id()), null, null);
                }
                changes.add(new PlannedChange(Op.CREATE, Scope.org(org.id()), null, org.id(), List.of(
                        new FieldChange("displayName", null, TextNode.valueOf(org.displayName())),
                        new FieldChange("active", null, BooleanNode.valueOf(org.active())))));
                return;
            }
            List<FieldChange> fields = new ArrayList<>();
            if (!row.getDisplayName().equals(org.displayName())) {
                fields.add(new FieldChange("displayName", TextNode.valueOf(row.getDisplayName()), TextNode.valueOf(org.displayName())));
            }
            if (row.getActive() != org.active()) {
                fields.add(new FieldChange("active", BooleanNode.valueOf(row.getActive()), BooleanNode.valueOf(org.active())));
            }
            if (OrgStore.update(c, org.id(), org.displayName(), org.active(), null)) {
                changes.add(new PlannedChange(Op.UPDATE, Scope.org(org.id()), null, org.id(), fields));
            }
        }

        private void section(Scope scope, Section section) throws SQLException {
            items(scope, Kind.PROMPT, section.prompts());
            items(scope, Kind.RESOURCE, section.resources());
        }

        private void items(Scope scope, Kind kind, List<BundleItem> items) throws SQLException {
            Map<String, BundleItem> wanted = new TreeMap<>();
            items.forEach(i -> wanted.put(i.key(), i));
            Map<String, ?> existing = Rows.of(c, kind, scope, null, false);
            for (BundleItem item : wanted.values()) {
                guarded(scope, kind, item.key(), () -> {
                    Map<String, JsonNode> fields = new LinkedHashMap<>();
                    if (scope.isDefaults()) {
                        fields.putAll(DEFAULT_COLUMNS.get(kind));
                    }
                    fields.putAll(item.fields());
                    boolean exists = existing.containsKey(item.key());
                    List<FieldChange> written = ItemStore.writeRowUnchecked(c, kind, scope, item.key(), fields, null, true);
                    if (written != null) {
                        touched.add(scope);
                        changes.add(new PlannedChange(exists ? Op.UPDATE : Op.CREATE, scope, kind, item.key(), written));
                    }
                });
            }
            if (prune) {
                for (String key : existing.keySet()) {
                    if (!wanted.containsKey(key)) {
                        guarded(scope, kind, key, () -> {
                            Map<String, JsonNode> before = ItemStore.fieldsOf(existing.get(key));
                            ItemStore.deleteRow(c, kind, scope, key);
                            touched.add(scope);
                            List<FieldChange> gone = new ArrayList<>();
                            before.forEach((f, v) -> gone.add(new FieldChange(f, v, null)));
                            changes.add(new PlannedChange(Op.DELETE, scope, kind, key, gone));
                        });
                    }
                }
            }
        }

        private interface Step {
            void run() throws SQLException;
        }

        /** Runs one row's write under a savepoint: a refusal is recorded and the import goes on to find the others. */
        private void guarded(Scope scope, Kind kind, String key, Step step) throws SQLException {
            Savepoint savepoint = c.setSavepoint();
            try {
                step.run();
                c.releaseSavepoint(savepoint);
            } catch (ValidationException | NotFoundException | ConflictException e) {
                c.rollback(savepoint);
                if (e instanceof ValidationException v) {
                    problems.addAll(v.problems());
                } else {
                    problems.add(new Problem(scope, kind, key, null, 0, e.getMessage()));
                }
            }
        }
    }
}
