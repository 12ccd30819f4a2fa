-- fw_search chooses its plan from the bigram index's own count (issue 17), before reading any text.
--
-- C = the number of document versions the index offers as candidates for the query (every
-- positive group's bigrams contained; counted from the index, up to a cap, without reading texts;
-- excluded terms do not count).
--   * C <= rank_all (200; setting futurewatch.search_rank_all; ranking costs ~0.1 ms per 5 KB
--     text): a rare query. Every match is
--     ranked; the result is the top max_rows of all matches (plan "ranked").
--   * C  > rank_all: a common query. The result is the max_rows newest matching current
--     documents, shown in rank order. Two ways to find them, same rows either way:
--       "recent": when C is large enough that the newest probe documents should hold
--                 2 x max_rows matches, walk current documents newest first (fw_build_topk_sql);
--                 if the walk finds fewer than max_rows, fall through to "newest";
--       "newest": the candidates' dates come from the heap (no text read), newest first, and
--                 texts are checked one by one until max_rows match.
-- So the cost of every plan is bounded by min(C, rank_all) texts, or by ~max_rows texts plus C
-- heap tuples, never by ranking tens of thousands of matches.

-- The index conditions of a parsed query: per group, any alternative's bigrams contained. With
-- `exclude`, also no version that has an excluded term of two characters (there the bigram is
-- the term): a hashed NOT IN whose versions come from one bitmap scan, texts never read. Only the
-- "newest" plan uses it: there a common excluded term would otherwise make it read text after
-- text; the count and the ranked plan (at most rank_all texts) check exclusions on the text.
CREATE FUNCTION fw_build_candidate_sql(parsed jsonb, exclude boolean DEFAULT false) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
    SELECT string_agg('(' || alts || ')', ' AND ')
        || CASE WHEN exclude THEN coalesce(
               (SELECT string_agg(format(' AND v.version_id NOT IN (SELECT x.version_id FROM document_versions x'
                                         ' WHERE (fw_bigrams(x.search_text) COLLATE "C") @> ARRAY[%L])', n), '')
                FROM (SELECT fw_normalize(t) AS n FROM jsonb_array_elements_text(parsed -> 'none') AS t) AS ex
                WHERE length(n) = 2), '') ELSE '' END
    FROM (SELECT string_agg(format('(fw_bigrams(v.search_text) COLLATE "C") @> fw_bigrams(%L)', fw_normalize(t)),
                            ' OR ') AS alts
          FROM jsonb_array_elements(parsed -> 'all') WITH ORDINALITY AS g(alts, ord),
               jsonb_array_elements_text(g.alts) AS t
          GROUP BY g.ord) AS groups
$build$;

