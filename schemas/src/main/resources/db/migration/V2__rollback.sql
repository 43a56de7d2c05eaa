-- Rollback writes an earlier version's content as a new version: history is never rewritten.
-- Rolling back to a version that was a delete deletes the row (again, as a new version).
-- Returns the row's new version, or null when the rollback deleted it.
CREATE FUNCTION mcpconfig_rollback(p_table text, p_scope text, p_key text, p_version bigint, p_actor text DEFAULT NULL)
    RETURNS bigint
    LANGUAGE plpgsql AS
$$
DECLARE
    h config_history;
    actor text := coalesce(nullif(p_actor, ''), mcpconfig_session_actor());
    new_version bigint;
BEGIN
    IF p_table NOT IN ('default_prompt', 'default_resource', 'organization_prompt', 'organization_resource') THEN
        RAISE EXCEPTION 'rollback works on default_prompt, default_resource, organization_prompt and organization_resource, not %', p_table
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO h FROM config_history
     WHERE table_name = p_table AND scope = p_scope AND item_key = p_key AND version = p_version;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no version % of % % in scope % to roll back to', p_version, p_table, p_key, p_scope
            USING ERRCODE = 'no_data_found';
    END IF;
    PERFORM set_config('mcpconfig.actor', actor, true);

    IF h.op = 'D' THEN
        IF p_table = 'default_prompt' THEN DELETE FROM default_prompt WHERE name = p_key;
        ELSIF p_table = 'default_resource' THEN DELETE FROM default_resource WHERE uri = p_key;
        ELSIF p_table = 'organization_prompt' THEN DELETE FROM organization_prompt WHERE org_id = p_scope AND name = p_key;
        ELSE DELETE FROM organization_resource WHERE org_id = p_scope AND uri = p_key;
        END IF;
        RETURN NULL;
    END IF;

    IF p_table = 'default_prompt' THEN
        INSERT INTO default_prompt AS t (name, title, description, template, arguments, active, updated_by)
        SELECT r.name, r.title, r.description, r.template, r.arguments, r.active, actor
          FROM jsonb_populate_record(NULL::default_prompt, h.row_data) r
        ON CONFLICT (name) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
            template = EXCLUDED.template, arguments = EXCLUDED.arguments, active = EXCLUDED.active,
            updated_by = EXCLUDED.updated_by
        RETURNING t.version INTO new_version;
    ELSIF p_table = 'default_resource' THEN
        INSERT INTO default_resource AS t (uri, name, title, description, mime_type, content_text, content_blob, active, updated_by)
        SELECT r.uri, r.name, r.title, r.description, r.mime_type, r.content_text, r.content_blob, r.active, actor
          FROM jsonb_populate_record(NULL::default_resource, h.row_data) r
        ON CONFLICT (uri) DO UPDATE SET name = EXCLUDED.name, title = EXCLUDED.title,
            description = EXCLUDED.description, mime_type = EXCLUDED.mime_type,
            content_text = EXCLUDED.content_text, content_blob = EXCLUDED.content_blob,
            active = EXCLUDED.active, updated_by = EXCLUDED.updated_by
        RETURNING t.version INTO new_version;
    ELSIF p_table = 'organization_prompt' THEN
        INSERT INTO organization_prompt AS t (org_id, name, title, description, template, arguments, active, updated_by)
        SELECT r.org_id, r.name, r.title, r.description, r.template, r.arguments, r.active, actor
          FROM jsonb_populate_record(NULL::organization_prompt, h.row_data) r
        ON CONFLICT (org_id, name) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
            template = EXCLUDED.template, arguments = EXCLUDED.arguments, active = EXCLUDED.active,
            updated_by = EXCLUDED.updated_by
        RETURNING t.version INTO new_version;
    ELSE
        INSERT INTO organization_resource AS t (org_id, uri, name, title, description, mime_type, content_text, content_blob, active, updated_by)
        SELECT r.org_id, r.uri, r.name, r.title, r.description, r.mime_type, r.content_text, r.content_blob, r.active, actor
          FROM jsonb_populate_record(NULL::organization_resource, h.row_data) r
        ON CONFLICT (org_id, uri) DO UPDATE SET name = EXCLUDED.name, title = EXCLUDED.title,
            description = EXCLUDED.description, mime_type = EXCLUDED.mime_type,
            content_text = EXCLUDED.content_text, content_blob = EXCLUDED.content_blob,
            active = EXCLUDED.active, updated_by = EXCLUDED.updated_by
        RETURNING t.version INTO new_version;
    END IF;
    RETURN new_version;
END
$$;
