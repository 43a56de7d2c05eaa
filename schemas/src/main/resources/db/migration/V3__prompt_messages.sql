-- Chat prompts: a prompt's body is its template (one user message, the shorthand it always was) or
-- its messages, a JSON array of MCP prompt messages:
--   [{"role": "user" | "assistant",
--     "content": {"type": "text", "text": "<Mustache template>"}
--              | {"type": "resource", "uri": "<URI of one of the org's resources, embedded>"}
--              | {"type": "resource_link", "uri": "<URI of one of the org's resources, linked>"}}, ...]
-- Template and messages are one field for the merge rule: a default has exactly one of them, an
-- override sets at most one, and an override that sets either replaces the default's body whole.
-- Whether an embedded resource exists is the merge rule's business (it depends on the org's view),
-- not the database's: a prompt naming a resource its org does not serve is reported, never served.

-- Each rule is one function, so each constraint says one thing and only it fires for its problem.
CREATE FUNCTION mcpconfig_prompt_messages_shape_valid(msgs jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS
$$
SELECT CASE WHEN msgs IS NULL THEN true
            WHEN jsonb_typeof(msgs) <> 'array' THEN false
            ELSE jsonb_array_length(msgs) BETWEEN 1 AND 64 AND NOT EXISTS (
                SELECT 1 FROM jsonb_array_elements(msgs) m
                WHERE CASE WHEN jsonb_typeof(m) <> 'object' THEN true
                           ELSE NOT (m ? 'role' AND m ? 'content')
                                OR EXISTS (SELECT 1 FROM jsonb_object_keys(m) k WHERE k NOT IN ('role', 'content')) END)
       END
$$;

CREATE FUNCTION mcpconfig_prompt_messages_roles_valid(msgs jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS
$$
SELECT CASE WHEN msgs IS NULL OR NOT mcpconfig_prompt_messages_shape_valid(msgs) THEN true ELSE NOT EXISTS (
    SELECT 1 FROM jsonb_array_elements(msgs) m
    WHERE jsonb_typeof(m -> 'role') IS DISTINCT FROM 'string' OR (m ->> 'role') NOT IN ('user', 'assistant')) END
$$;

-- The content's type and its keys; the text's size and the URI's form have constraints of their own.
CREATE FUNCTION mcpconfig_prompt_messages_contents_valid(msgs jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS
$$
SELECT CASE WHEN msgs IS NULL OR NOT mcpconfig_prompt_messages_shape_valid(msgs) THEN true ELSE NOT EXISTS (
    SELECT 1 FROM jsonb_array_elements(msgs) m
    WHERE NOT coalesce(
        jsonb_typeof(m -> 'content') = 'object'
        AND CASE m -> 'content' ->> 'type'
                WHEN 'text' THEN jsonb_typeof(m -> 'content' -> 'text') = 'string'
                                 AND NOT EXISTS (SELECT 1 FROM jsonb_object_keys(m -> 'content') k WHERE k NOT IN ('type', 'text'))
                WHEN 'resource' THEN jsonb_typeof(m -> 'content' -> 'uri') = 'string'
                                 AND NOT EXISTS (SELECT 1 FROM jsonb_object_keys(m -> 'content') k WHERE k NOT IN ('type', 'uri'))
                WHEN 'resource_link' THEN jsonb_typeof(m -> 'content' -> 'uri') = 'string'
                                 AND NOT EXISTS (SELECT 1 FROM jsonb_object_keys(m -> 'content') k WHERE k NOT IN ('type', 'uri'))
                ELSE false
            END, false)) END
$$;

CREATE FUNCTION mcpconfig_prompt_messages_texts_valid(msgs jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS
$$
SELECT CASE WHEN msgs IS NULL OR NOT mcpconfig_prompt_messages_shape_valid(msgs)
                 OR NOT mcpconfig_prompt_messages_contents_valid(msgs) THEN true ELSE NOT EXISTS (
    SELECT 1 FROM jsonb_array_elements(msgs) m
    WHERE m -> 'content' ->> 'type' = 'text'
      AND octet_length(m -> 'content' ->> 'text') NOT BETWEEN 1 AND 262144) END
$$;

-- The same form as a resource's URI (resource_uri_must_be_scheme_colon_rest_at_most_2048_chars).
CREATE FUNCTION mcpconfig_prompt_messages_uris_valid(msgs jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS
$$
SELECT CASE WHEN msgs IS NULL OR NOT mcpconfig_prompt_messages_shape_valid(msgs)
                 OR NOT mcpconfig_prompt_messages_contents_valid(msgs) THEN true ELSE NOT EXISTS (
    SELECT 1 FROM jsonb_array_elements(msgs) m
    WHERE m -> 'content' ->> 'type' IN ('resource', 'resource_link')
      AND NOT ((m -> 'content' ->> 'uri') ~ '^[A-Za-z][A-Za-z0-9+.-]*:[^[:space:]]+$'
               AND char_length(m -> 'content' ->> 'uri') <= 2048)) END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['default_prompt', 'organization_prompt'] LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN messages jsonb', t);
        EXECUTE format('ALTER TABLE %I
            ADD CONSTRAINT prompt_messages_must_be_a_list_of_1_to_64_role_content_objects
                CHECK (mcpconfig_prompt_messages_shape_valid(messages)),
            ADD CONSTRAINT prompt_message_role_must_be_user_or_assistant
                CHECK (mcpconfig_prompt_messages_roles_valid(messages)),
            ADD CONSTRAINT prompt_message_content_must_be_text_resource_or_resource_link
                CHECK (mcpconfig_prompt_messages_contents_valid(messages)),
            ADD CONSTRAINT prompt_message_text_must_be_1_byte_to_256_kib
                CHECK (mcpconfig_prompt_messages_texts_valid(messages)),
            ADD CONSTRAINT prompt_message_uri_must_be_scheme_colon_rest_at_most_2048_chars
                CHECK (mcpconfig_prompt_messages_uris_valid(messages)),
            ADD CONSTRAINT prompt_messages_must_be_at_most_512_kib
                CHECK (octet_length(messages::text) <= 524288)', t);
    END LOOP;
END
$$;

ALTER TABLE default_prompt ALTER COLUMN template DROP NOT NULL,
    ADD CONSTRAINT default_prompt_needs_exactly_one_of_template_or_messages
        CHECK ((template IS NULL) <> (messages IS NULL));
ALTER TABLE organization_prompt
    ADD CONSTRAINT override_prompt_may_not_set_both_template_and_messages
        CHECK (template IS NULL OR messages IS NULL);

-- A scope's budget counts messages as it counts templates.
CREATE OR REPLACE FUNCTION mcpconfig_scope_bytes(scope_org text) RETURNS bigint
    LANGUAGE sql STABLE AS
$$
SELECT CASE WHEN scope_org IS NULL THEN
    (SELECT coalesce(sum(coalesce(octet_length(template), 0) + coalesce(octet_length(messages::text), 0)), 0) FROM default_prompt)
  + (SELECT coalesce(sum(coalesce(octet_length(content_text), 0) + coalesce(octet_length(content_blob), 0)), 0) FROM default_resource)
ELSE
    (SELECT coalesce(sum(coalesce(octet_length(template), 0) + coalesce(octet_length(messages::text), 0)), 0)
       FROM organization_prompt WHERE org_id = scope_org)
  + (SELECT coalesce(sum(coalesce(octet_length(content_text), 0) + coalesce(octet_length(content_blob), 0)), 0)
       FROM organization_resource WHERE org_id = scope_org)
END
$$;

-- Rollback restores a prompt's messages too (V2's function, with the messages column). History rows
-- written before this migration have no "messages" key: jsonb_populate_record reads it as NULL, a
-- template prompt, which is what they were.
CREATE OR REPLACE FUNCTION mcpconfig_rollback(p_table text, p_scope text, p_key text, p_version bigint, p_actor text DEFAULT NULL)
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
        INSERT INTO default_prompt AS t (name, title, description, template, messages, arguments, active, updated_by)
        SELECT r.name, r.title, r.description, r.template, r.messages, r.arguments, r.active, actor
          FROM jsonb_populate_record(NULL::default_prompt, h.row_data) r
        ON CONFLICT (name) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
            template = EXCLUDED.template, messages = EXCLUDED.messages, arguments = EXCLUDED.arguments, active = EXCLUDED.active,
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
        INSERT INTO organization_prompt AS t (org_id, name, title, description, template, messages, arguments, active, updated_by)
        SELECT r.org_id, r.name, r.title, r.description, r.template, r.messages, r.arguments, r.active, actor
          FROM jsonb_populate_record(NULL::organization_prompt, h.row_data) r
        ON CONFLICT (org_id, name) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
            template = EXCLUDED.template, messages = EXCLUDED.messages, arguments = EXCLUDED.arguments, active = EXCLUDED.active,
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
