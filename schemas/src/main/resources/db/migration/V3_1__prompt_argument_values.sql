-- Prompt arguments may declare suggested values (MCP completion/complete):
-- {"name": "tone", "values": ["friendly", "formal", "apologetic"]}.
-- Version 3.1: V3 is the prompt-messages migration, V4 the control plane's; this one only widens
-- the arguments rule, so it sorts between them whatever order the branches merge in.
-- values: an array of 1 to 200-character strings, at most 1000 of them, no duplicates.
CREATE OR REPLACE FUNCTION mcpconfig_prompt_arguments_valid(args jsonb) RETURNS boolean
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
    AND jsonb_array_length(args) <= 64)
$$;
