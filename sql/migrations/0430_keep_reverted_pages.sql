-- transactional: false
-- A page whose bytes go A → B → A is current with A again (docs/parsers.md, "Reverted pages").
--
-- raw_fetches: the second fetch of A is a row of its own that names the fetch it follows (B's), so
-- `process` sees it, in the order fetches were stored, and the crawl run that made it counts it as
-- changed. The same bytes as the URL's latest fetch still add no row (A → A stays a no-op); a rerun
-- finds its row by the key. follows_raw_fetch_id is NULL for a URL's first fetch and for rows
-- stored before 0430.
--
-- document_versions: A's text comes back as a new version replacing B's (version 3, its own
-- change_summary, its own alert event), so the same content may appear twice in a document's
-- history, but never twice after the same version: a rerun or a concurrent writer adds nothing.
--
-- Not one transaction: the new unique keys are built CONCURRENTLY (crawls, process and search go on
-- meanwhile; each build reads its table twice), then each becomes a constraint in a swap that takes
-- the table's lock for a moment (ADD CONSTRAINT … USING INDEX, DROP the old one). Every statement
-- can run again: a migration interrupted anywhere is resumed by the next `futurewatch db migrate`
-- (an index a failed concurrent build left invalid is dropped and built again).

ALTER TABLE raw_fetches ADD COLUMN IF NOT EXISTS follows_raw_fetch_id bigint;

-- The foreign key, NOT VALID first (no scan under the ALTER's lock), then validated (a scan that
-- lets reads and writes go on).
DO $fk$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'raw_fetches'::regclass
                   AND conname = 'raw_fetches_follows_raw_fetch_id_fkey') THEN
        ALTER TABLE raw_fetches ADD CONSTRAINT raw_fetches_follows_raw_fetch_id_fkey
            FOREIGN KEY (follows_raw_fetch_id) REFERENCES raw_fetches NOT VALID;
    END IF;
END
$fk$;
ALTER TABLE raw_fetches VALIDATE CONSTRAINT raw_fetches_follows_raw_fetch_id_fkey;

-- Indexes an interrupted concurrent build left invalid: dropped, to be built again below.
DO $invalid$
DECLARE
    name text;
BEGIN
    FOR name IN SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE NOT i.indisvalid AND c.relname IN ('raw_fetches_url_sha256_follows_key',
                      'raw_fetches_follows_raw_fetch_id_idx', 'document_versions_content_after_key') LOOP
        EXECUTE format('DROP INDEX %I', name);
    END LOOP;
END
$invalid$;

-- Deleting a fetch (the retention plan, docs/scaling.md) looks up the fetches that follow it.
CREATE INDEX CONCURRENTLY IF NOT EXISTS raw_fetches_follows_raw_fetch_id_idx
    ON raw_fetches (follows_raw_fetch_id) WHERE follows_raw_fetch_id IS NOT NULL;

CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS raw_fetches_url_sha256_follows_key
    ON raw_fetches (url, sha256, follows_raw_fetch_id) NULLS NOT DISTINCT;

CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS document_versions_content_after_key
    ON document_versions (document_id, content_hash, replaces_version_id) NULLS NOT DISTINCT;

-- The swaps: the new key before the old one goes, in one transaction each (a DO block).
DO $raw_fetches_key$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'raw_fetches'::regclass
                   AND conname = 'raw_fetches_url_sha256_follows_key') THEN
        ALTER TABLE raw_fetches ADD CONSTRAINT raw_fetches_url_sha256_follows_key
            UNIQUE USING INDEX raw_fetches_url_sha256_follows_key;
    END IF;
    ALTER TABLE raw_fetches DROP CONSTRAINT IF EXISTS raw_fetches_url_sha256_key;
END
$raw_fetches_key$;

DO $document_versions_key$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'document_versions'::regclass
                   AND conname = 'document_versions_content_after_key') THEN
        ALTER TABLE document_versions ADD CONSTRAINT document_versions_content_after_key
            UNIQUE USING INDEX document_versions_content_after_key;
    END IF;
    ALTER TABLE document_versions DROP CONSTRAINT IF EXISTS document_versions_document_id_content_hash_key;
END
$document_versions_key$;

-- URLs that reverted before 0430: seen_urls.last_sha256 (and its ETag / Last-Modified) are A's while
-- the URL's latest stored fetch is B's, and a conditional recheck answered 304 would leave the archive
-- on B. Their validators are cleared: the next recheck is a full GET, whose A is stored (following B)
-- and counted changed. One index lookup per URL with validators (no sort of raw_fetches); only
-- those rows are written; rerunnable (a second run finds none).
UPDATE seen_urls s SET etag = NULL, last_modified = NULL
WHERE (s.etag IS NOT NULL OR s.last_modified IS NOT NULL)
  AND s.last_sha256 <> (SELECT f.sha256 FROM raw_fetches f WHERE f.url = s.url AND f.blocked_reason IS NULL
                        ORDER BY f.raw_fetch_id DESC LIMIT 1);
