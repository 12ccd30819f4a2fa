-- A query term that contains an excluded term can never match (issue 17: "产业布 -产业" read
-- ~40 ms of candidates at 200k versions for no rows).
--
-- fw_prepare_query drops, after normalisation (fw_normalize_term, so width, case and Traditional
-- forms are folded first), every alternative of a group that contains an excluded term: a text
-- holding the alternative holds the excluded term, so the alternative matches nothing the query
-- returns, and its rank there is 0. When a group is left without an alternative, no text can
-- match: the prepared query says so ("nothing": true; its groups are kept whole so that every
-- statement built from it stays a correct, empty, query) and fw_search returns no rows without
-- reading the table; fw_search_plan's plan is then "nothing".
-- What changes for a user: nothing in the rows. The index candidates (the plan's count, which
-- picks newest or ranked) no longer include documents found only through a dropped alternative.

CREATE OR REPLACE FUNCTION fw_prepare_query(parsed jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $prepare$
DECLARE
    terms text[] := '{}';
    norms text[] := '{}';
    nones text[];
    keys jsonb := '{}';
    groups jsonb := '[]';
    kept jsonb := '[]';
    alts jsonb;
    left_alts jsonb;
    nothing boolean := false;
    at integer := 0;
BEGIN
    IF parsed ? 'keys' THEN
        RETURN parsed;
    END IF;
    FOR g IN 0 .. jsonb_array_length(parsed -> 'all') - 1 LOOP
        FOR i IN 0 .. jsonb_array_length(parsed -> 'all' -> g) - 1 LOOP
            terms := terms || (parsed -> 'all' -> g ->> i);
        END LOOP;
    END LOOP;
    FOR i IN 0 .. jsonb_array_length(parsed -> 'none') - 1 LOOP
        terms := terms || (parsed -> 'none' ->> i);
    END LOOP;
    FOR i IN 1 .. cardinality(terms) LOOP
        norms[i] := fw_normalize_term(terms[i]);
    END LOOP;
    FOR i IN 1 .. cardinality(norms) LOOP
        keys := keys || jsonb_build_object(norms[i], fw_term_keys(norms[i])::text);
    END LOOP;
    nones := norms[cardinality(terms) - jsonb_array_length(parsed -> 'none') + 1:];
    FOR g IN 0 .. jsonb_array_length(parsed -> 'all') - 1 LOOP
        alts := '[]';
        left_alts := '[]';
        FOR i IN 0 .. jsonb_array_length(parsed -> 'all' -> g) - 1 LOOP
            at := at + 1;
            alts := alts || to_jsonb(norms[at]);
            IF NOT EXISTS (SELECT 1 FROM unnest(nones) AS x WHERE strpos(norms[at], x) > 0) THEN
                left_alts := left_alts || to_jsonb(norms[at]);
            END IF;
        END LOOP;
        groups := groups || jsonb_build_array(alts);
        kept := kept || jsonb_build_array(left_alts);
        nothing := nothing OR left_alts = '[]';
    END LOOP;
    IF nothing THEN
        RETURN jsonb_build_object('all', groups, 'none', to_jsonb(nones), 'keys', keys, 'nothing', true);
    END IF;
    RETURN jsonb_build_object('all', kept, 'none', to_jsonb(nones), 'keys', keys);
END
$prepare$;

-- As 0370; a query that can match nothing is answered without the table.
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
    IF parsed ? 'nothing' THEN  -- a group's every alternative holds an excluded term (0390)
        RETURN jsonb_build_object('walk', walk, 'probe', probe, 'walk_hits', 0, 'walk_found', false, 'cap', cap,
                                  'rank_all', rank_all, 'candidates', 0, 'survivors', 0, 'dropped', 0,
                                  'plan', 'nothing');
    END IF;
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
    'How fw_search answers a parsed query: nothing (a group whose every term holds an excluded term), else recent (the newest documents hold max_rows matches), else ranked (<= rank_all candidates), recent or newest by the candidates left after excluding through the index; see 0210, 0260, 0290, 0370, 0390.';


-- As 0380; no rows, without the table, for a query that can match nothing.
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
    walk_sql text;
    hits jsonb;
    more jsonb;
    last_at timestamptz;
    last_id bigint;
    k integer;
    expected bigint;
    seen integer;
    ids bigint[];
    every_id boolean := false;
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
    walk_sql := format('SELECT coalesce(jsonb_agg(to_jsonb(w)), ''[]'') FROM (%s) w', fw_build_walk_sql(parsed));
    EXECUTE walk_sql INTO hits USING max_rows, 0, walk;
    k := jsonb_array_length(hits);
    IF k < max_rows AND k * probe >= 2 * max_rows * walk THEN
        -- The walk goes on: over twice the documents expected to hold the rest at the walk's rate; if
        -- they do not, through the candidates when those are expected to cost less than the
        -- texts still to read (0380), else on up to P as before.
        expected := least(probe - walk, ceil(2.0 * (max_rows - k) * walk / k)::bigint);
        EXECUTE walk_sql INTO more USING max_rows - k, walk, expected;
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
            EXECUTE walk_sql INTO more USING max_rows - seen, walk + expected, probe - walk - expected;
            hits := hits || more;
        END IF;
    END IF;
    IF jsonb_array_length(hits) = max_rows THEN
        RETURN QUERY SELECT r.* FROM jsonb_to_recordset(hits) AS r(document_id bigint, version_id bigint, title text,
                                                                   url text, published_at timestamptz, rank real)
                     ORDER BY r.rank DESC, r.published_at DESC NULLS LAST, r.document_id;
        RETURN;
    END IF;
    -- As 0370 from here: the candidates, newest first, up to the cap (not with an excluded term of
    -- one key: the plan then counts every candidate and the holders from the index alone).
    IF fw_exclusion_keys(parsed) = '{}' THEN
        cap := coalesce(cap, fw_search_cap(max_rows));
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
