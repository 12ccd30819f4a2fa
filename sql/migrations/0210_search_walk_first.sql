-- fw_search at 200k versions (issue 17): walk the newest documents before counting candidates.
--
-- Counting the index's candidates (0171) builds the whole bitmap of every positive bigram: about
-- 0.3 µs per candidate, 20-60 ms for a term in half of 200k versions, more than the rest of the
-- search. A query that common needs no count: its max_rows newest matches are among the newest
-- few hundred documents. So fw_search first walks the newest current documents with the exact
-- check (texts read once each): W = least(5 × max_rows, 1000) of them, then up to
-- P = least(50 × max_rows, 20000), with k = the matches among the first W (counted up to
-- max_rows):
--   1. k = max_rows: those are the max_rows newest matches of all (plan "recent");
--   2. k × P >= 2 × max_rows × W (at that rate the newest P hold 2 × max_rows matches): the walk
--      goes on to P documents; if they hold max_rows matches, "recent" again;
--   3. otherwise the candidates are counted as in 0171 and C decides: ranked (C <= rank_all),
--      recent (C >= cap, when step 2 did not walk already) or newest.
-- The count is reached only by queries in fewer than about one of 25 recent documents, whose
-- candidates are correspondingly fewer and cheaper to count. No statistics are involved.
-- What changes for a user: a query with at most rank_all candidates whose newest documents
-- already hold max_rows matches (steps 1-2) gets its newest matches, in rank order, instead of
-- its top max_rows by rank over all time.
--
-- Exclusions in the "newest" plan (a query whose excluded two-character term is in nearly every
-- candidate): the versions to drop are now the candidates that also hold the excluded bigram (one
-- index scan over all of their bigrams), not every version of the archive that holds it.
--
-- fw_search_plan gains `walk_hits`: k when the caller (fw_search) has walked already, so the
-- walk is not repeated; null (the default, for people, tests and bench.load_search) walks too.

