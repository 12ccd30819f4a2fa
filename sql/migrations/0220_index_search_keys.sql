-- transactional: false
-- The search index over integer keys stored by the writer (issue 17, docs/perf/index_keys.md).
--
-- The bigram index over fw_bigrams(search_text) computed two regular-expression passes per text
-- and compared text keys: ~0.5 CPU-s per MB, most of a bulk load. Now each version stores its keys
-- once, in `search_keys int4[]`: one key per pair of adjacent UTF-16 code units of search_text,
-- first << 16 | second (fw_search_keys; futurewatch/core/searchtext.py computes the same keys in
-- Python for bulk writers). A character outside the BMP is two units (a surrogate pair): its own
-- key, plus its halves in its neighbours' keys. Whoever contains a term holds all of its keys, so
-- the index never loses a match; a term's keys name it exactly only when it is two BMP characters
-- (one key): only then may a check skip the text (fw_contains, and the exclusion of fw_search's
-- "newest" plan).
--
-- Not one transaction, so that an archive is backfilled in batches, each committed: every
-- statement here can run again, and a rerun of an interrupted migration goes on where it stopped.
-- Search stays right throughout: the search functions move to the new index only once every
-- version has its keys and the index exists. Cost (estimated from per-text figures, not measured
-- end to end): the keys in SQL (1.5-4.5 ms per 5 KB text) plus the old index's entries for the
-- rewritten rows, roughly 10-20 CPU-minutes per 200,000 versions; each row is rewritten once,
-- so VACUUM afterwards.

ALTER TABLE document_versions ADD COLUMN IF NOT EXISTS search_keys int4[];

