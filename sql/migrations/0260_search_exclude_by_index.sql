-- fw_search: excluded terms answered by the index, and the plan chosen from what they leave
-- (issue 17).
--
-- A query such as `研究院 -科技` whose excluded term is in nearly every document holding the
-- wanted one has few matches, so no walk over the newest documents finds max_rows of them: 0210
-- read 100 texts (the walk), then, the candidates being many, 1,000 more (the "recent" walk),
-- then 400 (the bounded "newest" plan), and only then dropped the excluded term's holders
-- through the index. Now, once the walk falls short and the candidates C are more than
-- rank_all, the index also counts the *survivors*: the candidates without the key of any
-- excluded term of one key (two BMP characters: holding the key is holding the term, so the drop
-- is exact), as C minus the candidates holding such a key (`search_keys && keys`): two counts
-- that read the index only (no heap tuple of an all-visible page). The survivors, not C, decide
-- between the two common plans. Dropping the excluded term's holders reads every candidate's
-- heap tuple (a hashed anti-join; ~C, 100k at 200k versions for a common term), so once C reaches
-- the cap the walk is preferred whenever the survivors make it expected to find max_rows:
--   * C >= cap and S x probe >= max_rows x size (the newest probe documents should hold
--     max_rows survivors): "recent" (without an exclusion of one key, C >= cap, as before);
--   * otherwise "newest", which for such a query drops the excluded term's holders through the
--     index before reading any text (the unbounded form of fw_build_newest_sql, at once);
--   * no survivors: no rows, and nothing more is read.
-- A query with few survivors among very many candidates still costs ~C heap tuples: GIN gives
-- no set difference, and only an index-only count is free of the heap.
-- The ranked plan (at most rank_all candidates) drops them through the index too, so it reads
-- only the texts of candidates that can match.
-- An excluded term of more than one key, or with a character outside the BMP, cannot be
-- decided from the keys: a text may hold all of them without the string. Such terms are checked
-- on the text, as before (every candidate's text is read for the positive terms anyway, unless
-- those are single keys too).
-- What changes for a user: nothing in the rows.
-- (Tried and not kept: dropping 0210's walk on to P documents and letting the count decide right
-- after the first walk. Side by side at 20k it cut NOT's p95 but made the median of 4 chars,
-- NOT and phrase 8 slower, 0.63-0.85x: the newest plan's heap reads cost more than the walk on.)

-- The keys of a parsed query's excluded terms that are one key each (two BMP characters: holding
-- the key is holding the term), or an empty array: the terms the index can exclude exactly.
CREATE OR REPLACE FUNCTION fw_exclusion_keys(parsed jsonb) RETURNS int4[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $excl$
    SELECT ARRAY(SELECT DISTINCT (fw_search_keys(n))[1]
                 FROM (SELECT fw_normalize(t) AS n FROM jsonb_array_elements_text(parsed -> 'none') AS t) AS ex
                 WHERE fw_is_one_key(n) ORDER BY 1)
$excl$;

-- The ranked plan's statement (0171) over the candidates left by the index-side exclusion.
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
        fw_build_rank_sql(parsed, 't'), fw_build_candidate_sql(parsed, true), fw_build_exact_sql(parsed, 't'))
$build$;

-- The plan: 0210's facts plus "survivors" (null when not counted: the walk decided, the query is
-- rare, or it has no exclusion of one key, where survivors = candidates).
CREATE OR REPLACE FUNCTION fw_search_plan(parsed jsonb, max_rows integer, walk_hits integer DEFAULT NULL)
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
    walked_on boolean;
    more bigint := 0;
    cap bigint;
    candidates bigint;
    survivors bigint;
    dropped bigint;
    candidate_sql text;
    keys int4[] := CASE WHEN parsed -> 'none' <> '[]' THEN fw_exclusion_keys(parsed) ELSE '{}' END;
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
        RETURN facts || jsonb_build_object('candidates', NULL, 'survivors', NULL, 'plan', 'recent');
    END IF;
    candidate_sql := fw_build_candidate_sql(parsed);
    IF cardinality(keys) = 0 THEN
        EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM document_versions v WHERE %s LIMIT $1) s', candidate_sql)
            INTO candidates USING cap;
    ELSE
        -- counts from the index alone (no heap tuple is read for an all-visible page): every
        -- candidate, then those holding an excluded key
        EXECUTE format('SELECT count(*) FROM document_versions v WHERE %s', candidate_sql) INTO survivors;
        candidates := least(survivors, cap);
        IF candidates > rank_all THEN
            EXECUTE format('SELECT count(*) FROM document_versions v WHERE %s AND v.search_keys && $1', candidate_sql)
                INTO dropped USING keys;
            survivors := survivors - dropped;
        ELSE
            survivors := NULL;
        END IF;
    END IF;
    RETURN facts || jsonb_build_object('candidates', candidates, 'survivors', survivors, 'plan',
        CASE WHEN candidates <= rank_all THEN 'ranked'
             WHEN candidates >= cap AND coalesce(survivors, cap) * probe >= max_rows * size
                  AND max_rows <= probe AND NOT walked_on THEN 'recent'
             ELSE 'newest' END);
END
$plan$;

COMMENT ON FUNCTION fw_search_plan(jsonb, integer, integer) IS
    'How fw_search answers a parsed query: recent (the newest documents hold max_rows matches), else ranked (<= rank_all candidates), recent or newest by the candidates left after excluding through the index; see 0210, 0260.';

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
    facts := fw_search_plan(parsed, max_rows, k);
    plan := facts ->> 'plan';
    IF (facts ->> 'survivors')::bigint = 0 THEN  -- every candidate holds an excluded term
        RETURN;
    END IF;
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
    IF facts ->> 'survivors' IS NULL THEN  -- otherwise the index drops the excluded term's holders first
        RETURN QUERY EXECUTE fw_build_newest_sql(parsed, true) USING max_rows, 20 * max_rows::bigint;
        GET DIAGNOSTICS found_rows = ROW_COUNT;
        IF found_rows > 0 THEN
            RETURN;
        END IF;
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
