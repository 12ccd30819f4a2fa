"""Classify the archive: every document version without a classification run for the
newest taxonomy version, in batches, each batch one transaction (resumable, idempotent).

Entities do not depend on the taxonomy: a version whose stored mentions were extracted by the
current entity extractor (entity_extractions, classify/entities.py extractor_digest) keeps them
and is not extracted again, unless `force_entities`; every other version is extracted, its
missing mentions written and the extractor recorded. Mentions are only ever added."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable

import msgspec
from psycopg.rows import tuple_row

from classify.classifier import Classifier, Result
from classify.entities import extractor_digest
from futurewatch.core.db import connect
from futurewatch.core.staging import upsert_staged
from futurewatch.core.stats import analyze_grown
from classify.taxonomy import load_taxonomy, select_latest_taxonomy

log = logging.getLogger(__name__)
LAST_ID = 2**63 - 1

_COUNT_PENDING = """
SELECT count(*) AS n FROM document_versions dv
WHERE dv.version_id > %(after)s AND dv.version_id <= %(until)s
  AND NOT EXISTS (SELECT 1 FROM classification_runs r
                  WHERE r.version_id = dv.version_id AND r.taxonomy_version_id = %(tv)s)
"""
_SELECT_PENDING = """
SELECT dv.version_id, dv.title, dv.text,
       COALESCE((dv.published_at AT TIME ZONE 'Asia/Shanghai')::date,
                (dv.created_at AT TIME ZONE 'Asia/Shanghai')::date) AS day,
       (SELECT e.extractor FROM entity_extractions e WHERE e.version_id = dv.version_id) AS extractor
FROM document_versions dv
WHERE dv.version_id > %(after)s AND dv.version_id <= %(until)s
  AND NOT EXISTS (SELECT 1 FROM classification_runs r
                  WHERE r.version_id = dv.version_id AND r.taxonomy_version_id = %(tv)s)
ORDER BY dv.version_id
LIMIT %(limit)s
"""
_DELETE_LABELS = """
DELETE FROM classifications WHERE version_id = ANY(%(ids)s) AND taxonomy_version_id = %(tv)s
"""
LABEL_COLUMNS = ("version_id", "code", "taxonomy_version_id", "score", "evidence")
_LABEL_CONFLICT = """ON CONFLICT (version_id, code, taxonomy_version_id) DO UPDATE
SET score = EXCLUDED.score, evidence = EXCLUDED.evidence, classified_at = now()"""
MENTION_COLUMNS = ("version_id", "entity_id", "field", "start_offset", "end_offset", "surface")
_UPSERT_ENTITIES = """
INSERT INTO entities (type, canonical, first_seen_on)
SELECT * FROM unnest(%(types)s::text[], %(canonicals)s::text[], %(days)s::date[])
ON CONFLICT (type, canonical) DO UPDATE
SET first_seen_on = LEAST(entities.first_seen_on, EXCLUDED.first_seen_on)
RETURNING entity_id, type, canonical
"""
_INSERT_ALIASES = """
INSERT INTO entity_aliases (entity_id, alias)
SELECT * FROM unnest(%(ids)s::bigint[], %(aliases)s::text[])
ON CONFLICT DO NOTHING
"""
_STORED_MENTIONS = """
SELECT version_id, entity_id, field, start_offset FROM entity_mentions WHERE version_id = ANY(%(ids)s)
"""
_INSERT_RUNS = """
INSERT INTO classification_runs (version_id, taxonomy_version_id)
SELECT unnest(%(ids)s::bigint[]), %(tv)s
ON CONFLICT DO NOTHING
"""
_RECORD_EXTRACTOR = """
INSERT INTO entity_extractions (version_id, extractor)
SELECT unnest(%(ids)s::bigint[]), %(extractor)s
ON CONFLICT (version_id) DO UPDATE SET extractor = EXCLUDED.extractor, extracted_at = now()
"""


@dataclass
class ClassifySummary:
    taxonomy_version_id: int
    pending: int = 0          # versions to do when the run started
    classified: int = 0       # versions done by this run
    labels: int = 0
    mentions: int = 0
    entities_kept: int = 0    # versions whose stored mentions came from the current extractor
    batches: int = 0
    min_version_id: int | None = None
    max_version_id: int | None = None
    codes: dict[str, int] = field(default_factory=dict)


def classify_pending(
    db_url: str,
    *,
    batch_size: int = 500,
    taxonomy_version_id: int | None = None,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    version_range: tuple[int, int] = (0, LAST_ID),
    force_entities: bool = False,
) -> ClassifySummary:
    """Classify every document version not yet classified by the newest taxonomy version.

    With no taxonomy stored yet, the packaged one is loaded first. A new taxonomy version
    makes the whole archive pending again, so this same call reclassifies it. `progress`
    is called as progress(done, total) after each batch; `limit` caps versions this call;
    `version_range` (after, until] restricts it to those version ids (parallel workers);
    `force_entities` extracts every version's entities again (restoring any deleted mention)."""
    latest = select_latest_taxonomy(db_url, taxonomy_version_id)
    if latest is None:
        latest = select_latest_taxonomy(db_url, load_taxonomy(db_url))
    tv, taxonomy = latest
    classifier = Classifier(taxonomy)
    extractor = None if force_entities else extractor_digest()   # None: matches no record
    summary = ClassifySummary(taxonomy_version_id=tv)
    # one session for the whole run (its staging tables too), one transaction per batch
    with connect(db_url, autocommit=True) as conn:
        summary.pending = conn.execute(_COUNT_PENDING, {"tv": tv, "after": version_range[0],
                                                        "until": version_range[1]}).fetchone()["n"]
        total = min(summary.pending, limit) if limit is not None else summary.pending
        after = version_range[0]
        while summary.classified < total:
            size = min(batch_size, total - summary.classified)
            after = _classify_batch(conn, classifier, tv, extractor, (after, version_range[1]), size, summary)
            if after is None:
                break
            if progress:
                progress(summary.classified, total)
        # the alert queries plan on these tables next
        analyze_grown(conn, ["classifications", "classification_runs", "entity_mentions", "entities"])
    return summary