-- Exact checks of a parsed query on alias `a`: every group (any alternative), no excluded term.
CREATE FUNCTION fw_build_exact_sql(parsed jsonb, a text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
    SELECT coalesce((SELECT string_agg('(' || alts || ')', ' AND ')
                     FROM (SELECT string_agg(format('strpos(%I.search_text, %L) > 0', a, fw_normalize(t)), ' OR ') AS alts
                           FROM jsonb_array_elements(parsed -> 'all') WITH ORDINALITY AS g(alts, ord),
                                jsonb_array_elements_text(g.alts) AS t
                           GROUP BY g.ord) AS groups), 'true')
        || ' AND ' ||
        coalesce((SELECT string_agg(format('strpos(%I.search_text, %L) = 0', a, fw_normalize(t)), ' AND ')
                  FROM jsonb_array_elements_text(parsed -> 'none') AS t), 'true')
$build$;

CREATE FUNCTION fw_build_rank_sql(parsed jsonb, a text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
    SELECT string_agg(format('fw_rank_normalized(%I.search_text, %L)', a, fw_normalize(t)), ' + ')
    FROM jsonb_array_elements(parsed -> 'all') AS g(alts), jsonb_array_elements_text(g.alts) AS t
$build$;

-- Every statement below reads a text once: `search_text || ''` detoasts and decompresses it into
-- a plain value inside an OFFSET 0 subquery, and the checks and the rank use that value. Naming
-- the stored column in each strpos()/replace() would decompress the text again for every call
-- (five or more times per candidate).

-- The ranked path's statement, with the index conditions compared in the index's collation.
CREATE OR REPLACE FUNCTION fw_build_search_sql(parsed jsonb) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
    SELECT format(
        'SELECT d.document_id, t.version_id, t.title, d.canonical_url AS url, t.published_at, (%s)::real AS rank
         FROM (SELECT v.version_id, v.title, v.published_at, v.search_text || '''' AS search_text
               FROM document_versions v WHERE %s OFFSET 0) t
         JOIN documents d ON d.current_version_id = t.version_id
         WHERE %s
         ORDER BY rank DESC, t.published_at DESC NULLS LAST, d.document_id
         LIMIT $1',
        fw_build_rank_sql(parsed, 't'), fw_build_candidate_sql(parsed), fw_build_exact_sql(parsed, 't'))
$build$;

-- The "newest" plan: candidates with their dates (heap tuples only), newest first; whether each
-- is current, and its text, are looked up only until $1 match; the $1 found are returned in rank
-- order. The sorted candidates are fenced (OFFSET 0) and drive a nested loop, which keeps their
-- order, so the LIMIT stops the exact checks early instead of checking every candidate first.
-- `bounded`: only the newest $2 candidates are checked, and rows come back only when the answer
-- is complete ($1 found, or every candidate checked); otherwise none, and fw_search runs the
-- unbounded form, which first drops candidates holding an excluded two-character term through
-- the index (fw_build_candidate_sql with exclude). Excluded terms cost text reads only in the
-- rare case that nearly every candidate holds them.
CREATE FUNCTION fw_build_newest_sql(parsed jsonb, bounded boolean) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
    SELECT format(
        'WITH candidates AS MATERIALIZED (
             SELECT v.version_id, v.document_id, v.published_at FROM document_versions v WHERE %s),
         hits AS MATERIALIZED (
             SELECT d.document_id, c.version_id, t.title, d.url, c.published_at, t.search_text
             FROM (SELECT * FROM candidates
                   ORDER BY published_at DESC NULLS LAST, version_id DESC %s OFFSET 0) c
             CROSS JOIN LATERAL (SELECT k.document_id, k.canonical_url AS url FROM documents k
                                 WHERE k.document_id = c.document_id AND k.current_version_id = c.version_id
                                 OFFSET 0) d
             CROSS JOIN LATERAL (SELECT x.title, x.search_text || '''' AS search_text FROM document_versions x
                                 WHERE x.version_id = c.version_id OFFSET 0) t
             WHERE %s
             LIMIT $1)
         SELECT h.document_id, h.version_id, h.title, h.url, h.published_at, (%s)::real AS rank
         FROM hits h
         WHERE %s
         ORDER BY rank DESC, h.published_at DESC NULLS LAST, h.document_id',
        fw_build_candidate_sql(parsed, NOT bounded), CASE WHEN bounded THEN 'LIMIT $2' ELSE '' END,
        fw_build_exact_sql(parsed, 't'), fw_build_rank_sql(parsed, 'h'),
        CASE WHEN bounded THEN '(SELECT count(*) FROM hits) = $1 OR (SELECT count(*) FROM candidates) <= $2'
             ELSE 'true' END)
$build$;

-- The recent walk of 0012, reading each text once (see above): the max_rows ($1) newest matching
-- current documents among the newest $2, ordered by rank, or no row when fewer than $1 match.
CREATE OR REPLACE FUNCTION fw_build_topk_sql(parsed jsonb) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
    SELECT format(
        'WITH hits AS MATERIALIZED (
             SELECT p.document_id, p.version_id, p.title, p.url, p.published_at, p.search_text
             FROM (SELECT v.document_id, v.version_id, v.title, d.url, v.published_at,
                          v.search_text || '''' AS search_text
                   FROM document_versions v
                   CROSS JOIN LATERAL (SELECT c.canonical_url AS url FROM documents c
                                       WHERE c.document_id = v.document_id AND c.current_version_id = v.version_id
                                       OFFSET 0) d
                   ORDER BY v.published_at DESC NULLS LAST, v.version_id DESC
                   LIMIT $2) p
             WHERE %s
             ORDER BY p.published_at DESC NULLS LAST, p.version_id DESC
             LIMIT $1)
         SELECT h.document_id, h.version_id, h.title, h.url, h.published_at, (%s)::real AS rank
         FROM hits h
         WHERE (SELECT count(*) FROM hits) = $1
         ORDER BY rank DESC, h.published_at DESC NULLS LAST, h.document_id',
        fw_build_exact_sql(parsed, 'p'), fw_build_rank_sql(parsed, 'h'))
$build$;

-- The plan for a parsed query: {"candidates": C (capped), "cap", "rank_all", "plan"}.
-- Counting stops at the cap. Below it, "newest" reads C heap tuples (~1 us each) and ~max_rows
-- texts; the walk reads ~max_rows x size / C texts (~30 us each): they cost the same near
-- C = sqrt(30 x max_rows x size), and the walk needs C >= size x 2 x max_rows / probe to be
-- expected to finish; the cap is the larger of the two (max(version_id) stands for the size:
-- no statistics are involved).
-- Planning runs with sequential scans off (here and in fw_search): every statement is meant to be
-- driven by an index, and for a bigram its statistics call "in every row", the planner would
-- otherwise prefer a sequential scan that computes every row's bigrams (seconds, not ms). No
-- parallel workers either: starting them cost 10-20 ms per statement at 200k versions, more
-- than the statements themselves.
CREATE FUNCTION fw_search_plan(parsed jsonb, max_rows integer) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET enable_seqscan = off
SET work_mem = '64MB'
SET max_parallel_workers_per_gather = 0
AS $plan$
DECLARE
    rank_all bigint := coalesce(nullif(current_setting('futurewatch.search_rank_all', true), '')::bigint, 200);
    probe bigint := least(50 * max_rows::bigint, 20000);
    size bigint := coalesce((SELECT max(version_id) FROM document_versions), 0);
    cap bigint;
    candidates bigint;
BEGIN
    cap := greatest(rank_all + 1, ceil(size * 2.0 * max_rows / probe)::bigint, ceil(sqrt(30.0 * max_rows * size))::bigint);
    EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM document_versions v WHERE %s LIMIT $1) s',
                   fw_build_candidate_sql(parsed)) INTO candidates USING cap;
    RETURN jsonb_build_object('candidates', candidates, 'cap', cap, 'rank_all', rank_all, 'plan',
        CASE WHEN candidates <= rank_all THEN 'ranked'
             WHEN candidates >= cap AND max_rows <= probe THEN 'recent'
             ELSE 'newest' END);
END
$plan$;

COMMENT ON FUNCTION fw_search_plan(jsonb, integer) IS
    'How fw_search answers a parsed query: ranked (<= rank_all candidates), recent or newest; see 0171.';

CREATE OR REPLACE FUNCTION fw_search(query text, max_rows integer DEFAULT 20)
RETURNS TABLE (document_id bigint, version_id bigint, title text, url text,
               published_at timestamptz, rank real)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path FROM CURRENT
SET work_mem = '64MB'
SET enable_seqscan = off
SET max_parallel_workers_per_gather = 0
AS $search$
DECLARE
    parsed jsonb;
    plan text;
    found_rows bigint;
BEGIN
    IF max_rows IS NULL OR max_rows < 1 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'max_rows must be a positive number';
    END IF;
    parsed := fw_parse_query(query);
    plan := fw_search_plan(parsed, max_rows) ->> 'plan';
    IF plan = 'ranked' THEN
        RETURN QUERY EXECUTE fw_build_search_sql(parsed) USING max_rows;
        RETURN;
    END IF;
    IF plan = 'recent' THEN
        RETURN QUERY EXECUTE fw_build_topk_sql(parsed) USING max_rows, least(50 * max_rows::bigint, 20000);
        GET DIAGNOSTICS found_rows = ROW_COUNT;
        IF found_rows > 0 THEN
            RETURN;
        END IF;
    END IF;
    RETURN QUERY EXECUTE fw_build_newest_sql(parsed, true) USING max_rows, 20 * max_rows::bigint;
    GET DIAGNOSTICS found_rows = ROW_COUNT;
    IF found_rows > 0 THEN
        RETURN;
    END IF;
    RETURN QUERY EXECUTE fw_build_newest_sql(parsed, false) USING max_rows;
END
$search$;

COMMENT ON FUNCTION fw_search(text, integer) IS
    'Search of current document versions: space/AND, OR, NOT or -term, "phrases". Rare queries (at most 200 index candidates): the top max_rows of all matches by rank; common ones: the max_rows newest matches, in rank order. See docs/search.md.';

REVOKE EXECUTE ON FUNCTION fw_search_plan(jsonb, integer) FROM PUBLIC;
