-- mcp-config data model: organizations, default prompts/resources, per-organization
-- overrides, and one append-only history. Every rule a writer could forget (version,
-- history, actor, limits) is enforced here, so a direct SQL write is as safe as the API.
-- Constraint names are sentences: PostgreSQL puts them in the error a writer sees.

-- The actor of a write: the session setting `mcpconfig.actor` if set, else the database user.
CREATE FUNCTION mcpconfig_session_actor() RETURNS text
    LANGUAGE sql STABLE AS
$$ SELECT coalesce(nullif(current_setting('mcpconfig.actor', true), ''), session_user::text) $$;

-- Prompt arguments: a JSON array of {name, description, required}, names unique.
CREATE FUNCTION mcpconfig_prompt_arguments_valid(args jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS
$$
SELECT args IS NULL OR (
    jsonb_typeof(args) = 'array'
    AND NOT EXISTS (
        SELECT 1 FROM jsonb_array_elements(args) a
        WHERE jsonb_typeof(a) <> 'object'
           OR jsonb_typeof(a -> 'name') IS DISTINCT FROM 'string'
           OR (a ->> 'name') !~ '^[A-Za-z_][A-Za-z0-9_.-]{0,63}$'
           OR coalesce(jsonb_typeof(a -> 'description'), 'null') NOT IN ('string', 'null')
           OR coalesce(jsonb_typeof(a -> 'required'), 'null') NOT IN ('boolean', 'null')
           OR EXISTS (SELECT 1 FROM jsonb_object_keys(a) k WHERE k NOT IN ('name', 'description', 'required')))
    AND (SELECT count(*) FROM jsonb_array_elements(args)) =
        (SELECT count(DISTINCT a ->> 'name') FROM jsonb_array_elements(args) a)
    AND jsonb_array_length(args) <= 64)
$$;

CREATE TABLE organization (
    id           text        PRIMARY KEY,
    display_name text        NOT NULL,
    active       boolean     NOT NULL DEFAULT true,
    version      bigint      NOT NULL DEFAULT 0,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    updated_by   text,
    CONSTRAINT org_id_must_be_lowercase_a_z_0_9_dot_dash_underscore_max_63
        CHECK (id ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
    CONSTRAINT org_display_name_must_have_1_to_200_chars
        CHECK (char_length(display_name) BETWEEN 1 AND 200)
);

CREATE TABLE default_prompt (
    name        text        PRIMARY KEY,
    title       text,
    description text,
    template    text        NOT NULL,
    arguments   jsonb       NOT NULL DEFAULT '[]',
    active      boolean     NOT NULL DEFAULT true,
    version     bigint      NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text,
    CONSTRAINT prompt_name_must_be_1_to_128_of_a_z_0_9_dot_dash_underscore
        CHECK (name ~ '^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$'),
    CONSTRAINT prompt_title_must_be_at_most_200_chars CHECK (char_length(title) <= 200),
    CONSTRAINT prompt_description_must_be_at_most_4000_chars CHECK (char_length(description) <= 4000),
    CONSTRAINT prompt_template_must_be_1_byte_to_256_kib
        CHECK (octet_length(template) BETWEEN 1 AND 262144),
    CONSTRAINT prompt_arguments_must_be_array_of_name_description_required
        CHECK (mcpconfig_prompt_arguments_valid(arguments))
);

CREATE TABLE default_resource (
    uri          text        PRIMARY KEY,
    name         text        NOT NULL,
    title        text,
    description  text,
    mime_type    text        NOT NULL DEFAULT 'text/plain',
    content_text text,
    content_blob bytea,
    active       boolean     NOT NULL DEFAULT true,
    version      bigint      NOT NULL DEFAULT 0,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    updated_by   text,
    CONSTRAINT resource_uri_must_be_scheme_colon_rest_at_most_2048_chars
        CHECK (uri ~ '^[A-Za-z][A-Za-z0-9+.-]*:[^[:space:]]+$' AND char_length(uri) <= 2048),
    CONSTRAINT resource_name_must_have_1_to_200_chars CHECK (char_length(name) BETWEEN 1 AND 200),
    CONSTRAINT resource_title_must_be_at_most_200_chars CHECK (char_length(title) <= 200),
    CONSTRAINT resource_description_must_be_at_most_4000_chars CHECK (char_length(description) <= 4000),
    CONSTRAINT resource_mime_type_must_look_like_type_slash_subtype
        CHECK (mime_type ~* '^[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+( *;.*)?$' AND char_length(mime_type) <= 255),
    CONSTRAINT default_resource_needs_exactly_one_of_text_or_blob_content
        CHECK ((content_text IS NULL) <> (content_blob IS NULL)),
    CONSTRAINT resource_content_must_be_at_most_1_mib
        CHECK (coalesce(octet_length(content_text), 0) <= 1048576 AND coalesce(octet_length(content_blob), 0) <= 1048576)
);

-- Overrides: every content column is nullable; a null field inherits the default's (merge rule).
CREATE TABLE organization_prompt (
    org_id      text        NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    name        text        NOT NULL,
    title       text,
    description text,
    template    text,
    arguments   jsonb,
    active      boolean,
    version     bigint      NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text,
    PRIMARY KEY (org_id, name),
    CONSTRAINT prompt_name_must_be_1_to_128_of_a_z_0_9_dot_dash_underscore
        CHECK (name ~ '^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$'),
    CONSTRAINT prompt_title_must_be_at_most_200_chars CHECK (char_length(title) <= 200),
    CONSTRAINT prompt_description_must_be_at_most_4000_chars CHECK (char_length(description) <= 4000),
    CONSTRAINT prompt_template_must_be_1_byte_to_256_kib
        CHECK (octet_length(template) BETWEEN 1 AND 262144),
    CONSTRAINT prompt_arguments_must_be_array_of_name_description_required
        CHECK (mcpconfig_prompt_arguments_valid(arguments))
);

CREATE TABLE organization_resource (
    org_id       text        NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    uri          text        NOT NULL,
    name         text,
    title        text,
    description  text,
    mime_type    text,
    content_text text,
    content_blob bytea,
    active       boolean,
    version      bigint      NOT NULL DEFAULT 0,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    updated_by   text,
    PRIMARY KEY (org_id, uri),
    CONSTRAINT resource_uri_must_be_scheme_colon_rest_at_most_2048_chars
        CHECK (uri ~ '^[A-Za-z][A-Za-z0-9+.-]*:[^[:space:]]+$' AND char_length(uri) <= 2048),
    CONSTRAINT resource_name_must_have_1_to_200_chars CHECK (char_length(name) BETWEEN 1 AND 200),
    CONSTRAINT resource_title_must_be_at_most_200_chars CHECK (char_length(title) <= 200),
    CONSTRAINT resource_description_must_be_at_most_4000_chars CHECK (char_length(description) <= 4000),
    CONSTRAINT resource_mime_type_must_look_like_type_slash_subtype
        CHECK (mime_type ~* '^[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+( *;.*)?$' AND char_length(mime_type) <= 255),
    CONSTRAINT override_resource_may_not_set_both_text_and_blob_content
        CHECK (content_text IS NULL OR content_blob IS NULL),
    CONSTRAINT resource_content_must_be_at_most_1_mib
        CHECK (coalesce(octet_length(content_text), 0) <= 1048576 AND coalesce(octet_length(content_blob), 0) <= 1048576)
);

-- Deletes and updates carry the whole before-image, and unchanged TOASTed values are
-- never replaced by Debezium's placeholder.
ALTER TABLE organization REPLICA IDENTITY FULL;
ALTER TABLE default_prompt REPLICA IDENTITY FULL;
ALTER TABLE default_resource REPLICA IDENTITY FULL;
ALTER TABLE organization_prompt REPLICA IDENTITY FULL;
ALTER TABLE organization_resource REPLICA IDENTITY FULL;

-- Append-only history of every write to the config tables (and organizations).
-- A delete is a version too: the key's next version, recorded with the before-image.
CREATE TABLE config_history (
    id         bigserial   PRIMARY KEY,
    table_name text        NOT NULL,
    scope      text        NOT NULL,  -- the organization id, or '_defaults' (the Kafka key of the change)
    item_key   text        NOT NULL,
    version    bigint      NOT NULL,
    op         char(1)     NOT NULL CHECK (op IN ('I', 'U', 'D')),
    row_data   jsonb       NOT NULL,
    actor      text        NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    tx_id      bigint      NOT NULL DEFAULT txid_current(),
    UNIQUE (table_name, scope, item_key, version)
);
CREATE INDEX config_history_by_actor ON config_history (actor, changed_at);

CREATE FUNCTION mcpconfig_scope_of(tbl text, r jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN tbl = 'organization' THEN r ->> 'id'
               WHEN tbl LIKE 'organization\_%' THEN r ->> 'org_id'
               ELSE '_defaults' END $$;

CREATE FUNCTION mcpconfig_key_of(tbl text, r jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN tbl = 'organization' THEN r ->> 'id'
               WHEN tbl LIKE '%prompt' THEN r ->> 'name'
               ELSE r ->> 'uri' END $$;

-- BEFORE INSERT/UPDATE: stamp version, time and actor; keys are immutable.
CREATE FUNCTION mcpconfig_stamp() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    new_row jsonb := to_jsonb(NEW);
    -- TG_TABLE_NAME is of type name, collation "C": compared with the text column as is, the
    -- history lookup below could not use its index and scanned the whole history on every insert
    -- (measured: 27 ms per write at 100k history rows). A text variable has the column's collation.
    tbl text := TG_TABLE_NAME;
    last_version bigint;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF mcpconfig_key_of(TG_TABLE_NAME, new_row) IS DISTINCT FROM mcpconfig_key_of(TG_TABLE_NAME, to_jsonb(OLD))
           OR mcpconfig_scope_of(TG_TABLE_NAME, new_row) IS DISTINCT FROM mcpconfig_scope_of(TG_TABLE_NAME, to_jsonb(OLD)) THEN
            RAISE EXCEPTION 'the key of a % row can''t change: delete the row and insert a new one', TG_TABLE_NAME
                USING ERRCODE = 'check_violation';
        END IF;
        NEW.version := OLD.version + 1;
        -- updated_by as written; an UPDATE that leaves it unchanged is attributed to the session's actor.
        IF NEW.updated_by IS NOT DISTINCT FROM OLD.updated_by THEN
            NEW.updated_by := mcpconfig_session_actor();
        END IF;
    ELSE
        -- Continue from the history, so a re-inserted key never reuses a version.
        SELECT max(version) INTO last_version FROM config_history
         WHERE table_name = tbl
           AND scope = mcpconfig_scope_of(tbl, new_row)
           AND item_key = mcpconfig_key_of(tbl, new_row);
        NEW.version := coalesce(last_version, 0) + 1;
        NEW.updated_by := coalesce(nullif(NEW.updated_by, ''), mcpconfig_session_actor());
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

-- AFTER INSERT/UPDATE/DELETE: append the full row to the history.
CREATE FUNCTION mcpconfig_record_history() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    r jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN
        r := to_jsonb(OLD);
        INSERT INTO config_history (table_name, scope, item_key, version, op, row_data, actor)
        VALUES (TG_TABLE_NAME, mcpconfig_scope_of(TG_TABLE_NAME, r), mcpconfig_key_of(TG_TABLE_NAME, r),
                OLD.version + 1, 'D', r, mcpconfig_session_actor());
        RETURN OLD;
    END IF;
    r := to_jsonb(NEW);
    INSERT INTO config_history (table_name, scope, item_key, version, op, row_data, actor)
    VALUES (TG_TABLE_NAME, mcpconfig_scope_of(TG_TABLE_NAME, r), mcpconfig_key_of(TG_TABLE_NAME, r),
            NEW.version, left(TG_OP, 1), r, NEW.updated_by);
    RETURN NEW;
END
$$;

-- BEFORE DELETE: a deleted row's before-image names its last writer, not who deleted it, so the
-- deleter is announced in the WAL just ahead of the delete (a transactional logical decoding
-- message, prefix 'mcpconfig.actor'), where the publisher picks it up for the change event.
CREATE FUNCTION mcpconfig_announce_delete() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    r jsonb := to_jsonb(OLD);
BEGIN
    PERFORM pg_logical_emit_message(true, 'mcpconfig.actor', jsonb_build_object(
        'table', TG_TABLE_NAME,
        'scope', mcpconfig_scope_of(TG_TABLE_NAME, r),
        'key', mcpconfig_key_of(TG_TABLE_NAME, r),
        'actor', mcpconfig_session_actor())::text);
    RETURN OLD;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['organization', 'default_prompt', 'default_resource',
                             'organization_prompt', 'organization_resource'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I
                        FOR EACH ROW EXECUTE FUNCTION mcpconfig_stamp()', t || '_stamp', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE DELETE ON %I
                        FOR EACH ROW EXECUTE FUNCTION mcpconfig_announce_delete()', t || '_announce_delete', t);
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
                        FOR EACH ROW EXECUTE FUNCTION mcpconfig_record_history()', t || '_history', t);
    END LOOP;
END
$$;

-- No view may outgrow what Kafka carries: the content of one scope (the defaults, or one
-- organization's overrides) is at most 8 MiB, checked at commit so a transaction is judged whole.
CREATE FUNCTION mcpconfig_scope_bytes(scope_org text) RETURNS bigint
    LANGUAGE sql STABLE AS
$$
SELECT CASE WHEN scope_org IS NULL THEN
    (SELECT coalesce(sum(octet_length(template)), 0) FROM default_prompt)
  + (SELECT coalesce(sum(coalesce(octet_length(content_text), 0) + coalesce(octet_length(content_blob), 0)), 0) FROM default_resource)
ELSE
    (SELECT coalesce(sum(octet_length(template)), 0) FROM organization_prompt WHERE org_id = scope_org)
  + (SELECT coalesce(sum(coalesce(octet_length(content_text), 0) + coalesce(octet_length(content_blob), 0)), 0)
       FROM organization_resource WHERE org_id = scope_org)
END
$$;

CREATE FUNCTION mcpconfig_check_scope_budget() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    scope_org text := to_jsonb(NEW) ->> 'org_id';
    used bigint := mcpconfig_scope_bytes(scope_org);
BEGIN
    IF used > 8388608 THEN
        RAISE EXCEPTION 'content of % would be % bytes, over the 8 MiB a scope may hold',
            coalesce('organization ' || scope_org, 'the defaults'), used
            USING ERRCODE = 'check_violation',
                  HINT = 'a view carries every effective prompt and resource in one Kafka record; move large content elsewhere';
    END IF;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['default_prompt', 'default_resource', 'organization_prompt', 'organization_resource'] LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE ON %I
                        DEFERRABLE INITIALLY DEFERRED
                        FOR EACH ROW EXECUTE FUNCTION mcpconfig_check_scope_budget()', t || '_scope_budget', t);
    END LOOP;
END
$$;