-- Search does not plan on statistics (0171); array statistics over ~1,200 keys a row are costly.
-- The keys do not compress (pglz tried and gave up on every row: ~40 % of the INSERT's CPU).
ALTER TABLE document_versions ALTER COLUMN search_keys SET STATISTICS 0;
ALTER TABLE document_versions ALTER COLUMN search_keys SET STORAGE EXTERNAL;

COMMENT ON COLUMN document_versions.search_keys IS
    'fw_search_keys(search_text), stored once per version (by the writer or the trigger): the keys of the search index.';

CREATE OR REPLACE FUNCTION fw_search_keys(x text) RETURNS int4[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $keys$
    SELECT ARRAY(
        SELECT DISTINCT k FROM (
            -- a character's last UTF-16 unit, then the next character's first unit
            SELECT (CASE WHEN cp < 65536 THEN cp ELSE 56320 + ((cp - 65536) & 1023) END) << 16
                 | lead(CASE WHEN cp < 65536 THEN cp ELSE 55296 + ((cp - 65536) >> 10) END) OVER (ORDER BY i)
            FROM (SELECT ascii(ch), i FROM unnest(string_to_array(x, NULL)) WITH ORDINALITY AS u(ch, i)) AS c(cp, i)
            UNION ALL
            -- the surrogate pair of each character outside the BMP (texts without one skip this)
            SELECT (55296 + ((cp - 65536) >> 10)) << 16 | (56320 + ((cp - 65536) & 1023))
            FROM (SELECT ascii(ch) FROM unnest(CASE WHEN x ~ '[\U00010000-\U0010FFFF]'
                                                    THEN string_to_array(x, NULL) END) AS ch) AS c(cp)
            WHERE cp >= 65536
        ) AS keys(k)
        WHERE k IS NOT NULL
        ORDER BY k)
$keys$;

COMMENT ON FUNCTION fw_search_keys(text) IS
    'The search index keys of a normalised text: each pair of adjacent UTF-16 code units as one int4 (first << 16 | second), sorted, distinct.';

-- Is the normalised term exactly one key (two BMP characters)? Then holding the key is holding
-- the term, and the text need not be read.
CREATE OR REPLACE FUNCTION fw_is_one_key(t text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN length(t) = 2 AND cardinality(fw_search_keys(t)) = 1;

-- 0170's trigger, which now also keeps search_keys equal to fw_search_keys(search_text). Keys
-- supplied together with a supplied search_text are trusted, and checked for one version in 64
-- like the text; otherwise they are computed whenever search_text is new, and kept otherwise.
CREATE OR REPLACE FUNCTION fw_fill_search_text() RETURNS trigger
LANGUAGE plpgsql
AS $fill$
DECLARE
    changed boolean := TG_OP = 'INSERT'
        OR NEW.title IS DISTINCT FROM OLD.title OR NEW.text IS DISTINCT FROM OLD.text;
    supplied boolean := NEW.search_text IS NOT NULL
        AND (TG_OP = 'INSERT' OR NEW.search_text IS DISTINCT FROM OLD.search_text);
    keys_supplied boolean := NEW.search_keys IS NOT NULL
        AND (TG_OP = 'INSERT' OR NEW.search_keys IS DISTINCT FROM OLD.search_keys);
BEGIN
    IF changed AND NOT supplied THEN
        NEW.search_text := fw_search_text(NEW.title, NEW.text);
    ELSIF supplied AND NEW.version_id % 64 = 0
          AND NEW.search_text IS DISTINCT FROM fw_search_text(NEW.title, NEW.text) THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = format('version %s: the supplied search_text differs from fw_search_text()', NEW.version_id);
    ELSIF supplied AND NOT changed THEN
        NEW.search_text := OLD.search_text;  -- only title and text decide it
    END IF;
    IF keys_supplied AND supplied THEN
        IF NEW.version_id % 64 = 0 AND NEW.search_keys IS DISTINCT FROM fw_search_keys(NEW.search_text) THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = format('version %s: the supplied search_keys differ from fw_search_keys()', NEW.version_id);
        END IF;
    ELSIF TG_OP = 'INSERT' OR NEW.search_text IS DISTINCT FROM OLD.search_text OR OLD.search_keys IS NULL THEN
        NEW.search_keys := fw_search_keys(NEW.search_text);
    ELSE
        NEW.search_keys := OLD.search_keys;  -- only search_text decides them
    END IF;
    RETURN NEW;
END
$fill$;

CREATE OR REPLACE TRIGGER document_versions_search_text
    BEFORE INSERT OR UPDATE OF title, text, search_text, search_keys ON document_versions
    FOR EACH ROW EXECUTE FUNCTION fw_fill_search_text();

-- The backfill: versions without keys, 2,000 at a time, each batch committed. Touching
-- search_text (unchanged) makes the trigger compute the keys.
DO $backfill$
DECLARE
    next_id bigint := (SELECT min(version_id) FROM document_versions WHERE search_keys IS NULL);
    last_id bigint := (SELECT max(version_id) FROM document_versions);
BEGIN
    WHILE next_id <= last_id LOOP
        UPDATE document_versions SET search_text = search_text
        WHERE version_id >= next_id AND version_id < next_id + 2000 AND search_keys IS NULL;
        COMMIT;
        next_id := next_id + 2000;
    END LOOP;
END
$backfill$;

DO $check$
BEGIN
    IF EXISTS (SELECT 1 FROM document_versions WHERE search_keys IS NULL AND search_text IS NOT NULL) THEN
        RAISE EXCEPTION 'document_versions: some versions have no search_keys after the backfill; run the migration again';
    END IF;
END
$check$;

CREATE INDEX IF NOT EXISTS document_versions_search_keys_idx ON document_versions USING gin (search_keys);

-- Whether search_keys (of a version or of v_documents) contains the term; inlined into an index
-- condition plus an exact check of search_text, skipped when the term is one key.
CREATE OR REPLACE FUNCTION fw_contains(search_keys int4[], search_text text, term text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $contains$
    SELECT search_keys @> fw_search_keys(fw_normalize(term))
       AND (fw_is_one_key(fw_normalize(term)) OR strpos(search_text, fw_normalize(term)) > 0)
$contains$;

COMMENT ON FUNCTION fw_contains(int4[], text, text) IS
    'True when the text contains the normalised term: fw_contains(search_keys, search_text, term), index-served for terms of 2+ characters.';

DROP FUNCTION IF EXISTS fw_contains(text, text);

-- The index conditions of a parsed query on alias `a`: per group, any alternative's keys.
CREATE OR REPLACE FUNCTION fw_build_index_sql(parsed jsonb, a text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
    SELECT string_agg('(' || alts || ')', ' AND ')
    FROM (SELECT string_agg(format('%I.search_keys @> %L::int4[]', a, fw_search_keys(fw_normalize(t))), ' OR ') AS alts
          FROM jsonb_array_elements(parsed -> 'all') WITH ORDINALITY AS g(alts, ord),
               jsonb_array_elements_text(g.alts) AS t
          GROUP BY g.ord) AS groups
$build$;

-- As 0210: with `exclude`, without the candidates that hold an excluded term of one key.
CREATE OR REPLACE FUNCTION fw_build_candidate_sql(parsed jsonb, exclude boolean DEFAULT false) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $build$
    SELECT fw_build_index_sql(parsed, 'v')
        || CASE WHEN exclude THEN coalesce(
               (SELECT string_agg(format(' AND v.version_id NOT IN (SELECT x.version_id FROM document_versions x'
                                         ' WHERE %s AND x.search_keys @> %L::int4[])',
                                         fw_build_index_sql(parsed, 'x'), fw_search_keys(n)), '')
                FROM (SELECT fw_normalize(t) AS n FROM jsonb_array_elements_text(parsed -> 'none') AS t) AS ex
                WHERE fw_is_one_key(n)), '') ELSE '' END
$build$;

DROP INDEX IF EXISTS document_versions_search_idx;

-- The reader's view and functions (0080, 0081) follow: v_documents gains search_keys.
CREATE OR REPLACE VIEW v_documents AS
SELECT d.document_id, v.version_id, v.version_no, d.source_id, s.name AS source_name, d.kind,
       d.canonical_url AS url, v.title, v.text, v.published_at,
       (v.published_at AT TIME ZONE 'Asia/Shanghai')::date AS published_on,
       v.lang, d.story_id, d.first_seen_at, v.search_text, v.search_keys
FROM documents d
JOIN document_versions v ON v.version_id = d.current_version_id
JOIN sources s ON s.source_id = d.source_id;

COMMENT ON COLUMN v_documents.search_keys IS
    'The search index keys of search_text; the first argument of fw_contains(search_keys, search_text, term).';

GRANT EXECUTE ON FUNCTION fw_contains(int4[], text, text), fw_search_keys(text), fw_is_one_key(text)
    TO futurewatch_reader;
