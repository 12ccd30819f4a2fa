-- A two-character term has one bigram, and containing that bigram is containing the term, so
-- the exact check (which reads the whole text) is skipped for it: the planner folds
-- length(fw_normalize('量子')) = 2 to true at plan time. In fw_search this holds only for a term
-- that is alone in its group: an OR group still checks each alternative exactly.
CREATE OR REPLACE FUNCTION fw_contains(search_text text, term text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $contains$
    SELECT fw_bigrams(search_text) @> fw_bigrams(fw_normalize(term))
       AND (length(fw_normalize(term)) = 2 OR strpos(search_text, fw_normalize(term)) > 0)
$contains$;

CREATE OR REPLACE FUNCTION fw_build_search_sql(parsed jsonb) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
    SELECT format(
        'SELECT d.document_id, v.version_id, v.title, d.canonical_url AS url, v.published_at, (%s)::real AS rank
         FROM document_versions v JOIN documents d ON d.current_version_id = v.version_id
         WHERE %s AND %s AND %s
         ORDER BY rank DESC, v.published_at DESC NULLS LAST, d.document_id
         LIMIT $1',
        (SELECT string_agg(format('fw_term_rank(v.search_text, %L)', t), ' + ')
           FROM jsonb_array_elements(parsed -> 'all') AS g, jsonb_array_elements_text(g) AS t),
        (SELECT string_agg('(' || alts || ')', ' AND ') FROM (
            SELECT string_agg(format('fw_bigrams(v.search_text) @> fw_bigrams(fw_normalize(%L))', t), ' OR ') AS alts
            FROM jsonb_array_elements(parsed -> 'all') AS g, jsonb_array_elements_text(g) AS t
            GROUP BY g) AS c),
        (SELECT string_agg('(' || alts || ')', ' AND ') FROM (
            SELECT CASE WHEN count(*) = 1  -- a lone two-character term is settled by the index
                THEN format('(length(fw_normalize(%1$L)) = 2 OR strpos(v.search_text, fw_normalize(%1$L)) > 0)', min(t))
                ELSE string_agg(format('strpos(v.search_text, fw_normalize(%L)) > 0', t), ' OR ') END AS alts
            FROM jsonb_array_elements(parsed -> 'all') AS g, jsonb_array_elements_text(g) AS t
            GROUP BY g) AS e),
        coalesce((SELECT string_agg(format('fw_lacks(v.search_text, %L)', t), ' AND ')
                  FROM jsonb_array_elements_text(parsed -> 'none') AS t), 'true'))
$build$;
