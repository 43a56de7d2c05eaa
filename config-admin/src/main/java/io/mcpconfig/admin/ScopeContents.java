package io.mcpconfig.admin;

import java.util.List;

/**
 * Everything a page of one scope shows, read in one transaction (one consistent state, one round of
 * queries): the org as {@link Orgs#get} gives it (null for the defaults) and the scope's items of
 * each kind as {@link Items#list} gives them.
 */
public record ScopeContents(Org org, List<Item> prompts, List<Item> resources) {}
