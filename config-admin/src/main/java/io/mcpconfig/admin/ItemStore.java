package io.mcpconfig.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SQL for prompts and resources, defaults and overrides. */
final class ItemStore {
    private ItemStore() {}

    static List<Item> list(Database db, Kind kind, Scope scope) { throw new UnsupportedOperationException("next commit"); }
    static Item get(Database db, Kind kind, Scope scope, String key) { throw new UnsupportedOperationException("next commit"); }
    static Item set(Database db, Kind kind, Actor actor, Scope scope, String key, Map<String, JsonNode> fields, Long ifVersion) { throw new UnsupportedOperationException("next commit"); }
    static Item unset(Database db, Kind kind, Actor actor, Scope scope, String key, Set<String> fields, Long ifVersion) { throw new UnsupportedOperationException("next commit"); }
    static void delete(Database db, Kind kind, Actor actor, Scope scope, String key, Long ifVersion) { throw new UnsupportedOperationException("next commit"); }
    static int inheritors(Database db, Kind kind, String key, Set<String> fields) { throw new UnsupportedOperationException("next commit"); }
}
