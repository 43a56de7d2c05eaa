-- The control plane lists organizations with their last change (the newest history row of the
-- scope). config_history's only index on scope leads with table_name, so without this each org's
-- lookup scanned the history backwards until it met the org: for an org with no recent writes, the
-- whole table, for every org on the console's list.
CREATE INDEX config_history_by_scope ON config_history (scope, id);
