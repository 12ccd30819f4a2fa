-- A page whose bytes go A → B → A is current with A again (docs/parsers.md, "Reverted pages").
--
-- raw_fetches: the second fetch of A is a row of its own that names the fetch it follows (B's), so
-- `process` sees it, in fetch order, and the crawl run that made it counts it as changed. The same
-- bytes as the URL's latest fetch still add no row (A → A stays a no-op); a rerun finds its row by
-- the key. follows_raw_fetch_id is NULL for a URL's first fetch and for rows stored before 0430.
ALTER TABLE raw_fetches ADD COLUMN follows_raw_fetch_id bigint REFERENCES raw_fetches;
ALTER TABLE raw_fetches DROP CONSTRAINT raw_fetches_url_sha256_key;
ALTER TABLE raw_fetches ADD CONSTRAINT raw_fetches_url_sha256_follows_key
    UNIQUE NULLS NOT DISTINCT (url, sha256, follows_raw_fetch_id);

-- document_versions: A's text comes back as a new version replacing B's (version 3, its own
-- change_summary, its own alert event), so the same content may appear twice in a document's
-- history, but never twice after the same version: a rerun or a concurrent writer adds nothing.
ALTER TABLE document_versions DROP CONSTRAINT document_versions_document_id_content_hash_key;
ALTER TABLE document_versions ADD CONSTRAINT document_versions_content_after_key
    UNIQUE NULLS NOT DISTINCT (document_id, content_hash, replaces_version_id);
