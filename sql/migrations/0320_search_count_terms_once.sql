-- fw_search's ranked plan counts each term once per text and uses the count both as the
-- containment check and in the rank; the rank's title test is cheaper (issue 17: rare AND at
-- 50x a LIKE scan).
--
-- Measured at 20k versions on a ranked rare-AND query (156 candidates, two 4-character terms;
-- docs/performance.md): of its 6.6 ms statement, reading the texts took 1.5 ms, the strpos check
-- 1.3 ms and the rank 3.6 ms. Per term and ~5 KB text the rank's replace() costs ~4.5 us and its
-- title test (`strpos(left(text, strpos(text, newline) - 1), term)`) ~6 us, more than the
-- replace: `split_part(text, newline, 1)` gives the same title for ~0.3 us. The check's strpos
-- scans the text once more for a term whose count the rank computes anyway.
-- Now:
--   * fw_term_count(search_text, t): a term's occurrences (replace() over its bytes, as 0290);
--   * fw_rank_counted(search_text, t, n): the rank of a term that occurs n times, the title
--     tested on split_part; fw_rank_normalized = fw_rank_counted(…, fw_term_count(…)), same values;
--   * the ranked statement (fw_build_search_sql) counts every positive term once per candidate in
--     a fenced subquery, keeps the texts where each group has an alternative counted > 0 (the
--     same texts as strpos > 0), and ranks from the counts. Excluded terms keep strpos = 0.
-- The other plans keep strpos for the check: they stop at max_rows matches and most texts they
-- read do not match, where strpos stops no earlier than replace but copies nothing. They rank
-- max_rows rows with the cheaper title test.
-- What changes for a user: nothing in the rows or ranks.

CREATE OR REPLACE FUNCTION fw_term_count(search_text text, t text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN octet_length(t) = 0 THEN 0
            ELSE (octet_length(search_text) - octet_length(replace(search_text, t, ''))) / octet_length(t) END;

COMMENT ON FUNCTION fw_term_count(text, text) IS
    'Non-overlapping occurrences of t in search_text (0 for an empty t).';

-- n is used once, so the planner inlines this with an expression for n (a count) as well.
CREATE OR REPLACE FUNCTION fw_rank_counted(search_text text, t text, n integer) RETURNS real
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (ln(1 + n)
        + CASE WHEN strpos(t, E'\n') = 0
               THEN CASE WHEN strpos(search_text, E'\n') > 0
                              AND strpos(split_part(search_text, E'\n', 1), t) > 0
                         THEN 2 ELSE 0 END
               WHEN strpos(search_text, t) > 0 AND strpos(search_text, t) < strpos(search_text, E'\n') THEN 2
               ELSE 0 END)::real;

COMMENT ON FUNCTION fw_rank_counted(text, text, integer) IS
    'The rank of a term occurring n times in search_text: ln(1 + n) + 2 when its first occurrence is in the title.';

CREATE OR REPLACE FUNCTION fw_rank_normalized(search_text text, t text) RETURNS real
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN octet_length(t) = 0 THEN 0::real
            ELSE fw_rank_counted(search_text, t, fw_term_count(search_text, t)) END;

-- As 0260/0290: the ranked plan over the candidates left by the index-side exclusion, each
-- positive term counted once per text (columns n1, n2, … in the query's order).
CREATE OR REPLACE FUNCTION fw_build_search_sql(parsed jsonb) RETURNS text
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
        ranks, counts, fw_build_candidate_sql(parsed, true), groups, coalesce(nones, 'true'));
END
$build$;