def _classify_batch(conn, classifier: Classifier, tv: int, extractor: str | None, span: tuple[int, int],
                    size: int, summary: ClassifySummary):
    """One batch in one transaction; returns the last version_id done (None when nothing left).
    Entities are extracted only for versions whose recorded extractor is not `extractor`."""
    with conn.transaction():
        rows = conn.execute(_SELECT_PENDING, {"tv": tv, "after": span[0], "until": span[1], "limit": size}).fetchall()
        if not rows:
            return None
        results = [(row, classifier.classify(row["title"], row["text"], entities=row["extractor"] != extractor))
                   for row in rows]
        ids = [row["version_id"] for row in rows]
        conn.execute(_DELETE_LABELS, {"ids": ids, "tv": tv})
        _write_labels(conn, tv, results, summary)
        extracted = [(row, result) for row, result in results if row["extractor"] != extractor]
        if extracted:
            _write_entities(conn, extracted, summary)
            conn.execute(_RECORD_EXTRACTOR, {"ids": [row["version_id"] for row, _ in extracted],
                                             "extractor": extractor_digest()})
        summary.entities_kept += len(rows) - len(extracted)
        conn.execute(_INSERT_RUNS, {"ids": ids, "tv": tv})
    summary.classified += len(rows)
    summary.batches += 1
    summary.min_version_id = summary.min_version_id or ids[0]
    summary.max_version_id = ids[-1]
    log.info("classified %d versions up to %d with taxonomy version %d", len(rows), ids[-1], tv)
    return ids[-1]


def _write_labels(conn, tv: int, results: list[tuple[dict, Result]], summary: ClassifySummary) -> None:
    rows = []  # one COPY per batch (was one statement per label: ~12 labels per article)
    for row, result in results:
        for label in result.labels:
            evidence = msgspec.json.encode(label.evidence).decode()  # [{term, field, start, end}, …]
            rows.append((row["version_id"], label.code, tv, label.score, evidence))
            summary.codes[label.code] = summary.codes.get(label.code, 0) + 1
    if rows:
        upsert_staged(conn, "classifications", LABEL_COLUMNS, rows, _LABEL_CONFLICT)
    summary.labels += len(rows)


def _write_entities(conn, results: list[tuple[dict, Result]], summary: ClassifySummary) -> None:
    first_day: dict[tuple[str, str], object] = {}
    for row, result in results:
        for ent in result.entities:
            key = (ent.type, ent.canonical)
            day = row["day"]
            if key not in first_day or (day and (first_day[key] is None or day < first_day[key])):
                first_day[key] = day
    if not first_day:
        return
    keys = list(first_day)
    rows = conn.execute(_UPSERT_ENTITIES, {
        "types": [k[0] for k in keys], "canonicals": [k[1] for k in keys], "days": [first_day[k] for k in keys],
    }).fetchall()
    ids = {(r["type"], r["canonical"]): r["entity_id"] for r in rows}
    aliases = {(ids[(e.type, e.canonical)], e.text) for _, res in results for e in res.entities}
    conn.execute(_INSERT_ALIASES, {"ids": [a[0] for a in aliases], "aliases": [a[1] for a in aliases]})
    mentions = [(row["version_id"], ids[(e.type, e.canonical)], "title" if e.field == "title" else "text",
                 e.start, e.end, e.text) for row, res in results for e in res.entities]
    summary.mentions += len(mentions)
    # a reclassification finds the mentions it stored before: read the batch's keys back (one
    # index range per version) and send only the new rows, instead of a conflict probe per row
    with conn.cursor(row_factory=tuple_row) as cur:
        stored = set(cur.execute(_STORED_MENTIONS, {"ids": [row["version_id"] for row, _ in results]}).fetchall())
    missing = [m for m in mentions if m[:4] not in stored] if stored else mentions
    if missing:
        upsert_staged(conn, "entity_mentions", MENTION_COLUMNS, missing)
