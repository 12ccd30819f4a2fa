"""Storing a batch of parsed pages with a few multi-row statements instead of a dozen per page.

    store_new_documents(conn, folder, index, pages, summary) -> list[Page]   # the pages left over

A page is *new* when nothing stored shares its URLs, its doc_key or (for a site without ids)
its content, and no earlier page of the batch does either. New pages are written together:
documents and URLs by one `unnest` upsert each, versions by COPY (straight in; through a staging
table only on a conflict), with the search text and its index keys computed in Python, current
versions and stories by one UPDATE each. Every
other page (a new version of a stored document, a refetch, a reprint inside the batch) is left
to the page-by-page path of parsers/store.py, after the new ones, so it sees them.

Everything runs inside the caller's batch transaction: a crash anywhere rolls the whole batch
back, and the rerun claims the same pages again. Each statement is an upsert, so a page stored
by a concurrent run is found by the page-by-page path instead (its row comes back with a
current version already set).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from futurewatch.core.searchtext import SearchTextFolder
from futurewatch.core.staging import copy_new
from parsers import dedup, policy_store, store
from parsers.document import Document

_HAN = re.compile(r"[\u4e00-\u9fff]")
_STORED_URLS = "SELECT url FROM document_urls WHERE url = ANY(%(urls)s)"
_STORED_KEYS = "SELECT doc_key FROM documents WHERE doc_key = ANY(%(keys)s)"
_STORED_CONTENT = """
SELECT DISTINCT d.source_id, v.content_hash FROM documents d JOIN document_versions v USING (document_id)
WHERE (d.source_id, v.content_hash) IN (SELECT * FROM unnest(%(sources)s::text[], %(hashes)s::text[]))
  AND NOT v.is_empty
"""
_UPSERT_DOCUMENTS = """
INSERT INTO documents (doc_key, source_id, kind, canonical_url)
SELECT * FROM unnest(%(keys)s::text[], %(sources)s::text[], %(kinds)s::text[], %(canonical)s::text[])
ON CONFLICT (doc_key) DO UPDATE SET kind = EXCLUDED.kind, updated_at = now()
RETURNING document_id, doc_key, current_version_id
"""
_UPSERT_URLS = """
INSERT INTO document_urls (url, document_id) SELECT * FROM unnest(%(urls)s::text[], %(ids)s::bigint[])
ON CONFLICT (url) DO NOTHING
"""
_NEXT_IDS = "SELECT nextval(pg_get_serial_sequence(%(table)s, %(column)s)) FROM generate_series(1, %(n)s)"
_SET_CURRENT = """
UPDATE documents d SET current_version_id = x.version_id, updated_at = now()
FROM unnest(%(documents)s::bigint[], %(versions)s::bigint[]) AS x(document_id, version_id)
WHERE d.document_id = x.document_id
"""
_INSERT_STORIES = "INSERT INTO stories (story_id, signature) SELECT * FROM unnest(%(ids)s::bigint[], %(signatures)s::bytea[])"
_SET_STORIES = """
UPDATE documents d SET story_id = x.story_id
FROM unnest(%(documents)s::bigint[], %(stories)s::bigint[]) AS x(document_id, story_id)
WHERE d.document_id = x.document_id
"""
VERSION_COLUMNS = ("version_id", "document_id", "version_no", "raw_fetch_id", "title", "subtitle", "text",
                   "published_at", "author", "origin", "editor", "lang", "content_hash", "parser", "is_empty",
                   "search_text", "search_keys", "search_sig")


@dataclass
class Page:
    """A parsed page of the batch, with the URLs it is known by."""
    row: dict
    doc: Document
    urls: list[str] = field(default_factory=list)
    document_id: int | None = None
    version_id: int | None = None


def content_key(doc: Document) -> tuple[str, str] | None:
    """What identifies a document of a site without ids: its content (None when ids decide)."""
    return None if doc.stable_id or doc.is_empty else (doc.source_id, doc.content_hash)


def split_new(conn, pages: list[Page]) -> tuple[list[Page], list[Page]]:
    """(new pages, the others) in batch order; see the module docstring for *new*."""
    urls = [u for p in pages for u in p.urls]
    seen_urls = {r["url"] for r in conn.execute(_STORED_URLS, {"urls": urls})}
    seen_keys = {r["doc_key"] for r in conn.execute(_STORED_KEYS, {"keys": [p.doc.doc_key for p in pages]})}
    contents = [k for p in pages if (k := content_key(p.doc))]
    seen_contents = {(r["source_id"], r["content_hash"]) for r in conn.execute(_STORED_CONTENT, {
        "sources": [k[0] for k in contents], "hashes": [k[1] for k in contents]})} if contents else set()
    new, other = [], []
    for page in pages:
        content = content_key(page.doc)
        if (seen_urls.intersection(page.urls) or page.doc.doc_key in seen_keys
                or (content and content in seen_contents)):
            other.append(page)
        else:
            new.append(page)
        seen_urls.update(page.urls)  # a later page of the batch with any of these goes page by page
        seen_keys.add(page.doc.doc_key)
        if content:
            seen_contents.add(content)
    return new, other


def store_new_documents(conn, folder: SearchTextFolder, index: dedup.StoryIndex, pages: list[Page],
                        summary) -> list[Page]:
    """Write the new pages (see split_new) together; returns the pages left for the page-by-page path."""
    new, other = split_new(conn, pages)
    if not new:
        return other
    new, raced = _insert_documents(conn, new)
    if new:
        _insert_versions(conn, folder, new)
        for page in new:
            _store_details(conn, page)
        stories = _assign_stories(conn, index, new)
        summary.documents_new += len(new)
        summary.versions_new += len(new)
        summary.empty += sum(p.doc.is_empty for p in new)
        summary.stories_new += stories
        for page in new:
            summary.note_version(page.version_id)
    return sorted(raced + other, key=lambda p: p.row["raw_fetch_id"])


def _insert_documents(conn, pages: list[Page]) -> tuple[list[Page], list[Page]]:
    """Upsert the documents and their URLs; (pages whose document is new, pages raced by another run)."""
    docs = [p.doc for p in pages]
    rows = conn.execute(_UPSERT_DOCUMENTS, {
        "keys": [d.doc_key for d in docs], "sources": [d.source_id for d in docs], "kinds": [d.kind for d in docs],
        "canonical": [d.canonical_url for d in docs]}).fetchall()
    by_key = {r["doc_key"]: r for r in rows}
    new, raced = [], []
    for page in pages:
        row = by_key[page.doc.doc_key]
        page.document_id = row["document_id"]
        (raced if row["current_version_id"] is not None else new).append(page)
    pairs = [(u, p.document_id) for p in new for u in p.urls]
    conn.execute(_UPSERT_URLS, {"urls": [u for u, _ in pairs], "ids": [i for _, i in pairs]})
    return new, raced


def next_ids(conn, table: str, column: str, n: int) -> list[int]:
    """n fresh values of a serial column's sequence."""
    if n <= 0:
        return []
    return [r["nextval"] for r in conn.execute(_NEXT_IDS, {"table": table, "column": column, "n": n})]