-- The index conditions of a parsed query on alias `a`: per group, any alternative's bigrams.
CREATE FUNCTION fw_build_index_sql(parsed jsonb, a text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
    SELECT string_agg('(' || alts || ')', ' AND ')
    FROM (SELECT string_agg(format('(fw_bigrams(%I.search_text) COLLATE "C") @> fw_bigrams(%L)', a, fw_normalize(t)),
                            ' OR ') AS alts
          FROM jsonb_array_elements(parsed -> 'all') WITH ORDINALITY AS g(alts, ord),
               jsonb_array_elements_text(g.alts) AS t
          GROUP BY g.ord) AS groups
$build$;

-- The candidates of alias v; with `exclude`, without those that hold an excluded term of two
-- characters (its bigram is the term): a hashed NOT IN over the candidates holding that bigram.
CREATE OR REPLACE FUNCTION fw_build_candidate_sql(parsed jsonb, exclude boolean DEFAULT false) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
    SELECT fw_build_index_sql(parsed, 'v')
        || CASE WHEN exclude THEN coalesce(
               (SELECT string_agg(format(' AND v.version_id NOT IN (SELECT x.version_id FROM document_versions x'
                                         ' WHERE %s AND (fw_bigrams(x.search_text) COLLATE "C") @> ARRAY[%L])',
                                         fw_build_index_sql(parsed, 'x'), n), '')
                FROM (SELECT fw_normalize(t) AS n FROM jsonb_array_elements_text(parsed -> 'none') AS t) AS ex
                WHERE length(n) = 2), '') ELSE '' END
$build$;

-- The walk: the matches among the current documents ranked newest first, skipping the newest $2
-- and reading the next $3 at most; the first $1 found, with their rank. Texts are read one at a
-- time (the LIMIT stops the reads) and once each (`search_text || ''`, as in 0171).
CREATE FUNCTION fw_build_walk_sql(parsed jsonb) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
    SELECT format(
        'SELECT h.document_id, h.version_id, h.title, h.url, h.published_at, (%s)::real AS rank
         FROM (SELECT p.* FROM (SELECT v.document_id, v.version_id, v.title, d.url, v.published_at,
                                       v.search_text || '''' AS search_text
                                FROM document_versions v
                                CROSS JOIN LATERAL (SELECT c.canonical_url AS url FROM documents c
                                                    WHERE c.document_id = v.document_id
                                                      AND c.current_version_id = v.version_id OFFSET 0) d
                                ORDER BY v.published_at DESC NULLS LAST, v.version_id DESC
                                OFFSET $2 LIMIT $3) p
               WHERE %s
               ORDER BY p.published_at DESC NULLS LAST, p.version_id DESC
               LIMIT $1) h',
        fw_build_rank_sql(parsed, 'h'), fw_build_exact_sql(parsed, 'p'))
$build$;

-- The plan for a parsed query: {"walk", "probe", "walk_hits", "walk_found", "candidates", "cap",
-- "rank_all", "plan"}. walk_hits: k; walk_found: whether steps 1-2 found max_rows matches;
-- candidates: null when they did. The cap is 0171's. Sequential scans are off and there are no
-- parallel workers, as in 0171.
DROP FUNCTION fw_search_plan(jsonb, integer);
CREATE FUNCTION fw_search_plan(parsed jsonb, max_rows integer, walk_hits integer DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET enable_seqscan = off
SET work_mem = '64MB'
SET max_parallel_workers_per_gather = 0
AS $plan$
DECLARE
    rank_all bigint := coalesce(nullif(current_setting('futurewatch.search_rank_all', true), '')::bigint, 200);
    walk bigint := least(5 * max_rows::bigint, 1000);
    probe bigint := least(50 * max_rows::bigint, 20000);
    size bigint := coalesce((SELECT max(version_id) FROM document_versions), 0);
    walked_on boolean;
    more bigint := 0;
    cap bigint;
    candidates bigint;
    facts jsonb;
BEGIN
    cap := greatest(rank_all + 1, ceil(size * 2.0 * max_rows / probe)::bigint, ceil(sqrt(30.0 * max_rows * size))::bigint);
    IF walk_hits IS NULL THEN
        EXECUTE format('SELECT count(*) FROM (%s) w', fw_build_walk_sql(parsed)) INTO walk_hits
            USING max_rows, 0, walk;
    END IF;
    walked_on := walk_hits < max_rows AND walk_hits * probe >= 2 * max_rows * walk;
    IF walked_on THEN
        EXECUTE format('SELECT count(*) FROM (%s) w', fw_build_walk_sql(parsed)) INTO more
            USING max_rows - walk_hits, walk, probe - walk;
    END IF;
    facts := jsonb_build_object('walk', walk, 'probe', probe, 'walk_hits', walk_hits,
                                'walk_found', walk_hits + more = max_rows, 'cap', cap, 'rank_all', rank_all);
    IF walk_hits + more = max_rows THEN
        RETURN facts || jsonb_build_object('candidates', NULL, 'plan', 'recent');
    END IF;
    EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM document_versions v WHERE %s LIMIT $1) s',
                   fw_build_candidate_sql(parsed)) INTO candidates USING cap;
    RETURN facts || jsonb_build_object('candidates', candidates, 'plan',
        CASE WHEN candidates <= rank_all THEN 'ranked'
             WHEN candidates >= cap AND max_rows <= probe AND NOT walked_on THEN 'recent'
             ELSE 'newest' END);
END
$plan$;

COMMENT ON FUNCTION fw_search_plan(jsonb, integer, integer) IS
    'How fw_search answers a parsed query: recent (the newest documents hold max_rows matches), else ranked (<= rank_all candidates), recent or newest; see 0210.';

REVOKE EXECUTE ON FUNCTION fw_search_plan(jsonb, integer, integer) FROM PUBLIC;

CREATE OR REPLACE FUNCTION fw_search(query text, max_rows integer DEFAULT 20)
RETURNS TABLE (document_id bigint, version_id bigint, title text, url text,
               published_at timestamptz, rank real)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET work_mem = '64MB'
SET enable_seqscan = off
SET max_parallel_workers_per_gather = 0
AS $search$
DECLARE
    walk bigint := least(5 * max_rows::bigint, 1000);
    probe bigint := least(50 * max_rows::bigint, 20000);
    parsed jsonb;
    walk_sql text;
    hits jsonb;
    more jsonb;
    k integer;
    plan text;
    found_rows bigint;
BEGIN
    IF max_rows IS NULL OR max_rows < 1 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'max_rows must be a positive number';
    END IF;
    parsed := fw_parse_query(query);
    walk_sql := format('SELECT coalesce(jsonb_agg(to_jsonb(w)), ''[]'') FROM (%s) w', fw_build_walk_sql(parsed));
    EXECUTE walk_sql INTO hits USING max_rows, 0, walk;
    k := jsonb_array_length(hits);
    IF k < max_rows AND k * probe >= 2 * max_rows * walk THEN
        EXECUTE walk_sql INTO more USING max_rows - k, walk, probe - walk;
        hits := hits || more;
    END IF;
    IF jsonb_array_length(hits) = max_rows THEN
        RETURN QUERY SELECT r.* FROM jsonb_to_recordset(hits) AS r(document_id bigint, version_id bigint, title text,
                                                                   url text, published_at timestamptz, rank real)
                     ORDER BY r.rank DESC, r.published_at DESC NULLS LAST, r.document_id;
        RETURN;
    END IF;
    plan := fw_search_plan(parsed, max_rows, k) ->> 'plan';
    IF plan = 'ranked' THEN
        RETURN QUERY EXECUTE fw_build_search_sql(parsed) USING max_rows;
        RETURN;
    END IF;
    IF plan = 'recent' THEN
        RETURN QUERY EXECUTE fw_build_topk_sql(parsed) USING max_rows, probe;
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
    'Search of current document versions: space/AND, OR, NOT or -term, "phrases". When the newest documents hold max_rows matches, or the query has more than 200 index candidates: the max_rows newest matches, in rank order; otherwise the top max_rows of all matches by rank. See docs/search.md.';

-- As 0190: every SECURITY DEFINER function of this schema resolves names in this schema only,
-- with pg_temp last (CREATE OR REPLACE above dropped fw_search's pinned search_path).
DO $pin$
DECLARE
    fn regprocedure;
BEGIN
    FOR fn IN
        SELECT p.oid::regprocedure FROM pg_proc p
        WHERE p.prosecdef AND p.pronamespace = current_schema()::regnamespace
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', fn, current_schema());
    END LOOP;
END
$pin$;
