-- futurewatch_reader: reads the published views and calls the search functions, nothing else.
-- Roles are cluster-wide (shared by every database on the server), so it is created only if
-- missing, and a concurrent creation by another database's migration is tolerated.
DO $role$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'futurewatch_reader') THEN
        CREATE ROLE futurewatch_reader NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object THEN
    NULL;  -- created meanwhile by a migration of another database on this server
END
$role$;

DO $grants$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO futurewatch_reader', current_schema());
END
$grants$;

GRANT SELECT ON v_sources, v_documents, v_document_categories, v_categories, v_policy_documents,
    v_entities, v_entity_mentions, v_stories TO futurewatch_reader;

-- fw_search reads base tables as its owner (SECURITY DEFINER): only the reader may call it.
REVOKE EXECUTE ON FUNCTION fw_search(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fw_search(text, integer), fw_contains(text, text), fw_lacks(text, text),
    fw_normalize(text), fw_term_rank(text, text), fw_rank_normalized(text, text), fw_parse_query(text)
    TO futurewatch_reader;
