"""Writing a policy's issuers, names, references and measures, and resolving references.

Every write is an upsert keyed by the version (rows a reparse no longer finds are removed), so
storing or reparsing the same page twice changes nothing. A reference is resolved against
policy_names when it is stored, and every waiting reference that names a newly stored
document is resolved then (`resolve_waiting`): the order in which documents arrive is free.
"""

from __future__ import annotations

from parsers import policy_links, policy_queries as q
from parsers.document import Document


def upsert_policy_details(conn, doc: Document, document_id: int, version_id: int, urls: list[str]) -> None:
    """Issuers, names, references and measures of one stored policy version; then resolution."""
    pol = doc.policy
    if pol is None:
        return
    upsert_issuers(conn, version_id, pol.issuer_details)
    url_keys = ["url:" + u for u in urls]
    names = policy_links.name_keys(doc.title, pol.doc_number) + url_keys if doc.kind == "policy" else url_keys
    upsert_names(conn, document_id, names)
    upsert_references(conn, version_id, pol.references + interpretation_links(pol.interpretation_urls))
    upsert_measures(conn, version_id, pol.measures)
    conn.execute(q.RESOLVE_OWN_REFERENCES, {"version_id": version_id})
    conn.execute(q.RESOLVE_WAITING, {"document_id": document_id})


def interpretation_links(urls: list[str]) -> list[policy_links.Reference]:
    from parsers.dedup import canonical_url

    return [policy_links.Reference("interpreted_by", url, url=url, keys=["url:" + canonical_url(url)])
            for url in urls]


def upsert_issuers(conn, version_id: int, issuers: list) -> None:
    for position, issuer in enumerate(issuers, start=1):
        conn.execute(q.UPSERT_ISSUER, {"version_id": version_id, "position": position, "name": issuer.name,
                                       "level": issuer.level, "region": issuer.region})
    conn.execute(q.DELETE_ISSUERS_FROM, {"version_id": version_id, "position": len(issuers) + 1})


def upsert_names(conn, document_id: int, keys: list[str]) -> None:
    for key in keys:
        conn.execute(q.UPSERT_NAME, {"name_key": key, "document_id": document_id})


def upsert_references(conn, version_id: int, references: list) -> None:
    for ref in references:
        conn.execute(q.UPSERT_REFERENCE, {
            "version_id": version_id, "target_key": ref.key, "relation": ref.relation, "target_keys": ref.keys,
            "target_title": ref.title, "target_doc_number": ref.doc_number, "target_url": ref.url,
            "evidence": ref.evidence})
    conn.execute(q.DELETE_STALE_REFERENCES, {"version_id": version_id, "keys": [r.key for r in references]})


def upsert_measures(conn, version_id: int, measures: list) -> None:
    for position, m in enumerate(measures, start=1):
        conn.execute(q.UPSERT_MEASURE, {"version_id": version_id, "position": position, "kind": m.kind,
                                        "amount_yuan": m.amount_yuan, "target_year": m.target_year,
                                        "due_on": m.due_on, "text": m.text})
    conn.execute(q.DELETE_MEASURES_FROM, {"version_id": version_id, "position": len(measures) + 1})
