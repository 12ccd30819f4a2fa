"""Store the taxonomy in PostgreSQL as a version (a no-op when the newest version has its checksum) and read it back."""

from __future__ import annotations

import logging
from pathlib import Path

from psycopg.types.json import Jsonb

from futurewatch.core.db import connect
from futurewatch.core.taxonomy import Taxonomy, build_taxonomy, read_taxonomy

log = logging.getLogger(__name__)

_LOCK_LOADERS = "LOCK TABLE taxonomy_versions IN SHARE ROW EXCLUSIVE MODE"  # readers and classifiers go on
_SELECT_NEWEST = "SELECT taxonomy_version_id, checksum FROM taxonomy_versions ORDER BY taxonomy_version_id DESC LIMIT 1"
_COUNT_LOADS = "SELECT count(*) AS n FROM taxonomy_versions WHERE checksum = %(checksum)s"
_INSERT_VERSION = """
INSERT INTO taxonomy_versions (version, checksum, data)
VALUES (%(version)s, %(checksum)s, %(data)s)
RETURNING taxonomy_version_id
"""
_UPSERT_CATEGORY = """
INSERT INTO categories (taxonomy_version_id, code, name_zh, name_en, views)
VALUES (%(tv)s, %(code)s, %(name_zh)s, %(name_en)s, %(views)s)
ON CONFLICT (taxonomy_version_id, code) DO UPDATE
SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, views = EXCLUDED.views
"""
_UPSERT_TERM = """
INSERT INTO category_terms (taxonomy_version_id, code, term, role, weight)
VALUES (%(tv)s, %(code)s, %(term)s, %(role)s, %(weight)s)
ON CONFLICT (taxonomy_version_id, code, term, role) DO UPDATE SET weight = EXCLUDED.weight
"""
_SELECT_LATEST = """
SELECT taxonomy_version_id, data FROM taxonomy_versions ORDER BY taxonomy_version_id DESC LIMIT 1
"""
_SELECT_ONE = "SELECT taxonomy_version_id, data FROM taxonomy_versions WHERE taxonomy_version_id = %(tv)s"


def load_taxonomy(db_url: str, path: str | Path | None = None) -> int:
    """Store the taxonomy file (default: the packaged one) as a taxonomy version.

    Returns its taxonomy_version_id. Loading the newest version's file again returns its id;
    any other file becomes a new version, which `classify_pending` then applies to the whole
    archive. That includes a file reverted to an older version: it is the newest again, so the
    labels of the version it undoes are no longer current (migration 0500)."""
    taxonomy = read_taxonomy(path)
    with connect(db_url) as conn, conn.transaction():
        conn.execute(_LOCK_LOADERS)  # one loader at a time: a concurrent load of the same file is a no-op
        newest = conn.execute(_SELECT_NEWEST).fetchone()
        if newest and newest["checksum"] == taxonomy.checksum:
            return newest["taxonomy_version_id"]
        loads = conn.execute(_COUNT_LOADS, {"checksum": taxonomy.checksum}).fetchone()["n"]
        label = f"{taxonomy.version}+{taxonomy.checksum[:12]}" + (f"/{loads + 1}" if loads else "")
        tv = conn.execute(_INSERT_VERSION, {"version": label, "checksum": taxonomy.checksum,
                                            "data": Jsonb(taxonomy.data)}).fetchone()["taxonomy_version_id"]
        _insert_categories(conn, tv, taxonomy)
    log.info("loaded taxonomy %s as version %s", taxonomy.version, tv)
    return tv


def _insert_categories(conn, tv: int, taxonomy: Taxonomy) -> None:
    with conn.cursor() as cur:
        cur.executemany(_UPSERT_CATEGORY, [
            {"tv": tv, "code": c.code, "name_zh": c.name_zh, "name_en": c.name_en, "views": Jsonb(c.views)}
            for c in taxonomy.categories
        ])
        cur.executemany(_UPSERT_TERM, list(_term_rows(tv, taxonomy)))


def _term_rows(tv: int, taxonomy: Taxonomy):
    for c in taxonomy.categories:
        seen = set()
        rows = [(c.name_zh, "name", 1.0)]
        rows += [(t, "alias", w) for t, w in c.terms if t != c.name_zh]
        rows += [(t, "exclusion", 1.0) for t in c.exclusions]
        rows += [(t, "context", 1.0) for t in c.contexts]
        for term, role, weight in rows:
            if (term, role) not in seen:
                seen.add((term, role))
                yield {"tv": tv, "code": c.code, "term": term, "role": role, "weight": weight}


def select_latest_taxonomy(db_url: str, taxonomy_version_id: int | None = None) -> tuple[int, Taxonomy] | None:
    """(id, Taxonomy) of the newest stored version (or of the given one); None if none stored."""
    with connect(db_url) as conn:
        if taxonomy_version_id is None:
            row = conn.execute(_SELECT_LATEST).fetchone()
        else:
            row = conn.execute(_SELECT_ONE, {"tv": taxonomy_version_id}).fetchone()
    if row is None:
        return None
    return row["taxonomy_version_id"], build_taxonomy(row["data"])
