-- Search queries for SQL users: fw_parse_query() reads the query syntax, fw_search() runs it.
-- Syntax: terms separated by spaces must all occur (AND is optional); OR (or |) between terms
-- accepts either; NOT term or -term excludes; "double quotes" keep a phrase with spaces together.
-- Every term needs 2+ characters and at least one letter, digit or CJK character. futurewatch's
-- Python parser (futurewatch/search/query.py) implements the same rules; a test keeps them equal.

-- A character that makes a term searchable (anything else counts as punctuation or space).
CREATE FUNCTION fw_word_class() RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN '[0-9A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\U00020000-\U0003FFFF]';

-- One raw token as a term: quotes removed, spaces collapsed; raises on an unsearchable term.
-- Error messages quote the offending term the same way in SQL and in Python ("term").
CREATE FUNCTION fw_parse_term(token text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $term$
DECLARE
    term text := btrim(regexp_replace(replace(token, '"', ''), '\s+', ' ', 'g'));
BEGIN
    IF term !~ fw_word_class() THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = format('search term "%s" has no letters, digits or Chinese characters', token);
    END IF;
    IF length(term) < 2 THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = format('search term "%s" is one character; terms need at least two', term);
    END IF;
    RETURN term;
END
$term$;

-- The query as {"all": [[term, term OR-alternative …], …], "none": [excluded term, …]}.
CREATE FUNCTION fw_parse_query(query text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $parse$
DECLARE
    tokens text[];
    tok text;
    term text;
    groups jsonb := '[]';
    excluded jsonb := '[]';
    pending_or boolean := false;
    negate boolean := false;
BEGIN
    query := translate(normalize(coalesce(query, ''), NFKC), '“”', '""');
    tokens := ARRAY(SELECT m[1] FROM regexp_matches(query, '(-?"[^"]*"?|[^\s"]+)', 'g') AS m);
    IF cardinality(tokens) = 0 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'the search query is empty';
    END IF;
    FOREACH tok IN ARRAY tokens LOOP
        IF tok IN ('AND', '&') THEN CONTINUE; END IF;
        IF tok IN ('OR', '|') THEN
            IF pending_or OR negate OR jsonb_array_length(groups) = 0 THEN
                RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'OR needs a term on each side';
            END IF;
            pending_or := true;
            CONTINUE;
        END IF;
        IF tok = 'NOT' THEN negate := true; CONTINUE; END IF;
        IF length(tok) > 1 AND left(tok, 1) = '-' THEN negate := true; tok := substr(tok, 2); END IF;
        term := fw_parse_term(tok);
        IF negate AND pending_or THEN
            RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'an excluded term cannot be joined with OR';
        ELSIF negate THEN
            excluded := excluded || to_jsonb(term);
        ELSIF pending_or THEN
            groups := jsonb_set(groups, ARRAY[(jsonb_array_length(groups) - 1)::text],
                                groups -> -1 || to_jsonb(term));
        ELSE
            groups := groups || jsonb_build_array(jsonb_build_array(term));
        END IF;
        pending_or := false;
        negate := false;
    END LOOP;
    IF pending_or OR negate THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'the search query ends with OR or NOT';
    END IF;
    IF jsonb_array_length(groups) = 0 THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = 'the search query only excludes terms; add at least one term to find';
    END IF;
    RETURN jsonb_build_object('all', groups, 'none', excluded);
END
$parse$;

COMMENT ON FUNCTION fw_parse_query(text) IS
    'Parse a search query into {"all": [[OR-alternatives], ...], "none": [excluded terms]}; raises 22023 on bad input.';

-- The SQL text of one parsed query: index conditions, exact checks and the rank, every term
-- embedded as a quoted literal (format %L), so no query text is ever executed as SQL.
CREATE FUNCTION fw_build_search_sql(parsed jsonb) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
    WITH terms AS (
        SELECT g.ord AS grp, count(*) OVER (PARTITION BY g.ord) AS alternatives, fw_normalize(t) AS t
        FROM jsonb_array_elements(parsed -> 'all') WITH ORDINALITY AS g(alts, ord),
             jsonb_array_elements_text(g.alts) AS t
    ), groups AS (
        SELECT grp,
               string_agg(format('fw_bigrams(v.search_text) @> fw_bigrams(%L)', t), ' OR ') AS candidate,
               string_agg(CASE WHEN alternatives = 1 AND length(t) = 2 THEN 'true'  -- the index settles it
                               ELSE format('strpos(v.search_text, %L) > 0', t) END, ' OR ') AS exact
        FROM terms GROUP BY grp
    )
    SELECT format(
        'SELECT d.document_id, v.version_id, v.title, d.canonical_url AS url, v.published_at, (%s)::real AS rank
         FROM document_versions v JOIN documents d ON d.current_version_id = v.version_id
         WHERE %s AND %s AND %s
         ORDER BY rank DESC, v.published_at DESC NULLS LAST, d.document_id
         LIMIT $1',
        (SELECT string_agg(format('fw_rank_normalized(v.search_text, %L)', t), ' + ') FROM terms),
        (SELECT string_agg('(' || candidate || ')', ' AND ') FROM groups),
        (SELECT string_agg('(' || exact || ')', ' AND ') FROM groups),
        coalesce((SELECT string_agg(format('strpos(v.search_text, %L) = 0', fw_normalize(t)), ' AND ')
                  FROM jsonb_array_elements_text(parsed -> 'none') AS t), 'true'))
$build$;

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

-- Search over the current version of every document. SECURITY DEFINER so that the reader role,
-- which cannot read base tables, can call it; it runs only the two statements built above.
-- A bounded top-k path first, for common terms (ranking every match of a term found in 10-60 % of
-- documents reads tens of thousands of texts): walk current documents newest first with the exact
-- match as a filter, examining at most least(50 * max_rows, 20000) of them and stopping at max_rows
-- hits. If it finds max_rows hits, those (the max_rows newest matches) are the result; otherwise
-- the index path (fw_build_search_sql) ranks every match. docs/search.md states the order.
CREATE FUNCTION fw_search(query text, max_rows integer DEFAULT 20)
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
