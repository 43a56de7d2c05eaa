-- Cheap checks: the same rules as V1, V3 and V3_1, at a fraction of the cost per written row.
--
-- Why: the prompt tables' CHECK constraints call six validity functions written in LANGUAGE sql.
-- PostgreSQL cannot inline a SQL function whose body holds subqueries, so each call of each one
-- parsed and planned its body again, on every row written, even when the column is NULL. Measured
-- with pgbench (an override upsert, 10 clients, this 2-core machine): those calls cost ~90% of a
-- row write; a copy of organization_prompt with these constraints took 1,100 upserts/s, 11,900 with
-- the functions below. The scope budget trigger's mcpconfig_scope_bytes (same kind of function)
-- cost as much again. PL/pgSQL caches each query's plan per session, and a NULL column (most
-- rows: a prompt has messages or a template, and arguments only sometimes) returns before any query.
-- Same arguments, same results, same constraint names: nothing else changes.

CREATE OR REPLACE FUNCTION mcpconfig_prompt_messages_shape_valid(msgs jsonb) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
BEGIN
    IF msgs IS NULL THEN
        RETURN true;
    END IF;
    RETURN CASE WHEN msgs IS NULL THEN true
                    WHEN jsonb_typeof(msgs) <> 'array' THEN false
                    ELSE jsonb_array_length(msgs) BETWEEN 1 AND 64 AND NOT EXISTS (
                        SELECT 1 FROM jsonb_array_elements(msgs) m
                        WHERE CASE WHEN jsonb_typeof(m) <> 'object' THEN true
                                   ELSE NOT (m ? 'role' AND m ? 'content')
                                        OR EXISTS (SELECT 1 FROM jsonb_object_keys(m) k WHERE k NOT IN ('role', 'content')) END)
               END;
END
$$;

CREATE OR REPLACE FUNCTION mcpconfig_prompt_messages_contents_valid(msgs jsonb) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
BEGIN
    IF msgs IS NULL THEN
        RETURN true;
    END IF;
    RETURN CASE WHEN msgs IS NULL OR NOT mcpconfig_prompt_messages_shape_valid(msgs) THEN true ELSE NOT EXISTS (
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
                    END, false)) END;
END
$$;

CREATE OR REPLACE FUNCTION mcpconfig_prompt_arguments_valid(args jsonb) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
BEGIN
    IF args IS NULL THEN
        RETURN true;
    END IF;
    RETURN args IS NULL OR (
            jsonb_typeof(args) = 'array'
            AND NOT EXISTS (
                SELECT 1 FROM jsonb_array_elements(args) a
                WHERE jsonb_typeof(a) <> 'object'
                   OR jsonb_typeof(a -> 'name') IS DISTINCT FROM 'string'
                   OR (a ->> 'name') !~ '^[A-Za-z_][A-Za-z0-9_.-]{0,63}$'
                   OR coalesce(jsonb_typeof(a -> 'description'), 'null') NOT IN ('string', 'null')
                   OR coalesce(jsonb_typeof(a -> 'required'), 'null') NOT IN ('boolean', 'null')
                   OR coalesce(jsonb_typeof(a -> 'values'), 'array') <> 'array'
                   OR (jsonb_typeof(a -> 'values') = 'array' AND (
                          jsonb_array_length(a -> 'values') > 1000
                          OR EXISTS (SELECT 1 FROM jsonb_array_elements(a -> 'values') v
                                     WHERE jsonb_typeof(v) <> 'string' OR length(v #>> '{}') NOT BETWEEN 1 AND 200)
                          OR (SELECT count(*) FROM jsonb_array_elements_text(a -> 'values'))
                             <> (SELECT count(DISTINCT v) FROM jsonb_array_elements_text(a -> 'values') v)))
                   OR EXISTS (SELECT 1 FROM jsonb_object_keys(a) k WHERE k NOT IN ('name', 'description', 'required', 'values')))
            AND (SELECT count(*) FROM jsonb_array_elements(args)) =
                (SELECT count(DISTINCT a ->> 'name') FROM jsonb_array_elements(args) a)
            AND jsonb_array_length(args) <= 64);
END
$$;

CREATE OR REPLACE FUNCTION mcpconfig_prompt_messages_roles_valid(msgs jsonb) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
BEGIN
    IF msgs IS NULL THEN
        RETURN true;
    END IF;
    RETURN CASE WHEN msgs IS NULL OR NOT mcpconfig_prompt_messages_shape_valid(msgs) THEN true ELSE NOT EXISTS (
            SELECT 1 FROM jsonb_array_elements(msgs) m
            WHERE jsonb_typeof(m -> 'role') IS DISTINCT FROM 'string' OR (m ->> 'role') NOT IN ('user', 'assistant')) END;
END
$$;

CREATE OR REPLACE FUNCTION mcpconfig_prompt_messages_texts_valid(msgs jsonb) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
BEGIN
    IF msgs IS NULL THEN
        RETURN true;
    END IF;
    RETURN CASE WHEN msgs IS NULL OR NOT mcpconfig_prompt_messages_shape_valid(msgs)
                         OR NOT mcpconfig_prompt_messages_contents_valid(msgs) THEN true ELSE NOT EXISTS (
            SELECT 1 FROM jsonb_array_elements(msgs) m
            WHERE m -> 'content' ->> 'type' = 'text'
              AND octet_length(m -> 'content' ->> 'text') NOT BETWEEN 1 AND 262144) END;
END
$$;

CREATE OR REPLACE FUNCTION mcpconfig_prompt_messages_uris_valid(msgs jsonb) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
BEGIN
    IF msgs IS NULL THEN
        RETURN true;
    END IF;
    RETURN CASE WHEN msgs IS NULL OR NOT mcpconfig_prompt_messages_shape_valid(msgs)
                         OR NOT mcpconfig_prompt_messages_contents_valid(msgs) THEN true ELSE NOT EXISTS (
            SELECT 1 FROM jsonb_array_elements(msgs) m
            WHERE m -> 'content' ->> 'type' IN ('resource', 'resource_link')
              AND NOT ((m -> 'content' ->> 'uri') ~ '^[A-Za-z][A-Za-z0-9+.-]*:[^[:space:]]+$'
                       AND char_length(m -> 'content' ->> 'uri') <= 2048)) END;
END
$$;

-- The scope budget (V3's rule: templates, messages and resource contents of one scope).
CREATE OR REPLACE FUNCTION mcpconfig_scope_bytes(scope_org text) RETURNS bigint
    LANGUAGE plpgsql STABLE AS
$$
BEGIN
    IF scope_org IS NULL THEN
        RETURN (SELECT coalesce(sum(coalesce(octet_length(template), 0) + coalesce(octet_length(messages::text), 0)), 0)
                  FROM default_prompt)
             + (SELECT coalesce(sum(coalesce(octet_length(content_text), 0) + coalesce(octet_length(content_blob), 0)), 0)
                  FROM default_resource);
    END IF;
    RETURN (SELECT coalesce(sum(coalesce(octet_length(template), 0) + coalesce(octet_length(messages::text), 0)), 0)
              FROM organization_prompt WHERE org_id = scope_org)
         + (SELECT coalesce(sum(coalesce(octet_length(content_text), 0) + coalesce(octet_length(content_blob), 0)), 0)
              FROM organization_resource WHERE org_id = scope_org);
END
$$;
