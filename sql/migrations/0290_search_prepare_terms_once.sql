-- fw_search: each term normalised and keyed once per search, no text read twice, fewer heap
-- tuples and rank passes (issue 17: rare AND and NOT at 50x a LIKE scan).
--
-- Measured at 20k versions (EXPLAIN ANALYZE and timed steps, docs/perf/search_prepare_0290.md):
--   * building the statements cost 5-8 ms of a 10-20 ms search. Every builder is a SQL function
--     that calls fw_normalize and fw_search_keys per term; a SQL function called from a query is
--     planned again at every execution of that query (fw_fold's map, fw_search_keys' window
--     query), ~0.1-0.5 ms per call site, and fw_search built the same terms 10-20 times over.
--     Now fw_search prepares the parsed query once (fw_prepare_query: the terms normalised and
--     each term's keys, computed in PL/pgSQL where the calls' plans are kept) and the builders
--     read the prepared terms instead of computing them; given a plain fw_parse_query result
--     they compute them as before, so they return the same text either way (tested);
--   * fw_search walked on to probe documents and then called fw_search_plan, which walked on
--     again (the same texts read twice, ~900 at max_rows 20): fw_search_plan takes the matches
--     the walk on found (walk_more);
--   * the "recent" plan chosen after the count walked the newest probe documents from the first
--     again (fw_build_topk_sql), though fw_search's walk had read the first W of them: it goes on
--     from W with the walk's statement instead (the same rows: the k matches among the first W
--     and the next max_rows - k);
--   * with an excluded term of one key and many survivors (S), the "newest" plan read a heap tuple
--     for every candidate holding it (C - S) to drop it through the index; now, when the texts of
--     the newest candidates are expected to cost less (20 x max_rows x C / S < C - S: a text costs
--     6-22 heap tuples), it reads them (at most twice the expected number), checking the
--     excluded terms on the text, and drops through the index only if that falls short.
--     fw_search_plan reports the holders it counted ("dropped");
--   * the bounded "newest" pass (the newest 20 x max_rows candidates) ran before the unbounded
--     one only when no excluded term is one key, where both read the same candidates in the same
--     order and stop at max_rows matches: it could only add the same text reads again. It is gone.
--   * the walk computed `search_text || ''` below its OFFSET, so walking on from W read the first
--     W texts again: the text is now read after the OFFSET;
--   * ranking counted the characters of the whole text twice per term and scanned it for the term
--     three times: occurrences are counted in bytes, without a separate presence scan, and the
--     title test looks at the title only (same values).
-- What changes for a user: nothing in the rows. fw_search_plan's facts gain "dropped".

