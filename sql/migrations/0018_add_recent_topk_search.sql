-- A bounded top-k path for common terms. fw_search ranked every match before taking the top
-- max_rows, so a term in 10-60 % of documents read and ranked tens of thousands of texts.
-- Now fw_search first walks current documents newest first (published_at DESC NULLS LAST,
-- version_id DESC) with the exact match as a filter, examining at most
-- least(50 * max_rows, 20000) of them and stopping at max_rows hits. If it finds max_rows hits,
-- those (the max_rows newest matches) are the result; otherwise it falls back to the index path
-- (fw_build_search_sql), which ranks every match as before. docs/search.md states the order.

CREATE INDEX document_versions_recent_idx
    ON document_versions (published_at DESC NULLS LAST, version_id DESC);

-- The recency walk: returns the max_rows ($1) newest matching current documents among the
-- newest $2 current documents, ordered by rank, or no row at all when fewer than $1 match.
-- The match is checked with strpos only (no bigram array per row), on every term. The current-
-- version check is a LATERAL subquery fenced with OFFSET 0: as a plain join the planner estimates
-- one current row in total (two equality clauses multiplied) and sorts the whole table instead of
-- walking document_versions_recent_idx; fenced, it estimates one row per version, correctly.
CREATE FUNCTION fw_build_topk_sql(parsed jsonb) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
    WITH terms AS (
        SELECT g.ord AS grp, fw_normalize(t) AS t
        FROM jsonb_array_elements(parsed -> 'all') WITH ORDINALITY AS g(alts, ord),
             jsonb_array_elements_text(g.alts) AS t
    ), groups AS (
        SELECT grp, string_agg(format('strpos(p.search_text, %L) > 0', t), ' OR ') AS exact
        FROM terms GROUP BY grp
    )
    SELECT format(
        'WITH hits AS MATERIALIZED (
             SELECT p.document_id, p.version_id, p.title, p.url, p.published_at, p.search_text
             FROM (SELECT v.document_id, v.version_id, v.title, d.url, v.published_at, v.search_text
                   FROM document_versions v
                   CROSS JOIN LATERAL (SELECT c.canonical_url AS url FROM documents c
                                       WHERE c.document_id = v.document_id AND c.current_version_id = v.version_id
                                       OFFSET 0) d
                   ORDER BY v.published_at DESC NULLS LAST, v.version_id DESC
                   LIMIT $2) p
             WHERE %s AND %s
             ORDER BY p.published_at DESC NULLS LAST, p.version_id DESC
             LIMIT $1)
         SELECT h.document_id, h.version_id, h.title, h.url, h.published_at, (%s)::real AS rank
         FROM hits h
         WHERE (SELECT count(*) FROM hits) = $1
         ORDER BY rank DESC, h.published_at DESC NULLS LAST, h.document_id',
        (SELECT string_agg('(' || exact || ')', ' AND ') FROM groups),
        coalesce((SELECT string_agg(format('strpos(p.search_text, %L) = 0', fw_normalize(t)), ' AND ')
                  FROM jsonb_array_elements_text(parsed -> 'none') AS t), 'true'),
        (SELECT string_agg(format('fw_rank_normalized(h.search_text, %L)', t), ' + ') FROM terms))
$build$;

CREATE OR REPLACE FUNCTION fw_search(query text, max_rows integer DEFAULT 20)
RETURNS TABLE (document_id bigint, version_id bigint, title text, url text,
               published_at timestamptz, rank real)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path FROM CURRENT
AS $search$
DECLARE
    parsed jsonb;
    probe bigint;
    found_rows bigint;
BEGIN
    IF max_rows IS NULL OR max_rows < 1 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'max_rows must be a positive number';
    END IF;
    parsed := fw_parse_query(query);
    probe := least(50 * max_rows::bigint, 20000);
    IF max_rows <= probe THEN
        RETURN QUERY EXECUTE fw_build_topk_sql(parsed) USING max_rows, probe;
        GET DIAGNOSTICS found_rows = ROW_COUNT;
        IF found_rows > 0 THEN
            RETURN;
        END IF;
    END IF;
    RETURN QUERY EXECUTE fw_build_search_sql(parsed) USING max_rows;
END
$search$;

COMMENT ON FUNCTION fw_search(text, integer) IS
    'Search of current document versions: space/AND, OR, NOT or -term, "phrases". If max_rows of the newest least(50*max_rows, 20000) documents match, returns the max_rows newest matches; otherwise the top max_rows of all matches by rank (bigram index). Both ordered by rank.';
