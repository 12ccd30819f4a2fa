-- fw_search: the walk on reads only the index candidates among the documents it walks over
-- (issue 17: rare AND and NOT at 50x a LIKE scan).
--
-- When the walk over the newest W current documents finds k < max_rows matches, but at least
-- 2 x max_rows x W / P, fw_search walks on over the documents at positions W to P (900 texts at
-- max_rows 20, ~15 ms at 20k versions: the slowest rare-AND queries) for the newest
-- max_rows - k matches there. Every match is an index candidate, so the same rows come from the
-- candidates whose current version sits between the two positions, newest first, texts checked
-- until max_rows - k match: a heap tuple per candidate (its sort key) and the texts of those in
-- the range, ~C x (P - W) / N of them. fw_walk_on takes that route when it is expected to
-- cost less: the walk on stops at max_rows - k matches, after ~(max_rows - k) x N / C texts
-- (C from the index alone, up to 4 x (P - W); fewer matches than candidates: more texts) at
-- ~16 us each, against this route's fixed steps (the count, the two positions' sort keys:
-- ~4 ms, 250 texts' worth) plus ~0.8 us, a twentieth of a text, per candidate (measured at
-- 20k versions, docs/performance.md).
-- Otherwise it walks on as before. Rows unchanged; the plans are unchanged.

