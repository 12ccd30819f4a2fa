-- Chinese substring search on any stock PostgreSQL (no extensions): a stored normalised copy of
-- each version's title and text, a GIN index over its character bigrams, and an exact recheck.
-- A query of n >= 2 characters has n-1 bigrams; every text containing the query contains all of
-- them, so the index never loses a match, and strpos() on the normalised text removes the rest:
-- the result equals a LIKE '%query%' scan of search_text.

-- Every pair of adjacent characters in x, in two passes over non-overlapping pairs
-- (duplicates are kept: GIN removes them). Costly (~0.5 ms per 5 KB), so the high COST keeps the
-- planner from evaluating it row by row where an index condition will do.
CREATE FUNCTION fw_bigrams(x text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000
AS $bigrams$
    SELECT ARRAY(
        SELECT m[1] FROM regexp_matches(x, '..', 'g') AS m
        UNION ALL
        SELECT m[1] FROM regexp_matches(substr(x, 2), '..', 'g') AS m
    )
$bigrams$;

COMMENT ON FUNCTION fw_bigrams(text) IS
    'Adjacent character pairs of a text: the keys of the search index.';

-- The normalised title, a newline, then the normalised text (newlines in the title become spaces,
-- so that the first newline marks where the title ends).
ALTER TABLE document_versions ADD COLUMN search_text text
    GENERATED ALWAYS AS (fw_normalize(replace(title, E'\n', ' ') || E'\n' || text)) STORED;

COMMENT ON COLUMN document_versions.search_text IS
    'fw_normalize(title) || newline || fw_normalize(text): what search matches against.';

CREATE INDEX document_versions_search_idx ON document_versions USING gin (fw_bigrams(search_text));
-- ANALYZE computes the index expression for every sampled row; a small sample keeps it quick.
ALTER INDEX document_versions_search_idx ALTER COLUMN 1 SET STATISTICS 20;

-- Does `search_text` contain `term` (after normalisation)? Inlined by the planner into an index
-- condition plus an exact check, so `WHERE fw_contains(search_text, '量子计算')` uses the index.
-- A two-character term has one bigram, and containing that bigram is containing the term, so
-- the exact check (which reads the whole text) is skipped for it: the planner folds
-- length(fw_normalize('量子')) = 2 to true at plan time. In fw_search this holds only for a term
-- that is alone in its group: an OR group still checks each alternative exactly.
CREATE FUNCTION fw_contains(search_text text, term text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $contains$
    SELECT fw_bigrams(search_text) @> fw_bigrams(fw_normalize(term))
       AND (length(fw_normalize(term)) = 2 OR strpos(search_text, fw_normalize(term)) > 0)
$contains$;

COMMENT ON FUNCTION fw_contains(text, text) IS
    'True when search_text contains the normalised term; index-served for terms of 2+ characters.';

-- The exclusion test alone (an index cannot serve NOT): cheaper than NOT fw_contains(...).
CREATE FUNCTION fw_lacks(search_text text, term text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $lacks$
    SELECT strpos(search_text, fw_normalize(term)) = 0
$lacks$;

COMMENT ON FUNCTION fw_lacks(text, text) IS
    'True when search_text does not contain the normalised term (for NOT; not index-served).';

-- How often `term` occurs in search_text, with title hits counting extra: the rank of one term.
-- A single expression, so the planner inlines it and folds fw_normalize(term) into a constant
-- (as a separate SQL function per row it re-planned the normalisation map: ~18 ms per row).
CREATE FUNCTION fw_term_rank(search_text text, term text) RETURNS real
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

COMMENT ON FUNCTION fw_term_rank(text, text) IS
    'Rank of one term in search_text: ln(1 + occurrences) plus 2 when the title contains it.';

-- fw_search normalises each term once while it builds its statement and embeds the normalised
-- literal (folding fw_normalize(...) at plan time costs ~0.35 ms a call, and a term appears in
-- up to eight places). The rank of one already-normalised term (fw_term_rank without the
-- normalisation).
CREATE FUNCTION fw_rank_normalized(search_text text, t text) RETURNS real
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $rank$
    SELECT CASE
        WHEN length(t) = 0 OR strpos(search_text, t) = 0 THEN 0::real
        ELSE (ln(1 + (length(search_text) - length(replace(search_text, t, ''))) / length(t))
              + CASE WHEN strpos(search_text, t) < strpos(search_text, E'\n') THEN 2 ELSE 0 END)::real
    END
$rank$;

-- Search joins each matching version to the document whose current version it is.
CREATE INDEX documents_current_version_idx ON documents (current_version_id);

-- The recent-first walk of fw_search (0012) reads current versions newest first.
CREATE INDEX document_versions_recent_idx
    ON document_versions (published_at DESC NULLS LAST, version_id DESC);
