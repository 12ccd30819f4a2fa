-- fw_search reads the index's candidates once: the ids it counts are the ids its ranked or newest
-- statement goes through (issue 17: rare AND and NOT at 50x a LIKE scan).
--
-- Measured at 20k versions (docs/performance.md): when the walk over the newest documents falls
-- short, fw_search_plan counted the candidates from the index (~0.5-1.1 ms for 1,000-3,500
-- candidates of a rare AND or NOT query: the bitmap of every key's posting list), and the
-- ranked or newest statement then built the same bitmap again and read each candidate's heap
-- tuple for its date. Now fw_search collects the candidates' ids newest first, up to the cap,
-- in one statement (fw_build_candidate_ids_sql: the bitmap once, a heap tuple per candidate,
-- which the newest and ranked plans read anyway), passes their number to fw_search_plan as the
-- count, and, when they are all the candidates (fewer than the cap), the ranked statement
-- fetches those ids by primary key and the newest statement goes through them in order
-- (fw_build_search_sql / fw_build_newest_sql with `ids`). At the cap (a common query) the
-- ids are not used: recent walks on, newest builds its candidates from the index as before.
-- The plan is decided by the same rule on the same number: fw_search_plan without the count
-- counts it itself (LIMIT cap over the same index condition), as before.
-- Not for a query that excludes a term of one key: its plan counts every candidate and the
-- holders from the index alone (S needs them all, not only up to the cap), and its statements
-- drop the holders through the index; collecting ids there would add heap tuples, not save a
-- bitmap. The builders take `ids` for any query (tested), fw_search uses them only then.
-- What changes for a user: nothing in the rows or the plan.

-- The cap on counting candidates (0260): the larger of rank_all + 1, size x 2 x max_rows / probe
-- and sqrt(30 x max_rows x size), max(version_id) standing for the size.
CREATE OR REPLACE FUNCTION fw_search_cap(max_rows integer) RETURNS bigint
LANGUAGE sql STABLE
RETURN (SELECT greatest(coalesce(nullif(current_setting('futurewatch.search_rank_all', true), '')::bigint, 200) + 1,
                        ceil(s.size * 2.0 * max_rows / least(50 * max_rows::bigint, 20000))::bigint,
                        ceil(sqrt(30.0 * max_rows * s.size))::bigint)
        FROM (SELECT coalesce(max(version_id), 0) AS size FROM document_versions) s);

-- Every candidate version (the index condition, no exclusion), newest first, at most $1 of
-- them: an array of version ids.
CREATE OR REPLACE FUNCTION fw_build_candidate_ids_sql(parsed jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
BEGIN
    RETURN format(
        'SELECT coalesce(array_agg(c.version_id ORDER BY c.published_at DESC NULLS LAST, c.version_id DESC), ''{}'')
         FROM (SELECT v.version_id, v.published_at FROM document_versions v WHERE %s LIMIT $1) c',
        fw_build_index_sql(fw_prepare_query(parsed), 'v'));
END
$build$;

-- The index-side exclusion of 0260 on alias v: the versions holding an excluded term of one key
-- are dropped (NOT IN the index's holders), or null when the query has no such term.
CREATE OR REPLACE FUNCTION fw_build_exclusion_sql(parsed jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
DECLARE
    statement text;
    t text;
BEGIN
    parsed := fw_prepare_query(parsed);
    FOREACH t IN ARRAY fw_one_key_exclusions(parsed) LOOP
        statement := concat_ws(' AND ', statement,
                               format('v.version_id NOT IN (SELECT x.version_id FROM document_versions x'
                                      ' WHERE %s AND x.search_keys @> %L::int4[])',
                                      fw_build_index_sql(parsed, 'x'), parsed -> 'keys' ->> t));
    END LOOP;
    RETURN statement;
END
$build$;

-- As 0260: with `exclude`, without the candidates that hold an excluded term of one key.
CREATE OR REPLACE FUNCTION fw_build_candidate_sql(parsed jsonb, exclude boolean DEFAULT false) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
BEGIN
    parsed := fw_prepare_query(parsed);
    RETURN concat_ws(' AND ', fw_build_index_sql(parsed, 'v'), CASE WHEN exclude THEN fw_build_exclusion_sql(parsed) END);
END
$build$;

-- As 0320's ranked plan; with `ids`, over the versions of the array $2.
DROP FUNCTION IF EXISTS fw_build_search_sql(jsonb);
CREATE OR REPLACE FUNCTION fw_build_search_sql(parsed jsonb, ids boolean DEFAULT false) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
DECLARE
    counts text;
    ranks text;
    alts text;
    groups text;
    nones text;
    t text;
    at integer := 0;
BEGIN
    parsed := fw_prepare_query(parsed);
    FOR g IN 0 .. jsonb_array_length(parsed -> 'all') - 1 LOOP
        alts := NULL;
        FOR i IN 0 .. jsonb_array_length(parsed -> 'all' -> g) - 1 LOOP
            at := at + 1;
            t := parsed -> 'all' -> g ->> i;
            counts := concat_ws(', ', counts, format('fw_term_count(c.search_text, %L) AS n%s', t, at));
            ranks := concat_ws(' + ', ranks, format('fw_rank_counted(t.search_text, %L, t.n%s)', t, at));
            alts := concat_ws(' OR ', alts, format('t.n%s > 0', at));
        END LOOP;
        groups := concat_ws(' AND ', groups, '(' || alts || ')');
    END LOOP;
    FOR i IN 0 .. jsonb_array_length(parsed -> 'none') - 1 LOOP
        nones := concat_ws(' AND ', nones, format('strpos(t.search_text, %L) = 0', parsed -> 'none' ->> i));
    END LOOP;
    RETURN format(
        'SELECT d.document_id, t.version_id, t.title, d.canonical_url AS url, t.published_at, (%s)::real AS rank
         FROM (SELECT c.*, %s
               FROM (SELECT v.version_id, v.title, v.published_at, v.search_text || '''' AS search_text
                     FROM document_versions v WHERE %s OFFSET 0) c
               OFFSET 0) t
         JOIN documents d ON d.current_version_id = t.version_id
         WHERE %s AND %s
         ORDER BY rank DESC, t.published_at DESC NULLS LAST, d.document_id
         LIMIT $1',
        ranks, counts,
        CASE WHEN ids THEN concat_ws(' AND ', 'v.version_id = ANY($2)', fw_build_exclusion_sql(parsed))
             ELSE fw_build_candidate_sql(parsed, true) END,
        groups, coalesce(nones, 'true'));
END
$build$;

-- As 0290: the candidates newest first, texts checked until max_rows ($1) match; `bounded`: only
-- the newest $2 candidates (with `ids`: $3), rows only when they are the complete answer. With
-- `ids`, the candidates are the array $2, already newest first (fw_build_candidate_ids_sql).
DROP FUNCTION IF EXISTS fw_build_newest_sql(jsonb, boolean);
CREATE OR REPLACE FUNCTION fw_build_newest_sql(parsed jsonb, bounded boolean, ids boolean DEFAULT false) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
DECLARE
    bound text := CASE WHEN ids THEN '$3' ELSE '$2' END;
    candidates text;
BEGIN
    parsed := fw_prepare_query(parsed);
    candidates := CASE
        WHEN ids THEN format('SELECT v.version_id, v.at FROM unnest($2::bigint[]) WITH ORDINALITY AS v(version_id, at)'
                             ' WHERE %s', coalesce(CASE WHEN NOT bounded THEN fw_build_exclusion_sql(parsed) END, 'true'))
        ELSE format('SELECT v.version_id, v.published_at FROM document_versions v WHERE %s',
                    fw_build_candidate_sql(parsed, NOT bounded)) END;
    RETURN format(
        'WITH candidates AS MATERIALIZED (%s),
         hits AS MATERIALIZED (
             SELECT d.document_id, c.version_id, t.title, d.url, t.published_at, t.search_text
             FROM (SELECT * FROM candidates ORDER BY %s %s OFFSET 0) c
             CROSS JOIN LATERAL (SELECT k.document_id, k.canonical_url AS url FROM documents k
                                 WHERE k.current_version_id = c.version_id OFFSET 0) d
             CROSS JOIN LATERAL (SELECT x.title, x.published_at, x.search_text || '''' AS search_text
                                 FROM document_versions x WHERE x.version_id = c.version_id OFFSET 0) t
             WHERE %s
             LIMIT $1)
         SELECT h.document_id, h.version_id, h.title, h.url, h.published_at, (%s)::real AS rank
         FROM hits h
         WHERE %s
         ORDER BY rank DESC, h.published_at DESC NULLS LAST, h.document_id',
        candidates, CASE WHEN ids THEN 'at' ELSE 'published_at DESC NULLS LAST, version_id DESC' END,
        CASE WHEN bounded THEN 'LIMIT ' || bound ELSE '' END,
        fw_build_exact_sql(parsed, 't'), fw_build_rank_sql(parsed, 'h'),
        CASE WHEN bounded THEN format('(SELECT count(*) FROM hits) = $1 OR (SELECT count(*) FROM candidates) <= %s', bound)
             ELSE 'true' END);
END
$build$;

-- As 0290; `candidates`: the candidates fw_search collected (at most the cap), so that the index
-- is not read twice for them; null counts them here.
DROP FUNCTION IF EXISTS fw_search_plan(jsonb, integer, integer, integer);
CREATE OR REPLACE FUNCTION fw_search_plan(parsed jsonb, max_rows integer, walk_hits integer DEFAULT NULL,
                                          walk_more integer DEFAULT NULL, candidates bigint DEFAULT NULL)
RETURNS jsonb
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
    cap bigint := fw_search_cap(max_rows);
    walked_on boolean;
    more bigint := 0;
    survivors bigint;
    dropped bigint;
    candidate_sql text;
    keys int4[];
    facts jsonb;
BEGIN
    parsed := fw_prepare_query(parsed);
    keys := CASE WHEN parsed -> 'none' <> '[]' THEN fw_exclusion_keys(parsed) ELSE '{}' END;
    IF walk_hits IS NULL THEN
        EXECUTE format('SELECT count(*) FROM (%s) w', fw_build_walk_sql(parsed)) INTO walk_hits
            USING max_rows, 0, walk;
    END IF;
    walked_on := walk_hits < max_rows AND walk_hits * probe >= 2 * max_rows * walk;
    IF walked_on AND walk_more IS NOT NULL THEN
        more := walk_more;
    ELSIF walked_on THEN
        EXECUTE format('SELECT count(*) FROM (%s) w', fw_build_walk_sql(parsed)) INTO more
            USING max_rows - walk_hits, walk, probe - walk;
    END IF;
    facts := jsonb_build_object('walk', walk, 'probe', probe, 'walk_hits', walk_hits,
                                'walk_found', walk_hits + more = max_rows, 'cap', cap, 'rank_all', rank_all);
    IF walk_hits + more = max_rows THEN
        RETURN facts || jsonb_build_object('candidates', NULL, 'survivors', NULL, 'dropped', NULL, 'plan', 'recent');
    END IF;
    candidate_sql := fw_build_candidate_sql(parsed);
    IF cardinality(keys) = 0 THEN
        IF candidates IS NULL THEN
            EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM document_versions v WHERE %s LIMIT $1) s', candidate_sql)
                INTO candidates USING cap;
        END IF;
    ELSE
        -- counts from the index alone (no heap tuple is read for an all-visible page): every
        -- candidate (unless fewer than the cap were given: those are all), then those holding an
        -- excluded key
        IF candidates IS NULL OR candidates >= cap THEN
            EXECUTE format('SELECT count(*) FROM document_versions v WHERE %s', candidate_sql) INTO survivors;
        ELSE
            survivors := candidates;
        END IF;
        candidates := least(survivors, cap);
        IF candidates > rank_all THEN
            EXECUTE format('SELECT count(*) FROM document_versions v WHERE %s AND v.search_keys && $1', candidate_sql)
                INTO dropped USING keys;
            survivors := survivors - dropped;
        ELSE
            survivors := NULL;
        END IF;
    END IF;
    RETURN facts || jsonb_build_object('candidates', candidates, 'survivors', survivors, 'dropped', dropped, 'plan',
        CASE WHEN candidates <= rank_all THEN 'ranked'
             WHEN candidates >= cap AND coalesce(survivors, cap) * probe >= max_rows * size
                  AND max_rows <= probe AND NOT walked_on THEN 'recent'
             ELSE 'newest' END);
END
$plan$;

COMMENT ON FUNCTION fw_search_plan(jsonb, integer, integer, integer, bigint) IS
    'How fw_search answers a parsed query: recent (the newest documents hold max_rows matches), else ranked (<= rank_all candidates), recent or newest by the candidates left after excluding through the index; see 0210, 0260, 0290, 0370.';

REVOKE EXECUTE ON FUNCTION fw_search_plan(jsonb, integer, integer, integer, bigint) FROM PUBLIC;

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
    cap bigint;
    parsed jsonb;
    walk_sql text;
    hits jsonb;
    more jsonb;
    k integer;
    ids bigint[];
    every_id boolean;
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
        EXECUTE walk_sql INTO more USING max_rows - k, walk, probe - walk;
        hits := hits || more;
    END IF;
    IF jsonb_array_length(hits) = max_rows THEN
        RETURN QUERY SELECT r.* FROM jsonb_to_recordset(hits) AS r(document_id bigint, version_id bigint, title text,
                                                                   url text, published_at timestamptz, rank real)
                     ORDER BY r.rank DESC, r.published_at DESC NULLS LAST, r.document_id;
        RETURN;
    END IF;
    -- The candidates, newest first, up to the cap: their number is the plan's count, and when
    -- it is below the cap they are every candidate, which the ranked and newest plans go
    -- through. Not with an excluded term of one key: the plan then counts every candidate and
    -- the holders from the index alone, and the statements drop the holders by the index.
    every_id := false;
    IF fw_exclusion_keys(parsed) = '{}' THEN
        cap := fw_search_cap(max_rows);
        EXECUTE fw_build_candidate_ids_sql(parsed) INTO ids USING cap;
        every_id := cardinality(ids) < cap;
    END IF;
    facts := fw_search_plan(parsed, max_rows, k, jsonb_array_length(hits) - k, cardinality(ids));
    plan := facts ->> 'plan';
    IF (facts ->> 'survivors')::bigint = 0 THEN  -- every candidate holds an excluded term
        RETURN;
    END IF;
    IF plan = 'ranked' AND every_id THEN
        RETURN QUERY EXECUTE fw_build_search_sql(parsed, true) USING max_rows, ids;
        RETURN;
    ELSIF plan = 'ranked' THEN
        RETURN QUERY EXECUTE fw_build_search_sql(parsed) USING max_rows;
        RETURN;
    END IF;
    IF plan = 'recent' THEN  -- the walk goes on from W to P (it did not yet: the plan says so)
        EXECUTE walk_sql INTO more USING max_rows - k, walk, probe - walk;
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
    -- a heap tuple each (0290). Bounded by twice the expected texts; rows come back only when
    -- complete, otherwise the holders are dropped through the index.
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
    IF every_id THEN
        RETURN QUERY EXECUTE fw_build_newest_sql(parsed, false, true) USING max_rows, ids;
    ELSE
        RETURN QUERY EXECUTE fw_build_newest_sql(parsed, false) USING max_rows;
    END IF;
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
