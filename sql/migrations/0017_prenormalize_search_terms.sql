-- fw_search normalises each term once while it builds its statement, and embeds the normalised
-- literal: folding fw_normalize(...) at plan time costs ~0.35 ms a call, and a term appeared in
-- up to eight of them (index condition, exact check, rank): ~8 ms of planning for two terms.

-- The rank of one already-normalised term (fw_term_rank without the normalisation).
CREATE FUNCTION fw_rank_normalized(search_text text, t text) RETURNS real
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $rank$
    SELECT CASE
        WHEN length(t) = 0 OR strpos(search_text, t) = 0 THEN 0::real
        ELSE (ln(1 + (length(search_text) - length(replace(search_text, t, ''))) / length(t))
              + CASE WHEN strpos(search_text, t) < strpos(search_text, E'\n') THEN 2 ELSE 0 END)::real
    END
$rank$;

CREATE OR REPLACE FUNCTION fw_build_search_sql(parsed jsonb) RETURNS text
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
