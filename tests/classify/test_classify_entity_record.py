"""Reclassification keeps the entities of the current extractor (entity_extractions): it skips
extraction where the recorded extractor is the current one, extracts again where it changed or
is missing, and stores the same labels and mentions as a full reclassification."""

from __future__ import annotations

import pytest

from classify import entities
from classify.entities import extractor_digest
from classify.parallel import classify_parallel
from classify.pipeline import classify_pending
from futurewatch.core.db import connect
from tests.classify.test_classify_parallel import seed
from tests.classify.test_classify_pipeline import MENTIONS, seed_archive, store_renamed_taxonomy

LABELS = "SELECT version_id, code, score, evidence FROM classifications WHERE taxonomy_version_id = %(tv)s ORDER BY 1, 2"


@pytest.fixture
def change_extractor(monkeypatch):
    """change_extractor(name, value): the entity extractor as after a change (of its version
    constant or its files), so another digest from then on; restored after the test."""
    def change(name: str, value) -> None:
        monkeypatch.setattr(entities, name, value)
        extractor_digest.cache_clear()
    yield change
    monkeypatch.undo()
    extractor_digest.cache_clear()


def records(db_url) -> dict[int, str]:
    with connect(db_url) as conn:
        return {r["version_id"]: r["extractor"] for r in conn.execute("SELECT version_id, extractor FROM entity_extractions")}


def test_classification_records_the_extractor_and_reclassification_skips_it(db_url, tmp_path):
    ids = seed_archive(db_url)
    first = classify_pending(db_url)
    assert first.mentions > 10 and first.entities_kept == 0
    assert records(db_url) == {vid: extractor_digest() for vid in ids}
    with connect(db_url) as conn:
        stamped = conn.execute("SELECT version_id, extracted_at FROM entity_extractions ORDER BY 1").fetchall()
    store_renamed_taxonomy(db_url, tmp_path, "again")
    again = classify_pending(db_url, batch_size=2)
    assert again.classified == 3 and again.entities_kept == 3 and again.mentions == 0
    with connect(db_url) as conn:   # nothing re-recorded
        assert conn.execute("SELECT version_id, extracted_at FROM entity_extractions ORDER BY 1").fetchall() == stamped


def test_a_changed_or_missing_extractor_record_extracts_again(db_url, tmp_path):
    ids = seed_archive(db_url)
    classify_pending(db_url)
    with connect(db_url) as conn, conn.transaction():
        full = conn.execute(MENTIONS).fetchall()
        conn.execute("UPDATE entity_extractions SET extractor = 'v0-older' WHERE version_id = %(v)s", {"v": ids[0]})
        conn.execute("DELETE FROM entity_extractions WHERE version_id = %(v)s", {"v": ids[1]})   # an old archive's
        conn.execute("DELETE FROM entity_mentions WHERE version_id = ANY(%(v)s)", {"v": ids[:2]})
    store_renamed_taxonomy(db_url, tmp_path, "changed")
    summary = classify_pending(db_url)
    assert summary.entities_kept == 1   # ids[2]: recorded with the current extractor
    with connect(db_url) as conn:
        assert conn.execute(MENTIONS).fetchall() == full
    assert records(db_url) == {vid: extractor_digest() for vid in ids}


def test_a_new_extractor_extracts_every_version_again(db_url, tmp_path, change_extractor):
    seed_archive(db_url)
    first = classify_pending(db_url)
    before = extractor_digest()
    change_extractor("EXTRACTOR_VERSION", entities.EXTRACTOR_VERSION + 1)   # a code change
    assert extractor_digest() != before
    store_renamed_taxonomy(db_url, tmp_path, "next")
    summary = classify_pending(db_url)
    assert summary.entities_kept == 0 and summary.mentions == first.mentions
    assert set(records(db_url).values()) == {extractor_digest()}


def test_the_digest_follows_the_dictionaries(tmp_path, change_extractor):
    extractor_digest.cache_clear()
    current = extractor_digest()
    copies = [tmp_path / path.name for path in entities.EXTRACTOR_FILES]
    for path, copy in zip(entities.EXTRACTOR_FILES, copies):
        copy.write_bytes(path.read_bytes())
    change_extractor("EXTRACTOR_FILES", tuple(copies))
    assert extractor_digest() == current
    copies[0].write_bytes(copies[0].read_bytes() + "\n# 一个新的别名\n".encode())
    extractor_digest.cache_clear()
    assert extractor_digest() != current


def test_the_digest_follows_the_modules_entities_are_read_through(tmp_path, change_extractor):
    """A change to the normaliser, the matching form, the scan or the matcher can move what is
    extracted: each of their files is part of the digest."""
    named = {path.name for path in entities.EXTRACTOR_FILES}
    assert {"textnorm.py", "termmatch.py", "scan.py", "matcher.py"} <= named
    extractor_digest.cache_clear()
    current = extractor_digest()
    copies = [tmp_path / path.name for path in entities.EXTRACTOR_FILES]
    for path, copy in zip(entities.EXTRACTOR_FILES, copies):
        copy.write_bytes(path.read_bytes())
    normaliser = next(copy for copy in copies if copy.name == "textnorm.py")
    normaliser.write_bytes(normaliser.read_bytes() + b"\n# a changed fold\n")
    change_extractor("EXTRACTOR_FILES", tuple(copies))
    assert extractor_digest() != current


def test_skipping_stores_what_a_full_reclassification_stores(db_url, tmp_path):
    """Two workers skipping extraction, then every version extracted again (--entities): the same
    labels (codes, scores, evidence) and the same mentions."""
    seed(db_url, 60)
    classify_parallel(db_url, workers=2, batch_size=10)
    with connect(db_url) as conn:
        first = conn.execute(MENTIONS).fetchall()
    skip_tv = store_renamed_taxonomy(db_url, tmp_path, "skip")
    skipped = classify_parallel(db_url, workers=2, batch_size=10)
    assert skipped.classified == 60 and skipped.entities_kept == 60 and skipped.mentions == 0
    full_tv = store_renamed_taxonomy(db_url, tmp_path, "full")
    full = classify_parallel(db_url, workers=2, batch_size=10, force_entities=True)
    assert full.classified == 60 and full.entities_kept == 0 and full.mentions >= len(first) > 0
    with connect(db_url) as conn:
        assert conn.execute(MENTIONS).fetchall() == first
        skip_labels = [(r["version_id"], r["code"], r["score"], r["evidence"])
                       for r in conn.execute(LABELS, {"tv": skip_tv})]
        full_labels = [(r["version_id"], r["code"], r["score"], r["evidence"])
                       for r in conn.execute(LABELS, {"tv": full_tv})]
    assert skip_labels == full_labels and skip_labels


def test_the_digest_follows_the_conversion_tables(change_extractor):
    """Another OpenCC release or Unicode version can fold text differently: another digest."""
    assert {name for name, _ in entities.EXTRACTOR_TABLES} == {"OpenCC", "unicodedata"}
    extractor_digest.cache_clear()
    current = extractor_digest()
    opencc_version = dict(entities.EXTRACTOR_TABLES)["OpenCC"]
    change_extractor("EXTRACTOR_TABLES", (("OpenCC", opencc_version + ".post1"),
                                          ("unicodedata", dict(entities.EXTRACTOR_TABLES)["unicodedata"])))
    assert extractor_digest() != current
