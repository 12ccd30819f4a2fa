-- fw_term_rank() as a single expression, so the planner inlines it and folds fw_normalize(term)
-- into a constant. (The version in 0011 ran as a separate SQL function per row, re-planning the
-- normalisation map on every call: ~18 ms per matching row instead of microseconds.)
CREATE OR REPLACE FUNCTION fw_term_rank(search_text text, term text) RETURNS real
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $rank$
    SELECT CASE
        WHEN length(fw_normalize(term)) = 0 OR strpos(search_text, fw_normalize(term)) = 0 THEN 0::real
        ELSE (ln(1 + (length(search_text) - length(replace(search_text, fw_normalize(term), '')))
                     / length(fw_normalize(term)))
              + CASE WHEN strpos(search_text, fw_normalize(term)) < strpos(search_text, E'\n') THEN 2 ELSE 0 END
             )::real
    END
$rank$;

-- Search joins each matching version to the document whose current version it is.
CREATE INDEX IF NOT EXISTS documents_current_version_idx ON documents (current_version_id);