-- The keys of a query term: fw_search_keys' keys (every pair of adjacent UTF-16 code units,
-- sorted, distinct), computed in PL/pgSQL. fw_search_keys is a SQL query that a statement plans
-- again each time it runs (~0.3 ms); here the plans are kept for the session. For terms: a
-- text's keys are computed once, when it is written.
CREATE OR REPLACE FUNCTION fw_term_keys(n text) RETURNS int4[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $keys$
DECLARE
    units int4[] := '{}';
    keys int4[] := '{}';
    cp int4;
BEGIN
    FOREACH cp IN ARRAY ARRAY(SELECT ascii(ch) FROM unnest(string_to_array(n, NULL)) AS ch) LOOP
        IF cp < 65536 THEN
            units := units || cp;
        ELSE  -- a surrogate pair
            units := units || (55296 + ((cp - 65536) >> 10)) || (56320 + ((cp - 65536) & 1023));
        END IF;
    END LOOP;
    FOR i IN 1 .. cardinality(units) - 1 LOOP
        keys := keys || (units[i] << 16 | units[i + 1]);
    END LOOP;
    RETURN ARRAY(SELECT DISTINCT k FROM unnest(keys) AS k ORDER BY 1);
END
$keys$;

-- The parsed query with its terms normalised once, and each term's keys: {"all": [[term…]…],
-- "none": [term…], "keys": {term: "{k,…}"}}. Prepared twice, the same. The terms are normalised
-- by one statement (fw_normalize's fold map is set up once per statement), the rest in PL/pgSQL.
CREATE OR REPLACE FUNCTION fw_prepare_query(parsed jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $prepare$
DECLARE
    terms text[] := '{}';
    norms text[];
    keys jsonb := '{}';
    groups jsonb := '[]';
    alts jsonb;
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
    norms := ARRAY(SELECT fw_normalize(t) FROM unnest(terms) WITH ORDINALITY AS u(t, o) ORDER BY o);
    FOR i IN 1 .. cardinality(norms) LOOP
        keys := keys || jsonb_build_object(norms[i], fw_term_keys(norms[i])::text);
    END LOOP;
    FOR g IN 0 .. jsonb_array_length(parsed -> 'all') - 1 LOOP
        alts := '[]';
        FOR i IN 0 .. jsonb_array_length(parsed -> 'all' -> g) - 1 LOOP
            at := at + 1;
            alts := alts || to_jsonb(norms[at]);
        END LOOP;
        groups := groups || jsonb_build_array(alts);
    END LOOP;
    RETURN jsonb_build_object('all', groups, 'none', to_jsonb(norms[at + 1:]), 'keys', keys);
END
$prepare$;

COMMENT ON FUNCTION fw_prepare_query(jsonb) IS
    'A parsed query (fw_parse_query) with its terms normalised and keyed once; the statement builders accept either form.';

-- The statement builders (0171, 0210, 0220, 0260), now in PL/pgSQL over a prepared query: the
-- same text as before (a test compares them with the SQL forms they replace), without a SQL
-- function planned per call.

-- The index conditions on alias `a`: per group, any alternative's keys (0220).
CREATE OR REPLACE FUNCTION fw_build_index_sql(parsed jsonb, a text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
DECLARE
    alts text;
    groups text;
    t text;
BEGIN
    parsed := fw_prepare_query(parsed);
    FOR g IN 0 .. jsonb_array_length(parsed -> 'all') - 1 LOOP
        alts := NULL;
        FOR i IN 0 .. jsonb_array_length(parsed -> 'all' -> g) - 1 LOOP
            t := parsed -> 'all' -> g ->> i;
            alts := concat_ws(' OR ', alts, format('%I.search_keys @> %L::int4[]', a, parsed -> 'keys' ->> t));
        END LOOP;
        groups := concat_ws(' AND ', groups, '(' || alts || ')');
    END LOOP;
    RETURN groups;
END
$build$;

-- The excluded terms that are one key each (two BMP characters: holding the key is holding the
-- term), in the query's order.
CREATE OR REPLACE FUNCTION fw_one_key_exclusions(parsed jsonb) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $excl$
DECLARE
    found text[] := '{}';
    t text;
BEGIN
    parsed := fw_prepare_query(parsed);
    FOR i IN 0 .. jsonb_array_length(parsed -> 'none') - 1 LOOP
        t := parsed -> 'none' ->> i;
        IF length(t) = 2 AND cardinality((parsed -> 'keys' ->> t)::int4[]) = 1 THEN
            found := found || t;
        END IF;
    END LOOP;
    RETURN found;
END
$excl$;

-- As 0260: the keys of those terms, sorted and distinct, or an empty array.
CREATE OR REPLACE FUNCTION fw_exclusion_keys(parsed jsonb) RETURNS int4[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $excl$
DECLARE
    keys int4[] := '{}';
    t text;
BEGIN
    parsed := fw_prepare_query(parsed);
    FOREACH t IN ARRAY fw_one_key_exclusions(parsed) LOOP
        keys := keys || (parsed -> 'keys' ->> t)::int4[];
    END LOOP;
    RETURN ARRAY(SELECT DISTINCT k FROM unnest(keys) AS k ORDER BY 1);
END
$excl$;

-- As 0260: with `exclude`, without the candidates that hold an excluded term of one key.
CREATE OR REPLACE FUNCTION fw_build_candidate_sql(parsed jsonb, exclude boolean DEFAULT false) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
DECLARE
    statement text;
    t text;
BEGIN
    parsed := fw_prepare_query(parsed);
    statement := fw_build_index_sql(parsed, 'v');
    IF exclude THEN
        FOREACH t IN ARRAY fw_one_key_exclusions(parsed) LOOP
            statement := statement || format(' AND v.version_id NOT IN (SELECT x.version_id FROM document_versions x'
                                             ' WHERE %s AND x.search_keys @> %L::int4[])',
                                             fw_build_index_sql(parsed, 'x'), parsed -> 'keys' ->> t);
        END LOOP;
    END IF;
    RETURN statement;
END
$build$;

-- As 0171: exact checks on alias `a`, every group (any alternative), no excluded term.
CREATE OR REPLACE FUNCTION fw_build_exact_sql(parsed jsonb, a text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
DECLARE
    alts text;
    groups text;
    nones text;
BEGIN
    parsed := fw_prepare_query(parsed);
    FOR g IN 0 .. jsonb_array_length(parsed -> 'all') - 1 LOOP
        alts := NULL;
        FOR i IN 0 .. jsonb_array_length(parsed -> 'all' -> g) - 1 LOOP
            alts := concat_ws(' OR ', alts, format('strpos(%I.search_text, %L) > 0', a, parsed -> 'all' -> g ->> i));
        END LOOP;
        groups := concat_ws(' AND ', groups, '(' || alts || ')');
    END LOOP;
    FOR i IN 0 .. jsonb_array_length(parsed -> 'none') - 1 LOOP
        nones := concat_ws(' AND ', nones, format('strpos(%I.search_text, %L) = 0', a, parsed -> 'none' ->> i));
    END LOOP;
    RETURN coalesce(groups, 'true') || ' AND ' || coalesce(nones, 'true');
END
$build$;

-- As 0171: the rank of alias `a`, summed over every positive term.
CREATE OR REPLACE FUNCTION fw_build_rank_sql(parsed jsonb, a text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
DECLARE
    terms text;
BEGIN
    parsed := fw_prepare_query(parsed);
    FOR g IN 0 .. jsonb_array_length(parsed -> 'all') - 1 LOOP
        FOR i IN 0 .. jsonb_array_length(parsed -> 'all' -> g) - 1 LOOP
            terms := concat_ws(' + ', terms, format('fw_rank_normalized(%I.search_text, %L)', a, parsed -> 'all' -> g ->> i));
        END LOOP;
    END LOOP;
    RETURN terms;
END
$build$;

-- As 0210: the walk over the newest current documents. The texts are read after OFFSET (the
-- inner query passes the stored value on unread), so walking on from $2 does not read the
-- first $2 texts again; each text is still read once (`|| ''` in a fenced subquery).
CREATE OR REPLACE FUNCTION fw_build_walk_sql(parsed jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
BEGIN
    parsed := fw_prepare_query(parsed);
    RETURN format(
        'SELECT h.document_id, h.version_id, h.title, h.url, h.published_at, (%s)::real AS rank
         FROM (SELECT p.* FROM (SELECT q.document_id, q.version_id, q.title, q.url, q.published_at,
                                       q.stored_text || '''' AS search_text
                                FROM (SELECT v.document_id, v.version_id, v.title, d.url, v.published_at,
                                             v.search_text AS stored_text
                                      FROM document_versions v
                                      CROSS JOIN LATERAL (SELECT c.canonical_url AS url FROM documents c
                                                          WHERE c.document_id = v.document_id
                                                            AND c.current_version_id = v.version_id OFFSET 0) d
                                      ORDER BY v.published_at DESC NULLS LAST, v.version_id DESC
                                      OFFSET $2 LIMIT $3) q
                                ORDER BY q.published_at DESC NULLS LAST, q.version_id DESC OFFSET 0) p
               WHERE %s
               ORDER BY p.published_at DESC NULLS LAST, p.version_id DESC
               LIMIT $1) h',
        fw_build_rank_sql(parsed, 'h'), fw_build_exact_sql(parsed, 'p'));
END
$build$;

-- As 0171: the candidates newest first, texts checked until max_rows match.
CREATE OR REPLACE FUNCTION fw_build_newest_sql(parsed jsonb, bounded boolean) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
BEGIN
    parsed := fw_prepare_query(parsed);
    RETURN format(
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
             ELSE 'true' END);
END
$build$;

-- As 0171: the walk over the newest $2 current documents, rows only when it finds $1.
CREATE OR REPLACE FUNCTION fw_build_topk_sql(parsed jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
BEGIN
    parsed := fw_prepare_query(parsed);
    RETURN format(
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
        fw_build_exact_sql(parsed, 'p'), fw_build_rank_sql(parsed, 'h'));
END
$build$;

-- As 0260: the ranked plan over the candidates left by the index-side exclusion.
CREATE OR REPLACE FUNCTION fw_build_search_sql(parsed jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
BEGIN
    parsed := fw_prepare_query(parsed);
    RETURN format(
        'SELECT d.document_id, t.version_id, t.title, d.canonical_url AS url, t.published_at, (%s)::real AS rank
         FROM (SELECT v.version_id, v.title, v.published_at, v.search_text || '''' AS search_text
               FROM document_versions v WHERE %s OFFSET 0) t
         JOIN documents d ON d.current_version_id = t.version_id
         WHERE %s
         ORDER BY rank DESC, t.published_at DESC NULLS LAST, d.document_id
         LIMIT $1',
        fw_build_rank_sql(parsed, 't'), fw_build_candidate_sql(parsed, true), fw_build_exact_sql(parsed, 't'));
END
$build$;

-- The rank of one term (0011) with fewer passes over the text: the occurrences are the bytes
-- replace() removes over the term's bytes (the same number as in characters; octet_length reads
-- the stored size where length counts the characters of the whole text), no occurrence gives
-- ln(1) = 0 without a separate strpos, and "in the title" is looked for in the title only (a term
-- without a newline occurs before the first newline exactly when the title holds it; a term with
-- one keeps 0011's test). Same values (tests/search/test_search_prepared.py).
CREATE OR REPLACE FUNCTION fw_rank_normalized(search_text text, t text) RETURNS real
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $rank$
    SELECT CASE
        WHEN octet_length(t) = 0 THEN 0::real
        ELSE (ln(1 + (octet_length(search_text) - octet_length(replace(search_text, t, ''))) / octet_length(t))
              + CASE WHEN strpos(t, E'\n') = 0
                     THEN CASE WHEN strpos(search_text, E'\n') > 0
                                    AND strpos(left(search_text, strpos(search_text, E'\n') - 1), t) > 0
                               THEN 2 ELSE 0 END
                     WHEN strpos(search_text, t) > 0 AND strpos(search_text, t) < strpos(search_text, E'\n') THEN 2
                     ELSE 0 END)::real
    END
$rank$;

CREATE OR REPLACE FUNCTION fw_term_rank(search_text text, term text) RETURNS real
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN fw_rank_normalized(search_text, fw_normalize(term));

-- 0260's plan; walk_more: the matches fw_search's walk on found (it has walked on already), so
-- that those texts are not read again; null walks on here when the walk calls for it.
DROP FUNCTION IF EXISTS fw_search_plan(jsonb, integer, integer);
CREATE OR REPLACE FUNCTION fw_search_plan(parsed jsonb, max_rows integer, walk_hits integer DEFAULT NULL,
                               walk_more integer DEFAULT NULL)
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
    keys int4[];
    facts jsonb;
BEGIN
    parsed := fw_prepare_query(parsed);
    keys := CASE WHEN parsed -> 'none' <> '[]' THEN fw_exclusion_keys(parsed) ELSE '{}' END;
    cap := greatest(rank_all + 1, ceil(size * 2.0 * max_rows / probe)::bigint, ceil(sqrt(30.0 * max_rows * size))::bigint);
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
    RETURN facts || jsonb_build_object('candidates', candidates, 'survivors', survivors, 'dropped', dropped, 'plan',
        CASE WHEN candidates <= rank_all THEN 'ranked'
             WHEN candidates >= cap AND coalesce(survivors, cap) * probe >= max_rows * size
                  AND max_rows <= probe AND NOT walked_on THEN 'recent'
             ELSE 'newest' END);
END
$plan$;

COMMENT ON FUNCTION fw_search_plan(jsonb, integer, integer, integer) IS
    'How fw_search answers a parsed query: recent (the newest documents hold max_rows matches), else ranked (<= rank_all candidates), recent or newest by the candidates left after excluding through the index; see 0210, 0260, 0290.';

REVOKE EXECUTE ON FUNCTION fw_search_plan(jsonb, integer, integer, integer) FROM PUBLIC;

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
        EXECUTE walk_sql INTO more USING max_rows - k, walk, probe - walk;
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
