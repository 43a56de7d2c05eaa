package io.mcpconfig.admin;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The control plane on PostgreSQL: everything a person does to the config, for the CLI and the
 * console alike (every rule lives here, none in a caller). Thread-safe; holds no connection between
 * calls (each call borrows one from the data source).
 *
 * <pre>{@code
 * ConfigAdmin admin = ConfigAdmin.connect(url, user, password);
 * Actor alice = new Actor("alice@example.com");
 * admin.orgs().add(alice, "acme", "Acme Corp");
 * admin.prompts().set(alice, Scope.org("acme"), "code_review", Map.of("title", TextNode.valueOf("Review")), 0L);
 * admin.render("acme", "code_review", Map.of("code", "x = 1"));
 * }</pre>
 */
public final class ConfigAdmin {
    private final Database db;

    private ConfigAdmin(DataSource dataSource) {
        this.db = new Database(dataSource);
    }

    /** Over a data source (a pool, in a service): each call takes one connection and gives it back. */
    public static ConfigAdmin using(DataSource dataSource) {
        return new ConfigAdmin(dataSource);
    }

    /** Over plain JDBC settings (the CLI): a new connection per call. */
    public static ConfigAdmin connect(String jdbcUrl, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl);
        if (user != null) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        return new ConfigAdmin(ds);
    }

    public Orgs orgs() {
        return new Orgs(db);
    }

    public Items prompts() {
        return items(Kind.PROMPT);
    }

    public Items resources() {
        return items(Kind.RESOURCE);
    }

    public Items items(Kind kind) {
        return new Items(db, kind);
    }

    /**
     * A scope's page in one read: for an org, the org and its effective prompts and resources; for the
     * defaults, the default rows (the org is null). Same values as {@link Orgs#get} and {@link Items#list},
     * from one consistent state.
     *
     * @throws NotFoundException when the org does not exist
     */
    public ScopeContents contents(Scope scope) {
        return ItemStore.contents(db, scope);
    }

    public History history() {
        return new History(db);
    }

    public Bundles bundles() {
        return new Bundles(db);
    }

    /**
     * Renders the org's effective prompt exactly as its MCP servers do for prompts/get (the merge rule,
     * then the one renderer): only declared arguments reach the template.
     *
     * @param org null for the defaults (what a server serves an org it has no view for)
     * @throws NotFoundException when the org does not exist or is not served the prompt
     * @throws ValidationException when a required argument is missing or the template is broken
     */
    public RenderedPrompt render(String org, String prompt, Map<String, String> arguments) {
        return Rendering.render(db, org, prompt, arguments);
    }

    /** Problems of one item as its scope sees it (empty: fine). */
    public List<Problem> validate(Kind kind, Scope scope, String key) {
        return Validation.item(db, kind, scope, key);
    }

    /** Problems of a scope: the defaults, or an org's effective items that it overrides or adds. */
    public List<Problem> validate(Scope scope) {
        return Validation.scope(db, scope);
    }

    /** Problems of the defaults and of every org. */
    public List<Problem> validateAll() {
        return Validation.all(db);
    }
}
