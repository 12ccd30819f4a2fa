-- Bulk loads (issue 17, docs/perf/load_steps.md): two per-row costs of inserting a version
-- that the batch writers need not pay.
--
-- 1. The search-text trigger (0170, 0220) ran for every inserted row. For a row that arrives
--    with both search_text and search_keys and is not one of the 1 in 64 checked, it changes
--    nothing, yet PL/pgSQL took the ~15 KB row apart and built it again (~8 % of a bulk load's
--    CPU). INSERT now has its own trigger with a WHEN condition that lets exactly those rows
--    through untouched, without calling the function; UPDATE keeps the trigger as it was. The
--    function is unchanged, so every row the condition passes gets what it got before.
-- 2. search_text is stored uncompressed (STORAGE EXTERNAL, like search_keys since 0220): it is
--    derived from title and text, which stay compressed, and pglz compressing it was ~7 % of a
--    bulk load's CPU (it compressed 5 KB of Chinese to ~3.2 KB). Search reads it without
--    decompressing. Rows already stored keep their compressed values until rewritten.

DROP TRIGGER IF EXISTS document_versions_search_text ON document_versions;

CREATE TRIGGER document_versions_search_text_insert
    BEFORE INSERT ON document_versions
    FOR EACH ROW
    WHEN (NEW.search_text IS NULL OR NEW.search_keys IS NULL OR NEW.version_id % 64 = 0)
    EXECUTE FUNCTION fw_fill_search_text();

CREATE TRIGGER document_versions_search_text
    BEFORE UPDATE OF title, text, search_text, search_keys ON document_versions
    FOR EACH ROW EXECUTE FUNCTION fw_fill_search_text();

ALTER TABLE document_versions ALTER COLUMN search_text SET STORAGE EXTERNAL;
