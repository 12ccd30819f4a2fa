"""Writing one parsed Document: documents, urls, versions, policy metadata, attachments, stories.

Every write is an upsert or guarded by a unique key, so storing the same page twice changes nothing.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import NamedTuple

from psycopg.types.json import Jsonb

from futurewatch.core.searchtext import search_keys
from parsers import dedup, queries as q
from parsers.attachments import apply_attachment_text, extract_attachment
from parsers.document import Document

log = logging.getLogger(__name__)
MIN_CLUSTER_HAN = 50  # shorter texts are not clustered (too little signal)
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class StoreResult:
    document_id: int
    version_id: int | None
    new_document: bool
    new_version: bool
    new_story: bool = False


def resolve_document_id(conn, doc: Document, urls: list[str]) -> int | None:
    """An existing document this page belongs to: same URL, or same source with identical content."""
    row = conn.execute(q.SELECT_DOC_BY_URL, {"urls": urls}).fetchone()
    if row:
        return row["document_id"]
    if doc.stable_id or doc.is_empty:
        return None
    row = conn.execute(q.SELECT_DOC_BY_HASH, {"source_id": doc.source_id, "content_hash": doc.content_hash}).fetchone()
    return row["document_id"] if row else None


def upsert_document(conn, doc: Document, urls: list[str]) -> tuple[dict, bool]:
    """The document row (document_id, story_id, current_version_id) and whether it is new."""
    existing = resolve_document_id(conn, doc, urls)
    doc_key = doc.doc_key
    if existing is not None and not doc.stable_id:
        doc_key = conn.execute(q.SELECT_DOC_KEY, {"document_id": existing}).fetchone()["doc_key"]
    row = conn.execute(q.UPSERT_DOCUMENT, {"doc_key": doc_key, "source_id": doc.source_id, "kind": doc.kind,
                                           "canonical_url": doc.canonical_url}).fetchone()
    for url in urls:
        conn.execute(q.UPSERT_DOCUMENT_URL, {"url": url, "document_id": row["document_id"]})
    return row, existing is None and row["current_version_id"] is None


def version_params(doc: Document, document_id: int, raw_fetch_id: int | None, search_text: str | None) -> dict:
    """search_text: fw_search_text(title, text) from Python (None: the database computes it and its keys)."""
    return {"search_text": search_text, "search_keys": None if search_text is None else search_keys(search_text).tolist(), "document_id": document_id, "raw_fetch_id": raw_fetch_id, "title": doc.title, "subtitle": doc.subtitle,
            "text": doc.text, "published_at": doc.published_at, "author": doc.author, "origin": doc.origin,
            "editor": doc.editor, "lang": doc.lang, "content_hash": doc.content_hash, "parser": doc.parser,
            "is_empty": doc.is_empty}


class StoredVersion(NamedTuple):
    version_id: int | None
    created: bool
    older: bool = False  # the fetch was stored before the current version's: its version is not current


def insert_version(conn, doc: Document, document_id: int, raw_fetch_id: int | None,
                   search_text: str | None = None, may_revert: bool = True) -> StoredVersion:
    """A new version when the content differs from every version's; the current one unless `older`.

    Content an earlier version holds becomes a new version only from a fetch stored after the current
    version's (a page reverted A → B → A) and when may_revert (not for --reparse, which rewrites in
    place). A fetch stored before the current version's (older) never becomes current, whatever its
    content: `process` orders a URL's fetches but not a document's, whose URLs (http and https, a mobile
    page, a reprint's canonical URL) another run may process first. Its text, when new to the document,
    is still kept: a version replacing none, never current. Empty pages never replace text, and an
    empty current version (the newer fetch found no body) takes an older fetch's text."""
    conn.execute(q.LOCK_DOCUMENT, {"document_id": document_id})  # concurrent runs number versions one at a time
    current = conn.execute(q.SELECT_CURRENT_VERSION, {"document_id": document_id, "raw_fetch_id": raw_fetch_id}).fetchone()
    # stored_later None: the current version has no fetch; an empty one holds no text
    older = current is not None and current["stored_later"] is False and not current["is_empty"]
    if current is not None and current["content_hash"] == doc.content_hash:
        return StoredVersion(current["version_id"], False, older)
    same = conn.execute(q.SELECT_VERSION_BY_HASH, {"document_id": document_id, "content_hash": doc.content_hash}).fetchone()
    if same and not (may_revert and current and current["stored_later"]):
        return StoredVersion(same["version_id"], False, older)
    if doc.is_empty and current is not None:
        return StoredVersion(current["version_id"], False, older)
    replaces = None if older or current is None else current
    params = version_params(doc, document_id, raw_fetch_id, search_text)
    params["replaces_version_id"] = replaces and replaces["version_id"]
    params["change_summary"] = replaces and Jsonb(dedup.change_summary(replaces["text"], doc.text))
    row = conn.execute(q.INSERT_VERSION, params).fetchone()
    if row is None:
        return StoredVersion(None, False, older)
    if not older:
        conn.execute(q.SET_CURRENT_VERSION, {"document_id": document_id, "version_id": row["version_id"]})
    return StoredVersion(row["version_id"], True, older)


def reparse_version(conn, doc: Document, raw_fetch_id: int, search_text: str | None = None) -> StoreResult | None:
    """--reparse: rewrite the version this raw page produced, in place (a parser fix is not a page change)."""
    row = conn.execute(q.SELECT_VERSION_BY_FETCH, {"raw_fetch_id": raw_fetch_id}).fetchone()
    if row is None:
        return None
    params = version_params(doc, row["document_id"], raw_fetch_id, search_text) | {"version_id": row["version_id"]}
    conn.execute(q.UPDATE_VERSION_CONTENT, params)
    return StoreResult(row["document_id"], row["version_id"], False, False)


def attach_texts(conn, store, doc: Document) -> None:
    """Extract text of attachments the crawler stored; a short policy notice takes the attachment text.
    Bytes the raw store no longer has (one warning) give the text extracted from them before, so a
    rerun or --reparse never drops it from the page; without such text that attachment fails, never
    the page."""
    for link in doc.attachments:
        row = conn.execute(q.SELECT_ATTACHMENT_BYTES, {"url": link.url}).fetchone()
        if not row:
            continue
        try:
            body = store.get(row["storage_key"])
        except OSError as exc:
            log.warning("source_id=%s url=%s: attachment bytes not in the raw store: %s", doc.source_id, link.url, exc)
            before = conn.execute(q.SELECT_EXTRACTED_ATTACHMENT, {"page_url": doc.url, "url": link.url}).fetchone()
            link.text, link.status = (before["text"], before["status"]) if before else (None, "failed")
            continue
        extract_attachment(link, body, doc.source_id)
    apply_attachment_text(doc)


def upsert_attachments(conn, doc: Document, document_id: int) -> None:
    for link in doc.attachments:
        conn.execute(q.UPSERT_ATTACHMENT, {"document_id": document_id, "page_url": doc.url, "url": link.url,
                                           "filename": link.filename, "ext": link.ext, "size_bytes": link.size_bytes,
                                           "text": link.text, "status": link.status})


def upsert_policy(conn, doc: Document, version_id: int) -> None:
    if doc.policy is None:
        return
    pol = doc.policy
    interprets = None
    if pol.interprets_url:
        pol.interprets_url = dedup.canonical_url(pol.interprets_url)
        row = conn.execute(q.SELECT_DOC_FOR_URL, {"urls": [pol.interprets_url]}).fetchone()
        interprets = row["document_id"] if row else None
    conn.execute(q.UPSERT_POLICY, {"version_id": version_id, "index_no": pol.index_no, "issuers": pol.issuers,
                                   "doc_number": pol.doc_number, "written_at": pol.written_at,
                                   "published_on": pol.published_on, "effective_on": pol.effective_on,
                                   "subject": pol.subject, "validity": pol.validity,
                                   "interprets_document_id": interprets, "interprets_url": pol.interprets_url,
                                   "expires_on": pol.expires_on, "region": pol.region})


def link_interpretations(conn, document_id: int, urls: list[str]) -> None:
    """Interpretations stored before this policy now point at it."""
    conn.execute(q.LINK_WAITING_INTERPRETATIONS, {"document_id": document_id, "urls": urls})


def assign_story(conn, index: dedup.StoryIndex, doc: Document, document_id: int) -> bool:
    """Put the document into the story its text nearly duplicates, or found a new one. True if new."""
    if len(_HAN.findall(doc.text)) < MIN_CLUSTER_HAN:
        return False
    mh = dedup.build_minhash(doc.title + "\n" + doc.text)
    story_id = index.match(mh)
    created = story_id is None
    if created:
        story_id = conn.execute(q.INSERT_STORY, {"signature": dedup.minhash_bytes(mh)}).fetchone()["story_id"]
        index.add(story_id, mh)
    conn.execute(q.SET_STORY, {"story_id": story_id, "document_id": document_id})
    return created


def select_parse_drift(conn, since, until=None) -> list[dict]:
    """Per source for pages fetched in [since, until): pages parsed, pages whose site parser missed a
    field (drifted), {field: pages missed on} (fields), pages that were not articles (404/WAF/login
    served as 200) and their kinds (not_article_kinds, the labels of parsers/errorpage.py)."""
    return conn.execute(q.SELECT_PARSE_DRIFT, {"since": since, "until": until}).fetchall()