def _insert_versions(conn, folder: SearchTextFolder, pages: list[Page]) -> None:
    folder = folder.current(conn)
    for page, version_id in zip(pages, next_ids(conn, "document_versions", "version_id", len(pages))):
        page.version_id = version_id
    values = [(p.version_id, p.document_id, 1, p.row["raw_fetch_id"], p.doc.title, p.doc.subtitle, p.doc.text,
               p.doc.published_at, p.doc.author, p.doc.origin, p.doc.editor, p.doc.lang, p.doc.content_hash,
               p.doc.parser, p.doc.is_empty, *folder.search_columns(p.doc.title, p.doc.text)) for p in pages]
    stored = copy_new(conn, "document_versions", VERSION_COLUMNS, values, raw=("search_keys", "search_sig"))
    if stored != len(pages):  # only a concurrent writer of the same documents could cause this
        raise RuntimeError(f"{len(pages) - stored} of {len(pages)} new versions already existed")
    conn.execute(_SET_CURRENT, {"documents": [p.document_id for p in pages],
                                "versions": [p.version_id for p in pages]})


def _store_details(conn, page: Page) -> None:
    """Policy metadata, attachments and interpretation links: rare, so still page by page."""
    doc = page.doc
    if doc.policy is not None:
        store.upsert_policy(conn, doc, page.version_id)
        policy_store.upsert_policy_details(conn, doc, page.document_id, page.version_id, page.urls)
    if doc.attachments:
        store.upsert_attachments(conn, doc, page.document_id)
    if doc.kind == "policy":
        store.link_interpretations(conn, page.document_id, page.urls)


def _assign_stories(conn, index: dedup.StoryIndex, pages: list[Page]) -> int:
    """Each new document joins the story its text nearly duplicates, or founds one; returns stories founded.

    Story ids are drawn once, for the texts that match no story known before the batch: a text
    that does stays matched as the index grows, so those ids always suffice (reprints inside the
    batch leave unused ids: gaps in the sequence, nothing else)."""
    hashes = [(p, dedup.build_minhash(p.doc.title + "\n" + p.doc.text)) for p in pages
              if not p.doc.is_empty and len(_HAN.findall(p.doc.text)) >= store.MIN_CLUSTER_HAN]
    fresh = iter(next_ids(conn, "stories", "story_id", sum(index.match(mh) is None for _, mh in hashes)))
    founded, members = [], []
    for page, mh in hashes:
        story_id = index.match(mh)
        if story_id is None:
            story_id = next(fresh)
            founded.append((story_id, dedup.minhash_bytes(mh)))
            index.add(story_id, mh)
        members.append((page.document_id, story_id))
    if founded:
        conn.execute(_INSERT_STORIES, {"ids": [i for i, _ in founded], "signatures": [s for _, s in founded]})
    if members:
        conn.execute(_SET_STORIES, {"documents": [d for d, _ in members], "stories": [s for _, s in members]})
    return len(founded)