-- "(p, v) comes at or before (bp, bv)" in the walk's order (published_at DESC NULLS LAST,
-- version_id DESC), as SQL text over the given expressions; never null.
CREATE OR REPLACE FUNCTION fw_sql_at_or_before(p text, v text, bp text, bv text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN format('(CASE WHEN %3$s IS NULL THEN %1$s IS NOT NULL OR %2$s >= %4$s WHEN %1$s IS NULL THEN false'
              ' ELSE %1$s > %3$s OR (%1$s = %3$s AND %2$s >= %4$s) END)', p, v, bp, bv);

-- The walk on through the candidates: the newest $1 matches among the candidates whose current
-- version comes after ($2, $3) (the last walked) and at or before ($4, $5) (the P-th newest;
-- $6: there is one), with the walk's columns and rank.
CREATE OR REPLACE FUNCTION fw_build_walk_on_sql(parsed jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
BEGIN
    parsed := fw_prepare_query(parsed);
    RETURN format(
        'SELECT h.document_id, h.version_id, h.title, h.url, h.published_at, (%s)::real AS rank
         FROM (SELECT c.document_id, c.version_id, t.title, d.url, c.published_at, t.search_text
               FROM (SELECT v.version_id, v.document_id, v.published_at FROM document_versions v
                     WHERE %s AND NOT %s AND (NOT $6 OR %s)
                     ORDER BY v.published_at DESC NULLS LAST, v.version_id DESC OFFSET 0) c
               CROSS JOIN LATERAL (SELECT k.canonical_url AS url FROM documents k
                                   WHERE k.document_id = c.document_id AND k.current_version_id = c.version_id
                                   OFFSET 0) d
               CROSS JOIN LATERAL (SELECT x.title, x.search_text || '''' AS search_text FROM document_versions x
                                   WHERE x.version_id = c.version_id OFFSET 0) t
               WHERE %s
               ORDER BY c.published_at DESC NULLS LAST, c.version_id DESC
               LIMIT $1) h',
        fw_build_rank_sql(parsed, 'h'), fw_build_index_sql(parsed, 'v'),
        fw_sql_at_or_before('v.published_at', 'v.version_id', '$2', '$3'),
        fw_sql_at_or_before('v.published_at', 'v.version_id', '$4', '$5'),
        fw_build_exact_sql(parsed, 't'));
END
$build$;

-- The walk on from position walk to probe: the newest max_rows - k matches there, as a jsonb
-- array of the walk's rows (the same as fw_build_walk_sql run with max_rows - k, walk,
-- probe - walk), through the candidates when they are few enough (see above).
CREATE OR REPLACE FUNCTION fw_walk_on(parsed jsonb, max_rows integer, k integer, walk bigint, probe bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE
SET enable_seqscan = off
SET work_mem = '64MB'
SET max_parallel_workers_per_gather = 0
AS $walk$
DECLARE
    candidates bigint;
    size bigint;
    found_rows jsonb;
    last_p timestamptz;
    last_v bigint;
    edge_p timestamptz;
    edge_v bigint;
    has_edge boolean;
    newest_sql text := 'SELECT v.published_at, v.version_id FROM document_versions v
                        CROSS JOIN LATERAL (SELECT 1 FROM documents c WHERE c.document_id = v.document_id
                                              AND c.current_version_id = v.version_id OFFSET 0) d
                        ORDER BY v.published_at DESC NULLS LAST, v.version_id DESC OFFSET $1 LIMIT 1';
BEGIN
    parsed := fw_prepare_query(parsed);
    EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM document_versions v WHERE %s LIMIT $1) s',
                   fw_build_index_sql(parsed, 'v'))
        INTO candidates USING 4 * (probe - walk) + 1;
    size := coalesce((SELECT max(version_id) FROM document_versions), 0);
    -- texts the walk on is expected to read (fewer matches than candidates: more texts) against
    -- this route's ~250 texts' worth of fixed steps plus a twentieth of a text per candidate
    IF candidates > 4 * (probe - walk)
       OR least(probe - walk, (max_rows - k) * size / greatest(candidates, 1)) <= 250 + candidates / 20 THEN
        EXECUTE format('SELECT coalesce(jsonb_agg(to_jsonb(w)), ''[]'') FROM (%s) w', fw_build_walk_sql(parsed))
            INTO found_rows USING max_rows - k, walk, probe - walk;
        RETURN found_rows;
    END IF;
    EXECUTE newest_sql INTO last_p, last_v USING walk - 1;
    IF last_v IS NULL THEN  -- fewer than walk current documents: nothing to walk on to
        RETURN '[]';
    END IF;
    EXECUTE newest_sql INTO edge_p, edge_v USING probe - 1;
    has_edge := edge_v IS NOT NULL;
    EXECUTE format('SELECT coalesce(jsonb_agg(to_jsonb(w)), ''[]'') FROM (%s) w', fw_build_walk_on_sql(parsed))
        INTO found_rows USING max_rows - k, last_p, last_v, edge_p, edge_v, has_edge;
    RETURN found_rows;
END
$walk$;

REVOKE EXECUTE ON FUNCTION fw_walk_on(jsonb, integer, integer, bigint, bigint) FROM PUBLIC;

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
    facts jsonb;
    plan text;
    survivors bigint;
    dropped bigint;
    found_rows bigint;
BEGIN
    IF max_rows IS NULL OR max_rows < 1 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'max_rows must be a positive number';
    END IF;
    parsed := fw_prepare_query(fw_parse_query(query));
    walk_sql := format('SELECT coalesce(jsonb_agg(to_jsonb(w)), ''[]'') FROM (%s) w', fw_build_walk_sql(parsed));
    EXECUTE walk_sql INTO hits USING max_rows, 0, walk;
    k := jsonb_array_length(hits);
    IF k < max_rows AND k * probe >= 2 * max_rows * walk THEN
        more := fw_walk_on(parsed, max_rows, k, walk, probe);  -- 0320
        hits := hits || more;
    END IF;
    IF jsonb_array_length(hits) = max_rows THEN
        RETURN QUERY SELECT r.* FROM jsonb_to_recordset(hits) AS r(document_id bigint, version_id bigint, title text,
                                                                   url text, published_at timestamptz, rank real)
                     ORDER BY r.rank DESC, r.published_at DESC NULLS LAST, r.document_id;
        RETURN;
    END IF;
    facts := fw_search_plan(parsed, max_rows, k, jsonb_array_length(hits) - k);
    plan := facts ->> 'plan';
    IF (facts ->> 'survivors')::bigint = 0 THEN  -- every candidate holds an excluded term
        RETURN;
    END IF;
    IF plan = 'ranked' THEN
        RETURN QUERY EXECUTE fw_build_search_sql(parsed) USING max_rows;
        RETURN;
    END IF;
    IF plan = 'recent' THEN  -- the walk goes on from W to P (it did not yet: the plan says so)
        more := fw_walk_on(parsed, max_rows, k, walk, probe);  -- 0320
        hits := hits || more;
        IF jsonb_array_length(hits) = max_rows THEN
            RETURN QUERY SELECT r.* FROM jsonb_to_recordset(hits) AS r(document_id bigint, version_id bigint, title text,
                                                                       url text, published_at timestamptz, rank real)
                         ORDER BY r.rank DESC, r.published_at DESC NULLS LAST, r.document_id;
            RETURN;
        END IF;
    END IF;
    -- Many survivors: reading the texts of the newest candidates, holders included (the excluded
    -- terms are checked on the text), costs less than dropping the holders through the index,
    -- a heap tuple each. Expected texts: max_rows x C / S; a ~5 KB text costs 6 (stored
    -- uncompressed, 0300) to 22 (compressed) heap tuples (docs/perf/search_prepare_0290.md): 20
    -- keeps the route a gain for either. Bounded by twice the expected texts;
    -- rows come back only when complete, otherwise the holders are dropped through the index.
    survivors := (facts ->> 'survivors')::bigint;
    dropped := (facts ->> 'dropped')::bigint;
    IF survivors > 0 AND 20 * max_rows * (survivors + dropped) < dropped * survivors THEN
        RETURN QUERY EXECUTE fw_build_newest_sql(parsed, true)
            USING max_rows, ceil(2.0 * max_rows * (survivors + dropped) / survivors)::bigint;
        GET DIAGNOSTICS found_rows = ROW_COUNT;
        IF found_rows > 0 THEN
            RETURN;
        END IF;
    END IF;
    -- the candidates newest first, without those holding an excluded term of one key
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
