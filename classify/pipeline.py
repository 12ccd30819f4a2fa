"""Classify the archive: every document version without a classification run for the
newest taxonomy version, in batches, each batch one transaction (resumable, idempotent).

A batch claims its versions by inserting their run rows first (ON CONFLICT DO NOTHING RETURNING):
a label belongs to its run (migration 0280), so a claimed version has no labels from this taxonomy
version yet and its labels go in by one plain COPY, with no DELETE of leftovers and no conflict
handling; a version a concurrent writer claimed first is left to it.

Entities do not depend on the taxonomy: a version whose stored mentions were extracted by the
current entity extractor (entity_extractions, classify/entities.py extractor_digest) keeps them
and is not extracted again, unless `force_entities`; every other version is extracted, its
missing mentions written and the extractor recorded. Mentions are only ever added.

    with PendingClassifier.open(db_url) as job:      # one session, one classifier
        job.classify_span((after, until), batch_size=500)
    classify_pending(db_url)                         # the same over the whole archive, then ANALYZE
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator

import msgspec
from psycopg.rows import tuple_row

from classify.classifier import Classifier, Result
from classify.entities import extractor_digest
from futurewatch.core.db import connect
from futurewatch.core.run_tally import add_to_tally
from futurewatch.core.staging import copy_rows, upsert_staged
from futurewatch.core.stats import analyze_grown
from classify.taxonomy import load_taxonomy, select_latest_taxonomy

log = logging.getLogger(__name__)
LAST_ID = 2**63 - 1
GROWN_TABLES = ["classifications", "classification_runs", "entity_mentions", "entities"]

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
# the run rows first: the versions this batch claims (one a concurrent writer holds waits for its
# commit here and is then skipped)
_CLAIM_RUNS = """
INSERT INTO classification_runs (version_id, taxonomy_version_id)
SELECT unnest(%(ids)s::bigint[]), %(tv)s
ON CONFLICT DO NOTHING
RETURNING version_id
"""
LABEL_COLUMNS = ("version_id", "code", "taxonomy_version_id", "score", "evidence")
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
    run_key: str | None = None,
) -> ClassifySummary:
    """Classify every document version not yet classified by the newest taxonomy version.

    With no taxonomy stored yet, the packaged one is loaded first. A new taxonomy version
    makes the whole archive pending again, so this same call reclassifies it. `progress`
    is called as progress(done, total) after each batch; `limit` caps versions this call;
    `version_range` (after, until] restricts it to those version ids;
    `force_entities` extracts every version's entities again (restoring any deleted mention);
    `run_key` (an Airflow run's): its batches are tallied over all its attempts (core/run_tally.py)."""
    with PendingClassifier.open(db_url, taxonomy_version_id, force_entities=force_entities) as job:
        job.run_key = run_key
        pending = job.count(version_range)
        total = min(pending, limit) if limit is not None else pending
        job.summary.pending = pending
        job.classify_span(version_range, batch_size=batch_size, limit=total,
                          progress=(lambda done: progress(done, total)) if progress else None)
        analyze_grown(job.conn, GROWN_TABLES)   # the alert queries plan on these tables next
    return job.summary


class PendingClassifier:
    """One database session classifying pending versions with one taxonomy version, a
    transaction per batch; `summary` adds up every span it did."""

    def __init__(self, conn, tv: int, taxonomy, force_entities: bool = False):
        self.conn, self.tv = conn, tv
        self.classifier = Classifier(taxonomy)
        self.extractor = None if force_entities else extractor_digest()   # None: matches no record
        self.summary = ClassifySummary(taxonomy_version_id=tv)
        self.run_key: str | None = None  # set: each batch adds to the run's tally (core/run_tally.py)

    @classmethod
    @contextmanager
    def open(cls, db_url: str, taxonomy_version_id: int | None = None, *,
             force_entities: bool = False) -> Iterator["PendingClassifier"]:
        """The newest taxonomy version (or `taxonomy_version_id`; the packaged one is stored first
        when there is none) and a session. The session does not wait for each commit's flush to
        disk: a crash can lose the last batches, labels and run rows together, so those versions
        are simply pending again (never half written)."""
        latest = select_latest_taxonomy(db_url, taxonomy_version_id)
        if latest is None:
            latest = select_latest_taxonomy(db_url, load_taxonomy(db_url))
        with connect(db_url, autocommit=True) as conn:
            conn.execute("SET synchronous_commit = off")
            yield cls(conn, latest[0], latest[1], force_entities)

    def count(self, span: tuple[int, int]) -> int:
        return self.conn.execute(_COUNT_PENDING, {"tv": self.tv, "after": span[0], "until": span[1]}).fetchone()["n"]

    def classify_span(self, span: tuple[int, int], *, batch_size: int = 500, limit: int | None = None,
                      progress: Callable[[int], None] | None = None) -> int:
        """Classify the pending versions of (after, until], at most `limit`; returns how many were
        looked at. `progress(looked_at)` after each batch."""
        after, seen = span[0], 0
        while limit is None or seen < limit:
            size = batch_size if limit is None else min(batch_size, limit - seen)
            done = self.classify_batch((after, span[1]), size)
            if not done:
                break
            seen, after = seen + done[0], done[1]
            if progress:
                progress(seen)
        return seen

    def classify_batch(self, span: tuple[int, int], size: int) -> tuple[int, int] | None:
        """One batch in one transaction: (versions looked at, last version_id), None when none is left.
        Entities are extracted only for versions whose recorded extractor is not the current one."""
        conn, tv, summary = self.conn, self.tv, self.summary
        with conn.transaction():
            rows = conn.execute(_SELECT_PENDING, {"tv": tv, "after": span[0], "until": span[1], "limit": size}).fetchall()
            if not rows:
                return None
            results = [(row, self.classifier.classify(row["title"], row["text"],
                                                      entities=row["extractor"] != self.extractor)) for row in rows]
            with conn.cursor(row_factory=tuple_row) as cur:
                claimed = {r[0] for r in cur.execute(_CLAIM_RUNS, {"ids": [row["version_id"] for row in rows],
                                                                   "tv": tv}).fetchall()}
            mine = [(row, result) for row, result in results if row["version_id"] in claimed]
            _write_labels(conn, tv, mine, summary)
            extracted = [(row, result) for row, result in mine if row["extractor"] != self.extractor]
            if extracted:
                _write_entities(conn, extracted, summary)
                conn.execute(_RECORD_EXTRACTOR, {"ids": [row["version_id"] for row, _ in extracted],
                                                 "extractor": extractor_digest()})
            summary.entities_kept += len(mine) - len(extracted)
            if self.run_key:
                add_to_tally(conn, self.run_key, "classify", len(mine), rows[0]["version_id"],
                             rows[-1]["version_id"])
        last = rows[-1]["version_id"]
        summary.classified += len(mine)
        summary.batches += 1
        summary.min_version_id = min(summary.min_version_id or rows[0]["version_id"], rows[0]["version_id"])
        summary.max_version_id = max(summary.max_version_id or last, last)
        log.info("classified %d versions up to %d with taxonomy version %d", len(mine), last, tv)
        return len(rows), last


def _write_labels(conn, tv: int, results: list[tuple[dict, Result]], summary: ClassifySummary) -> None:
    """The claimed versions' labels, one COPY straight into the table (none can be there yet)."""
    rows = []
    for row, result in results:
        for label in result.labels:
            evidence = msgspec.json.encode(label.evidence).decode()  # [{term, field, start, end}, …]
            rows.append((row["version_id"], label.code, tv, label.score, evidence))
            summary.codes[label.code] = summary.codes.get(label.code, 0) + 1
    if rows:
        copy_rows(conn, "classifications", LABEL_COLUMNS, rows)
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
