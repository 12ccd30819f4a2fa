-- Fewer statements per search (issue 17: 50x a LIKE scan for every class at 20k; NOT and rare AND
-- were the weakest classes, 45-74x).
--
-- 1. The walk planned once per session. fw_search walks the newest documents up to three times a
--    search, and each walk was a statement built for the query and planned by EXECUTE (~0.3-0.5 ms
--    of a 2-6 ms search). fw_walk runs the same statement for every query whose groups are one term
--    each, with the terms and a signature mask as parameters; OR queries build theirs as before.
--    fw_search and fw_search_plan walk through it. The rows are the same (tests compare both).
-- 2. An excluded term's holders dropped once. When the walk does not find max_rows matches,
--    fw_search collects the candidates' ids, newest first, up to the cap (0370), except, until now,
--    for a query excluding a term of one key: for those fw_search_plan counted every candidate and
--    the holders of an excluded key from the index (two bitmap scans), and the newest pass scanned
--    both again to drop the holders. Such a query now collects the ids too; when they are fewer than
--    the cap (every candidate), one more bitmap scan drops the holders from them
--    (fw_build_survivor_ids_sql), fw_search_plan takes both numbers (a new argument, `dropped`: the
--    plan is the one it finds by counting), and the survivors' texts are read newest first through
--    their ids (fw_build_newest_sql's bounded pass, the excluded terms checked on the text), or
--    ranked through them (fw_build_search_sql's new `survivors`: the holders are not dropped a second
--    time). The ids are collected only when a count up to the cap (from the index alone: no heap
--    tuple for an all-visible page) finds fewer; at the cap or more, as before (the plan counts).
--    Three index scans instead of four, two of them cheap counts at the cap; the rows are the same.

-- The signature bits of keys, as a mask: what fw_key_signature(keys) is, built by setting bits
-- (~20 us for a query's keys, where fw_key_signature's 64 words cost ~0.2 ms).
CREATE OR REPLACE FUNCTION fw_signature_mask(keys int4[]) RETURNS bit(4096)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $mask$
DECLARE
    mask bit(4096) := B'0'::bit(4096);
    p integer;
BEGIN
    FOR p IN SELECT fw_signature_bits(keys) LOOP
        mask := set_bit(mask, p, 1);
    END LOOP;
    RETURN mask;
END
$mask$;

-- The walk (fw_build_walk_sql's rows, as a JSON array, newest first): up to max_rows matches among the
-- `count` newest current documents after the newest `skip`. A query whose every group is one term
-- (every class but OR) runs one statement for all such queries, which PL/pgSQL plans once per session
-- (a generic plan: the limits do not change the walk down the recency index) instead of each time
-- (0.3-0.5 ms a walk, up to three walks a search): its terms, excluded terms and the signature bits
-- they need (a mask: every key of every term, and the absence keys, 0400) are its parameters. The
-- others build their statement as before.
CREATE OR REPLACE FUNCTION fw_walk(parsed jsonb, max_rows integer, skip bigint, count bigint) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $walk$
DECLARE
    terms text[];
    nones text[];
    mask bit(4096);
    hits jsonb;
BEGIN
    parsed := fw_prepare_query(parsed);
    IF EXISTS (SELECT 1 FROM jsonb_array_elements(parsed -> 'all') AS g WHERE jsonb_array_length(g) <> 1) THEN
        EXECUTE format('SELECT coalesce(jsonb_agg(to_jsonb(w)), ''[]'') FROM (%s) w', fw_build_walk_sql(parsed))
            INTO hits USING max_rows, skip, count;
        RETURN hits;
    END IF;
    terms := ARRAY(SELECT g ->> 0 FROM jsonb_array_elements(parsed -> 'all') WITH ORDINALITY AS a(g, n) ORDER BY n);
    nones := ARRAY(SELECT t FROM jsonb_array_elements_text(parsed -> 'none') WITH ORDINALITY AS a(t, n) ORDER BY n);
    mask := fw_signature_mask(ARRAY(SELECT k FROM unnest(terms) AS t, unnest((parsed -> 'keys' ->> t)::int4[]) AS k)
                              || coalesce((parsed ->> 'absent')::int4[], '{}'));
    SELECT coalesce(jsonb_agg(to_jsonb(w)), '[]') INTO hits
    FROM (SELECT h.document_id, h.version_id, h.title, h.url, h.published_at,
                 (SELECT sum(fw_rank_normalized(h.search_text, t)) FROM unnest(terms) AS t)::real AS rank
          FROM (SELECT p.* FROM (SELECT q.document_id, q.version_id, q.title, q.url, q.published_at,
                                        q.stored_text || '' AS search_text
                                 FROM (SELECT v.document_id, v.version_id, v.title, d.url, v.published_at,
                                              v.search_text AS stored_text, v.search_sig
                                       FROM document_versions v
                                       CROSS JOIN LATERAL (SELECT c.canonical_url AS url FROM documents c
                                                           WHERE c.document_id = v.document_id
                                                             AND c.current_version_id = v.version_id OFFSET 0) d
                                       ORDER BY v.published_at DESC NULLS LAST, v.version_id DESC
                                       OFFSET skip LIMIT count) q
                                 WHERE q.search_sig IS NULL OR q.search_sig & mask = mask
                                 ORDER BY q.published_at DESC NULLS LAST, q.version_id DESC OFFSET 0) p
                WHERE NOT EXISTS (SELECT 1 FROM unnest(terms) AS t WHERE strpos(p.search_text, t) = 0)
                  AND NOT EXISTS (SELECT 1 FROM unnest(nones) AS t WHERE strpos(p.search_text, t) > 0)
                ORDER BY p.published_at DESC NULLS LAST, p.version_id DESC
                LIMIT max_rows) h) w;
    RETURN hits;
END
$walk$;

REVOKE EXECUTE ON FUNCTION fw_walk(jsonb, integer, bigint, bigint) FROM PUBLIC;

-- The ids of $1 (candidates, in their order) without those holding an excluded term of one key (one
-- bitmap scan of the index for the holders among the candidates).
CREATE OR REPLACE FUNCTION fw_build_survivor_ids_sql(parsed jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
BEGIN
    parsed := fw_prepare_query(parsed);
    RETURN format(
        'SELECT coalesce(array_agg(c.version_id ORDER BY c.at), ''{}'')
         FROM unnest($1::bigint[]) WITH ORDINALITY AS c(version_id, at)
         WHERE c.version_id NOT IN (SELECT v.version_id FROM document_versions v WHERE %s AND v.search_keys && %L::int4[])',
        fw_build_index_sql(parsed, 'v'), fw_exclusion_keys(parsed)::text);
END
$build$;

-- As 0370, and `survivors`: the ids ($2) hold no excluded term of one key already (fw_search drops the
-- holders from them, 0420), so they are not dropped through the index a second time.
DROP FUNCTION IF EXISTS fw_build_search_sql(jsonb, boolean);
CREATE OR REPLACE FUNCTION fw_build_search_sql(parsed jsonb, ids boolean DEFAULT false,
                                               survivors boolean DEFAULT false) RETURNS text
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
        CASE WHEN ids THEN concat_ws(' AND ', 'v.version_id = ANY($2)', CASE WHEN NOT survivors THEN fw_build_exclusion_sql(parsed) END)
             ELSE fw_build_candidate_sql(parsed, true) END,
        groups, coalesce(nones, 'true'));
END
$build$;

-- As 0390, and `dropped`: with fewer `candidates` than the cap, the holders of an excluded key among
-- them, as fw_search found them (0420).
DROP FUNCTION IF EXISTS fw_search_plan(jsonb, integer, integer, integer, bigint);
CREATE OR REPLACE FUNCTION fw_search_plan(parsed jsonb, max_rows integer, walk_hits integer DEFAULT NULL,
                                          walk_more integer DEFAULT NULL, candidates bigint DEFAULT NULL,
                                          dropped bigint DEFAULT NULL)
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
    candidate_sql text;
    keys int4[];
    facts jsonb;
BEGIN
    parsed := fw_prepare_query(parsed);
    IF parsed ? 'nothing' THEN  -- a group's every alternative holds an excluded term (0390)
        RETURN jsonb_build_object('walk', walk, 'probe', probe, 'walk_hits', 0, 'walk_found', false, 'cap', cap,
                                  'rank_all', rank_all, 'candidates', 0, 'survivors', 0, 'dropped', 0,
                                  'plan', 'nothing');
    END IF;
    keys := CASE WHEN parsed -> 'none' <> '[]' THEN fw_exclusion_keys(parsed) ELSE '{}' END;
    IF walk_hits IS NULL THEN
        walk_hits := jsonb_array_length(fw_walk(parsed, max_rows, 0, walk));
    END IF;
    walked_on := walk_hits < max_rows AND walk_hits * probe >= 2 * max_rows * walk;
    IF walked_on AND walk_more IS NOT NULL THEN
        more := walk_more;
    ELSIF walked_on THEN
        more := jsonb_array_length(fw_walk(parsed, max_rows - walk_hits, walk, probe - walk));
    END IF;
    facts := jsonb_build_object('walk', walk, 'probe', probe, 'walk_hits', walk_hits,
                                'walk_found', walk_hits + more = max_rows, 'cap', cap, 'rank_all', rank_all);
    IF walk_hits + more = max_rows THEN
        RETURN facts || jsonb_build_object('candidates', NULL, 'survivors', NULL, 'dropped', NULL, 'plan', 'recent');
    END IF;
    candidate_sql := fw_build_candidate_sql(parsed);
    IF cardinality(keys) = 0 THEN
        dropped := NULL;  -- no holders to drop through the index
        IF candidates IS NULL THEN
            EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM document_versions v WHERE %s LIMIT $1) s', candidate_sql)
                INTO candidates USING cap;
        END IF;
    ELSE
        -- counts from the index alone (no heap tuple is read for an all-visible page): every
        -- candidate (unless fewer than the cap were given: those are all), then those holding an
        -- excluded key (given with fewer candidates than the cap, 0420: the holders among them)
        IF candidates IS NULL OR candidates >= cap THEN
            EXECUTE format('SELECT count(*) FROM document_versions v WHERE %s', candidate_sql) INTO survivors;
            dropped := NULL;
        ELSE
            survivors := candidates;
        END IF;
        candidates := least(survivors, cap);
        IF candidates > rank_all THEN
            IF dropped IS NULL THEN
                EXECUTE format('SELECT count(*) FROM document_versions v WHERE %s AND v.search_keys && $1', candidate_sql)
                    INTO dropped USING keys;
            END IF;
            survivors := survivors - dropped;
        ELSE
            survivors := NULL;
            dropped := NULL;
        END IF;
    END IF;
    RETURN facts || jsonb_build_object('candidates', candidates, 'survivors', survivors, 'dropped', dropped, 'plan',
        CASE WHEN candidates <= rank_all THEN 'ranked'
             WHEN candidates >= cap AND coalesce(survivors, cap) * probe >= max_rows * size
                  AND max_rows <= probe AND NOT walked_on THEN 'recent'
             ELSE 'newest' END);
END
$plan$;

COMMENT ON FUNCTION fw_search_plan(jsonb, integer, integer, integer, bigint, bigint) IS
    'How fw_search answers a parsed query: nothing (a group whose every term holds an excluded term), else recent (the newest documents hold max_rows matches), else ranked (<= rank_all candidates), recent or newest by the candidates left after excluding through the index; fw_search gives the numbers it found (candidates; dropped, the holders among fewer candidates than the cap); see 0210, 0260, 0290, 0370, 0390, 0420.';

REVOKE EXECUTE ON FUNCTION fw_search_plan(jsonb, integer, integer, integer, bigint, bigint) FROM PUBLIC;

-- As 0390 (0410's walk); with an excluded term of one key, the candidates' ids collected too and the
-- holders dropped from them (0420).
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
    rank_all bigint := coalesce(nullif(current_setting('futurewatch.search_rank_all', true), '')::bigint, 200);
    cap bigint;
    bound bigint;
    size bigint;
    parsed jsonb;
    hits jsonb;
    more jsonb;
    last_at timestamptz;
    last_id bigint;
    k integer;
    expected bigint;
    seen integer;
    ids bigint[];
    every_id boolean := false;
    survivor_ids boolean := false;
    counted bigint;
    facts jsonb;
    plan text;
    survivors bigint;
    dropped bigint;
BEGIN
    IF max_rows IS NULL OR max_rows < 1 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'max_rows must be a positive number';
    END IF;
    parsed := fw_prepare_query(fw_parse_query(query));
    IF parsed ? 'nothing' THEN  -- a group's every alternative holds an excluded term
        RETURN;
    END IF;
    hits := fw_walk(parsed, max_rows, 0, walk);
    k := jsonb_array_length(hits);
    IF k < max_rows AND k * probe >= 2 * max_rows * walk THEN
        -- The walk goes on: over twice the documents expected to hold the rest at the walk's rate; if
        -- they do not, through the candidates when those are expected to cost less than the
        -- texts still to read (0380), else on up to P as before.
        expected := least(probe - walk, ceil(2.0 * (max_rows - k) * walk / k)::bigint);
        more := fw_walk(parsed, max_rows - k, walk, expected);
        hits := hits || more;
        seen := jsonb_array_length(hits);
        IF seen < max_rows AND walk + expected < probe THEN
            SELECT coalesce(max(v.version_id), 0) INTO size FROM document_versions v;
            cap := fw_search_cap(max_rows);
            bound := least(cap, 8 * (least(probe - walk - expected,
                                            ceil((max_rows - seen) * (walk + expected) / greatest(seen, 1)::numeric)) - 140));
            IF 1.5 * seen * size / (walk + expected) < bound THEN
                EXECUTE fw_build_candidate_ids_sql(parsed) INTO ids USING bound;
            END IF;
            IF cardinality(ids) < bound THEN  -- every candidate
                IF cardinality(ids) > rank_all THEN  -- recent or newest: the newest max_rows matches
                    EXECUTE format('SELECT coalesce(jsonb_agg(to_jsonb(r)), ''[]'') FROM (%s) r',
                                   fw_build_newest_sql(parsed, true, true))
                        INTO hits USING max_rows, ids, cardinality(ids);
                ELSE  -- every match, ranked: recent when the newest max_rows are within P, else ranked
                    EXECUTE format('SELECT coalesce(jsonb_agg(to_jsonb(r)), ''[]'') FROM (%s) r',
                                   fw_build_search_sql(parsed, true))
                        INTO hits USING cardinality(ids), ids;
                    IF jsonb_array_length(hits) > max_rows THEN
                        SELECT r.published_at, r.version_id INTO last_at, last_id
                        FROM jsonb_to_recordset(hits) AS r(version_id bigint, published_at timestamptz)
                        ORDER BY r.published_at DESC NULLS LAST, r.version_id DESC
                        OFFSET max_rows - 1 LIMIT 1;
                        IF fw_search_within(last_at, last_id, probe) THEN
                            SELECT jsonb_agg(h) INTO hits
                            FROM (SELECT h FROM jsonb_array_elements(hits) AS h
                                  ORDER BY (h ->> 'published_at')::timestamptz DESC NULLS LAST, (h ->> 'version_id')::bigint DESC
                                  LIMIT max_rows) x;
                        ELSE
                            SELECT jsonb_agg(h) INTO hits
                            FROM (SELECT h FROM jsonb_array_elements(hits) AS h
                                  ORDER BY (h ->> 'rank')::real DESC, (h ->> 'published_at')::timestamptz DESC NULLS LAST,
                                           (h ->> 'document_id')::bigint
                                  LIMIT max_rows) x;
                        END IF;
                    END IF;
                END IF;
                RETURN QUERY SELECT r.* FROM jsonb_to_recordset(hits) AS r(document_id bigint, version_id bigint,
                                                                           title text, url text,
                                                                           published_at timestamptz, rank real)
                             ORDER BY r.rank DESC, r.published_at DESC NULLS LAST, r.document_id;
                RETURN;
            END IF;
            ids := NULL;
            more := fw_walk(parsed, max_rows - seen, walk + expected, probe - walk - expected);
            hits := hits || more;
        END IF;
    END IF;
    IF jsonb_array_length(hits) = max_rows THEN
        RETURN QUERY SELECT r.* FROM jsonb_to_recordset(hits) AS r(document_id bigint, version_id bigint, title text,
                                                                   url text, published_at timestamptz, rank real)
                     ORDER BY r.rank DESC, r.published_at DESC NULLS LAST, r.document_id;
        RETURN;
    END IF;
    -- As 0370 from here: the candidates, newest first, up to the cap; with an excluded term of one
    -- key too (0420), when a count up to the cap finds fewer: the holders are dropped from the ids and
    -- the plan takes both numbers instead of counting them again.
    cap := coalesce(cap, fw_search_cap(max_rows));
    IF fw_exclusion_keys(parsed) = '{}' THEN
        EXECUTE fw_build_candidate_ids_sql(parsed) INTO ids USING cap;
        every_id := cardinality(ids) < cap;
        facts := fw_search_plan(parsed, max_rows, k, jsonb_array_length(hits) - k, cardinality(ids));
    ELSE  -- counted up to the cap from the index alone first: at the cap the ids would be for nothing
        EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM document_versions v WHERE %s LIMIT $1) s',
                       fw_build_candidate_sql(parsed)) INTO counted USING cap;
        IF counted < cap THEN  -- every candidate: the holders dropped from their ids (0420)
            EXECUTE fw_build_candidate_ids_sql(parsed) INTO ids USING cap;
            EXECUTE fw_build_survivor_ids_sql(parsed) INTO ids USING ids;
            survivor_ids := true;
            facts := fw_search_plan(parsed, max_rows, k, jsonb_array_length(hits) - k, counted, counted - cardinality(ids));
        ELSE  -- at least the cap: the plan counts them and the holders from the index alone
            facts := fw_search_plan(parsed, max_rows, k, jsonb_array_length(hits) - k);
        END IF;
    END IF;
    plan := facts ->> 'plan';
    IF (facts ->> 'survivors')::bigint = 0 THEN  -- every candidate holds an excluded term
        RETURN;
    END IF;
    IF plan = 'ranked' AND (every_id OR survivor_ids) THEN
        RETURN QUERY EXECUTE fw_build_search_sql(parsed, true, survivor_ids) USING max_rows, ids;
        RETURN;
    ELSIF plan = 'ranked' THEN
        RETURN QUERY EXECUTE fw_build_search_sql(parsed) USING max_rows;
        RETURN;
    END IF;
    IF plan = 'recent' THEN  -- the walk goes on from W to P (it did not yet: the plan says so)
        more := fw_walk(parsed, max_rows - k, walk, probe - walk);
        hits := hits || more;
        IF jsonb_array_length(hits) = max_rows THEN
            RETURN QUERY SELECT r.* FROM jsonb_to_recordset(hits) AS r(document_id bigint, version_id bigint, title text,
                                                                       url text, published_at timestamptz, rank real)
                         ORDER BY r.rank DESC, r.published_at DESC NULLS LAST, r.document_id;
            RETURN;
        END IF;
    END IF;
    -- The survivors' ids, newest first (0420): their texts in that order, the excluded terms
    -- checked on the text.
    IF survivor_ids THEN
        RETURN QUERY EXECUTE fw_build_newest_sql(parsed, true, true) USING max_rows, ids, cardinality(ids);
        RETURN;
    END IF;
    -- Many survivors: the newest candidates' texts first (0290); rows only when complete.
    survivors := (facts ->> 'survivors')::bigint;
    dropped := (facts ->> 'dropped')::bigint;
    IF survivors > 0 AND 20 * max_rows * (survivors + dropped) < dropped * survivors THEN
        RETURN QUERY EXECUTE fw_build_newest_resumed_sql(parsed)
            USING max_rows, ceil(2.0 * max_rows * (survivors + dropped) / survivors)::bigint;
        RETURN;
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
