"""Every SQL statement of the process stage, named, with %(name)s parameters."""

# Pending pages in raw_fetch_id order; `waits`: an older pending page fetch of the same URL is not in
# this batch (another run holds it, or it waits itself), so this one is left for a later run: a URL's
# fetches become versions in the order they were stored. Failed and not-article fetches are processed
# (processed_at set with process_error / not_article), so they never hold a URL back.
SELECT_PENDING = """
WITH batch AS (
    SELECT raw_fetch_id, source_id, url, final_url, fetched_at, storage_key, content_type, hints, headers
    FROM raw_fetches
    WHERE kind = 'page' AND processed_at IS NULL AND blocked_reason IS NULL AND raw_fetch_id > %(after)s
    ORDER BY raw_fetch_id LIMIT %(limit)s
    FOR UPDATE SKIP LOCKED
)
SELECT b.*, EXISTS (SELECT 1 FROM raw_fetches o
                    WHERE o.url = b.url AND o.raw_fetch_id < b.raw_fetch_id AND o.kind = 'page'
                      AND o.processed_at IS NULL AND o.blocked_reason IS NULL
                      AND o.raw_fetch_id NOT IN (SELECT raw_fetch_id FROM batch)) AS waits
FROM batch b ORDER BY b.raw_fetch_id
"""
SELECT_ALL_PAGES = """
SELECT raw_fetch_id, source_id, url, final_url, fetched_at, storage_key, content_type, hints, headers
FROM raw_fetches
WHERE kind = 'page' AND blocked_reason IS NULL AND raw_fetch_id > %(after)s
ORDER BY raw_fetch_id LIMIT %(limit)s
"""
COUNT_PENDING = """
SELECT count(*) AS n FROM raw_fetches
WHERE kind = 'page' AND blocked_reason IS NULL AND (processed_at IS NULL OR %(all)s)
"""
MARK_BATCH_PROCESSED = """
UPDATE raw_fetches r SET processed_at = now(), process_error = x.error, not_article = x.not_article,
       parse_drift = ARRAY(SELECT jsonb_array_elements_text(x.drift::jsonb))
FROM unnest(%(ids)s::bigint[], %(errors)s::text[], %(not_articles)s::text[], %(drifts)s::text[])
     AS x(raw_fetch_id, error, not_article, drift)
WHERE r.raw_fetch_id = x.raw_fetch_id
"""
SELECT_PARSE_DRIFT = """
WITH pages AS (
    SELECT source_id, parse_drift, not_article FROM raw_fetches
    WHERE kind = 'page' AND processed_at IS NOT NULL AND fetched_at >= %(since)s
      AND (%(until)s::timestamptz IS NULL OR fetched_at < %(until)s)
), misses AS (
    SELECT source_id, jsonb_object_agg(f, n) AS fields
    FROM (SELECT source_id, f, count(*) AS n FROM pages, unnest(parse_drift) AS f GROUP BY source_id, f) x
    GROUP BY source_id
)
SELECT p.source_id, count(*) AS pages,
       count(*) FILTER (WHERE cardinality(p.parse_drift) > 0) AS drifted,
       count(*) FILTER (WHERE p.not_article IS NOT NULL) AS not_articles,
       array_remove(array_agg(DISTINCT split_part(p.not_article, ':', 1)), NULL) AS not_article_kinds,
       COALESCE(m.fields, '{}'::jsonb) AS fields
FROM pages p LEFT JOIN misses m ON m.source_id = p.source_id
GROUP BY p.source_id, m.fields ORDER BY p.source_id
"""
SELECT_DOC_BY_URL = "SELECT document_id FROM document_urls WHERE url = ANY(%(urls)s) LIMIT 1"
SELECT_DOC_BY_HASH = """
SELECT d.document_id FROM documents d JOIN document_versions v ON v.document_id = d.document_id
WHERE d.source_id = %(source_id)s AND v.content_hash = %(content_hash)s AND NOT v.is_empty LIMIT 1
"""
SELECT_DOC_KEY = "SELECT doc_key FROM documents WHERE document_id = %(document_id)s"
UPSERT_DOCUMENT = """
INSERT INTO documents (doc_key, source_id, kind, canonical_url)
VALUES (%(doc_key)s, %(source_id)s, %(kind)s, %(canonical_url)s)
ON CONFLICT (doc_key) DO UPDATE SET kind = EXCLUDED.kind, updated_at = now()
RETURNING document_id, story_id, current_version_id
"""
UPSERT_DOCUMENT_URL = """
INSERT INTO document_urls (url, document_id) VALUES (%(url)s, %(document_id)s)
ON CONFLICT (url) DO NOTHING
"""
SELECT_VERSION_BY_HASH = """
SELECT version_id FROM document_versions WHERE document_id = %(document_id)s AND content_hash = %(content_hash)s
ORDER BY version_no DESC LIMIT 1
"""
# stored_later: this raw fetch was stored after the one behind the current version (NULL: unknown).
# raw_fetch_id order is the order the crawl store decides "latest" in (crawlers/store.py), not fetched_at.
SELECT_CURRENT_VERSION = """
SELECT v.version_id, v.version_no, v.text, v.is_empty, v.content_hash,
       %(raw_fetch_id)s::bigint > v.raw_fetch_id AS stored_later
FROM documents d JOIN document_versions v ON v.version_id = d.current_version_id
WHERE d.document_id = %(document_id)s
"""
SELECT_VERSION_BY_FETCH = """
SELECT version_id, document_id FROM document_versions WHERE raw_fetch_id = %(raw_fetch_id)s
"""
LOCK_DOCUMENT = """
SELECT 1 FROM documents WHERE document_id = %(document_id)s FOR UPDATE
"""
INSERT_VERSION = """
INSERT INTO document_versions (document_id, version_no, raw_fetch_id, title, subtitle, text, published_at, author,
    origin, editor, lang, content_hash, parser, is_empty, replaces_version_id, change_summary, search_text, search_keys,
    search_sig)
SELECT %(document_id)s, n.version_no, %(raw_fetch_id)s, %(title)s, %(subtitle)s, %(text)s,
    %(published_at)s, %(author)s, %(origin)s, %(editor)s, %(lang)s, %(content_hash)s, %(parser)s, %(is_empty)s,
    %(replaces_version_id)s, %(change_summary)s, %(search_text)s, k.keys, fw_key_signature(k.keys)
FROM (SELECT COALESCE(max(version_no), 0) + 1 AS version_no FROM document_versions
      WHERE document_id = %(document_id)s) n,
     (SELECT fw_with_absence_keys(%(search_keys)s::int4[]) AS keys) k
ON CONFLICT (document_id, content_hash, replaces_version_id) DO NOTHING
RETURNING version_id
"""
# A reparse never gives a version the content of the version it replaces or of the one replacing it
# (nor breaks the key of 0430); the same content elsewhere in the history (a reverted page) is fine.
UPDATE_VERSION_CONTENT = """
UPDATE document_versions v SET title = %(title)s, subtitle = %(subtitle)s, text = %(text)s,
    published_at = %(published_at)s, author = %(author)s, origin = %(origin)s, editor = %(editor)s, lang = %(lang)s,
    content_hash = %(content_hash)s, parser = %(parser)s, is_empty = %(is_empty)s,
    search_text = COALESCE(%(search_text)s, search_text), search_keys = k.keys, search_sig = fw_key_signature(k.keys)
FROM (SELECT fw_with_absence_keys(%(search_keys)s::int4[]) AS keys) k
WHERE v.version_id = %(version_id)s
AND NOT EXISTS (SELECT 1 FROM document_versions o WHERE o.document_id = %(document_id)s
                AND o.content_hash = %(content_hash)s AND o.version_id <> %(version_id)s
                AND (o.replaces_version_id IS NOT DISTINCT FROM v.replaces_version_id
                     OR o.version_id = v.replaces_version_id OR o.replaces_version_id = v.version_id))
"""
SET_CURRENT_VERSION = """
UPDATE documents SET current_version_id = %(version_id)s, updated_at = now() WHERE document_id = %(document_id)s
"""
UPSERT_POLICY = """
INSERT INTO policy_metadata (version_id, index_no, issuers, doc_number, written_at, published_on, effective_on,
    subject, validity, interprets_document_id, interprets_url, expires_on, region)
VALUES (%(version_id)s, %(index_no)s, %(issuers)s, %(doc_number)s, %(written_at)s, %(published_on)s,
    %(effective_on)s, %(subject)s, %(validity)s, %(interprets_document_id)s, %(interprets_url)s, %(expires_on)s,
    %(region)s)
ON CONFLICT (version_id) DO UPDATE SET index_no = EXCLUDED.index_no, issuers = EXCLUDED.issuers,
    doc_number = EXCLUDED.doc_number, written_at = EXCLUDED.written_at, published_on = EXCLUDED.published_on,
    effective_on = EXCLUDED.effective_on, subject = EXCLUDED.subject, validity = EXCLUDED.validity,
    interprets_document_id = COALESCE(EXCLUDED.interprets_document_id, policy_metadata.interprets_document_id),
    interprets_url = EXCLUDED.interprets_url, expires_on = EXCLUDED.expires_on, region = EXCLUDED.region
"""
LINK_WAITING_INTERPRETATIONS = """
UPDATE policy_metadata SET interprets_document_id = %(document_id)s
WHERE interprets_document_id IS NULL AND interprets_url = ANY(%(urls)s)
"""
SELECT_ATTACHMENT_BYTES = """
SELECT rf.storage_key, rf.size_bytes FROM raw_fetches rf
WHERE rf.kind = 'attachment' AND rf.url = %(url)s AND rf.blocked_reason IS NULL
ORDER BY rf.fetched_at DESC LIMIT 1
"""
# The text an attachment of this page gave before (its bytes are gone from the raw store now).
SELECT_EXTRACTED_ATTACHMENT = """
SELECT text, status FROM attachments WHERE page_url = %(page_url)s AND url = %(url)s AND text IS NOT NULL
"""
UPSERT_ATTACHMENT = """
INSERT INTO attachments (document_id, page_url, url, filename, ext, size_bytes, text, status)
VALUES (%(document_id)s, %(page_url)s, %(url)s, %(filename)s, %(ext)s, %(size_bytes)s, %(text)s, %(status)s)
ON CONFLICT (page_url, url) DO UPDATE SET document_id = EXCLUDED.document_id,
    filename = COALESCE(attachments.filename, EXCLUDED.filename), ext = COALESCE(EXCLUDED.ext, attachments.ext),
    size_bytes = COALESCE(EXCLUDED.size_bytes, attachments.size_bytes), text = COALESCE(EXCLUDED.text, attachments.text),
    status = CASE WHEN EXCLUDED.status = 'linked' THEN attachments.status ELSE EXCLUDED.status END
"""
SELECT_STORY_SIGNATURES = """
SELECT story_id, signature FROM stories WHERE signature IS NOT NULL AND created_at > now() - %(window)s::interval
"""
INSERT_STORY = "INSERT INTO stories (signature) VALUES (%(signature)s) RETURNING story_id"
SET_STORY = "UPDATE documents SET story_id = %(story_id)s WHERE document_id = %(document_id)s"
SELECT_DOC_FOR_URL = """
SELECT u.document_id FROM document_urls u WHERE u.url = ANY(%(urls)s) LIMIT 1
"""
