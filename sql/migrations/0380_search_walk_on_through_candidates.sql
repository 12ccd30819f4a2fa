-- fw_search walks on through the index's candidates when they are few; query terms are
-- normalised without re-planning fw_fold_short (issue 17: rare AND and NOT at 50x a LIKE scan).
--
-- Measured at 20k versions (docs/performance.md): when the walk over the newest W documents finds
-- k matches, k x P >= 2 x max_rows x W and k < max_rows, fw_search walks on over the next
-- documents up to P, reading every text (~10 us with its documents row) until max_rows - k more
-- match: E = (max_rows - k) x W / k texts at the walk's rate, many more when the matches thin out
-- after the newest W ("类芯片 -中国" read 518, 5.7 ms of an 8 ms search; a rare AND query 900,
-- 9.5 ms of 16). A candidate's id costs a bitmap entry, a heap tuple and its share of the sort
-- (~0.9 us measured, about 1/8 of a text), the extra statements ~140 texts.
-- Now the walk on first reads E = twice the documents expected to hold the rest at the walk's
-- rate (reading only the expected number fell short for half the walks on, whose second statement
-- cost phrase and 4-character queries 6-8 %). When they do not, the texts still to read are estimated again at the rate seen so far (s matches in
-- W + E documents; R texts, at most P - W - E), and fw_search collects the candidates' ids, newest
-- first, up to the bound min(cap, 8 x (R - 140)), if the candidates expected at that rate with a
-- margin, 1.5 x s x size / (W + E), are below it; otherwise the walk on goes on up to P as before.
-- (Collecting the ids in place of the first E texts as well was tried: it lost 1-1.8 ms on walks
-- on that end early, phrase and NOT queries with ~1,800 candidates; docs/performance.md.)
-- With fewer ids than the bound they are every candidate (excluded terms do not count, as in the
-- plan's count), and:
--   * more than rank_all: the newest max_rows matches through the ids (excluded terms checked on
--     the text). The matches the walk has found are the newest of them, and recent and newest
--     return the same rows (the newest max_rows matches), so which of the two the walk on would
--     give does not matter;
--   * at most rank_all: every match, ranked over the ids (fw_build_search_sql with LIMIT = their
--     number). When the max_rows-th newest match is among the newest P current documents
--     (fw_search_within), the walk and the walk on find exactly the newest max_rows: those rows
--     (recent); otherwise the walk on falls short and the plan is ranked: the top max_rows by
--     rank. Fewer than max_rows matches: all of them (what both plans return).
-- With more ids than the bound the walk on goes on up to P as before.
-- fw_prepare_query normalises each term by fw_normalize_term: fw_normalize's fw_fold_short is a
-- SQL function whose body (three ~4,300-character strings) is parsed and planned again in every
-- transaction that calls it (~0.2 ms per search); fw_fold_term is the same body, taken from
-- fw_fold_short's source, in PL/pgSQL, planned once per session. fw_search_cap is PL/pgSQL for the
-- same reason (it is called twice per search).
-- The many-survivors newest pass of 0290 (the newest 2 x max_rows x C / S candidates' texts first,
-- the excluded terms checked on the text) returned rows only when complete; when it fell short,
-- the holders were dropped through the index and the candidates read again from the first. Now
-- one statement (fw_build_newest_resumed_sql) goes on after those candidates: the same candidate
-- bitmap and heap tuples, and no text read twice.
-- What changes for a user: nothing in the rows.

CREATE OR REPLACE FUNCTION fw_search_cap(max_rows integer) RETURNS bigint
LANGUAGE plpgsql STABLE
AS $cap$
DECLARE
    size bigint;
BEGIN
    SELECT coalesce(max(version_id), 0) INTO size FROM document_versions;
    RETURN greatest(coalesce(nullif(current_setting('futurewatch.search_rank_all', true), '')::bigint, 200) + 1,
                    ceil(size * 2.0 * max_rows / least(50 * max_rows::bigint, 20000))::bigint,
                    ceil(sqrt(30.0 * max_rows * size))::bigint);
END
$cap$;

-- True when the current document of version `id` (published `at`) is among the newest `probe`
-- current documents in recency order (published_at DESC NULLS LAST, version_id DESC). Counts the
-- versions at or before it first (the recency index; a version that is not current only makes
-- the document's position smaller), and the current documents among them only when those are
-- more than `probe`.
CREATE OR REPLACE FUNCTION fw_search_within(at timestamptz, id bigint, probe bigint) RETURNS boolean
LANGUAGE plpgsql STABLE
AS $within$
DECLARE
    before bigint;
BEGIN
    IF at IS NOT NULL THEN
        SELECT count(*) INTO before
        FROM (SELECT 1 FROM document_versions v
              WHERE v.published_at >= at AND (v.published_at > at OR v.version_id >= id)
              LIMIT probe + 1) s;
    ELSE
        SELECT count(*) INTO before
        FROM (SELECT 1 FROM document_versions v
              WHERE v.published_at IS NOT NULL OR v.version_id >= id
              LIMIT probe + 1) s;
    END IF;
    IF before <= probe THEN
        RETURN true;
    END IF;
    IF at IS NOT NULL THEN
        SELECT count(*) INTO before
        FROM (SELECT 1 FROM document_versions v JOIN documents d ON d.current_version_id = v.version_id
              WHERE v.published_at >= at AND (v.published_at > at OR v.version_id >= id)
              LIMIT probe + 1) s;
    ELSE
        SELECT count(*) INTO before
        FROM (SELECT 1 FROM document_versions v JOIN documents d ON d.current_version_id = v.version_id
              WHERE v.published_at IS NOT NULL OR v.version_id >= id
              LIMIT probe + 1) s;
    END IF;
    RETURN before <= probe;
END
$within$;

REVOKE EXECUTE ON FUNCTION fw_search_within(timestamptz, bigint, bigint) FROM PUBLIC;

-- fw_normalize for a query term, in PL/pgSQL: fw_normalize calls the SQL function fw_fold_short,
-- whose body (three strings of ~4,300 characters) is parsed and planned again in every
-- transaction that calls it (~0.2 ms per search); fw_fold_term is the same body in a PL/pgSQL
-- function, created from fw_fold_short's own source (one definition), whose statement is planned
-- once per session. Same text as fw_normalize (tests/search/test_search_walk_on.py).
DO $term$
BEGIN
    EXECUTE format('CREATE OR REPLACE FUNCTION fw_fold_term(x text) RETURNS text'
                   ' LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS %L',
                   'BEGIN RETURN (' || (SELECT p.prosrc FROM pg_proc p
                                       WHERE p.oid = 'fw_fold_short(text)'::regprocedure) || '); END');
END
$term$;

CREATE OR REPLACE FUNCTION fw_normalize_term(x text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $norm$
BEGIN
    RETURN CASE WHEN length(x) <= 64 THEN fw_fold_term(normalize(x, NFKC)) ELSE fw_normalize(x) END;
END
$norm$;

-- As 0290, each term normalised by fw_normalize_term.
CREATE OR REPLACE FUNCTION fw_prepare_query(parsed jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $prepare$
DECLARE
    terms text[] := '{}';
    norms text[] := '{}';
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
    FOR i IN 1 .. cardinality(terms) LOOP
        norms[i] := fw_normalize_term(terms[i]);
    END LOOP;
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


-- The "many survivors" newest pass in one statement (0290's bounded pass, resumed): the newest
-- $2 candidates' texts are read first, the excluded terms checked on the text; only if they hold
-- fewer than max_rows ($1) matches, the candidates after them are read without the holders of an
-- excluded term of one key (dropped through the index), going on from the first pass's position
-- instead of starting over.
CREATE OR REPLACE FUNCTION fw_build_newest_resumed_sql(parsed jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
DECLARE
    fetched text := 'CROSS JOIN LATERAL (SELECT k.document_id, k.canonical_url AS url FROM documents k
                                         WHERE k.current_version_id = c.version_id OFFSET 0) d
                     CROSS JOIN LATERAL (SELECT x.title, x.published_at, x.search_text || '''' AS search_text
                                         FROM document_versions x WHERE x.version_id = c.version_id OFFSET 0) t';
BEGIN
    parsed := fw_prepare_query(parsed);
    RETURN format(
        'WITH candidates AS MATERIALIZED (SELECT v.version_id, v.published_at FROM document_versions v WHERE %s),
         newest AS MATERIALIZED (SELECT * FROM candidates ORDER BY published_at DESC NULLS LAST, version_id DESC LIMIT $2),
         first AS MATERIALIZED (
             SELECT d.document_id, c.version_id, t.title, d.url, t.published_at, t.search_text
             FROM (SELECT * FROM newest ORDER BY published_at DESC NULLS LAST, version_id DESC OFFSET 0) c %s
             WHERE %s
             LIMIT $1),
         rest AS MATERIALIZED (
             SELECT d.document_id, c.version_id, t.title, d.url, t.published_at, t.search_text
             FROM (SELECT v.* FROM candidates v
                   WHERE v.version_id NOT IN (SELECT n.version_id FROM newest n) AND %s
                   ORDER BY v.published_at DESC NULLS LAST, v.version_id DESC OFFSET 0) c %s
             WHERE %s
             LIMIT $1 - (SELECT count(*) FROM first))
         SELECT h.document_id, h.version_id, h.title, h.url, h.published_at, (%s)::real AS rank
         FROM (SELECT * FROM first UNION ALL SELECT * FROM rest) h
         ORDER BY rank DESC, h.published_at DESC NULLS LAST, h.document_id',
        fw_build_candidate_sql(parsed), fetched, fw_build_exact_sql(parsed, 't'),
        coalesce(fw_build_exclusion_sql(parsed), 'true'), fetched, fw_build_exact_sql(parsed, 't'),
        fw_build_rank_sql(parsed, 'h'));
END
$build$;

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
