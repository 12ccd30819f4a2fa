"""A taxonomy file reverted to an earlier version is what the reader views show afterwards: the
labels and categories of the version it replaced are no longer current (real PostgreSQL)."""

from __future__ import annotations

import yaml

from classify.pipeline import classify_pending
from classify.taxonomy import load_taxonomy
from futurewatch.core.db import connect
from futurewatch.core.taxonomy import DEFAULT_PATH
from tests.classify.test_classify_pipeline import seed_archive


def codes(db_url: str, sql: str, params: dict | None = None) -> set[str]:
    with connect(db_url) as conn:
        return {r["code"] for r in conn.execute(sql, params or {}).fetchall()}


def test_reverted_taxonomy_replaces_the_labels_of_the_version_it_undoes(db_url, tmp_path):
    ids = seed_archive(db_url)
    first = load_taxonomy(db_url)
    classify_pending(db_url)
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["codes"]["labs"] = {"name_zh": "国家实验室", "terms": ["鹏城实验室"]}  # the edit later reverted
    edited = tmp_path / "taxonomy.yaml"
    edited.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    second = load_taxonomy(db_url, edited)
    classify_pending(db_url)
    labels = "SELECT code FROM v_document_categories WHERE version_id = %(v)s"
    assert "labs" in codes(db_url, labels, {"v": ids[1]})

    reverted = load_taxonomy(db_url)          # the packaged file again, as before the edit
    classify_pending(db_url)
    assert "labs" not in codes(db_url, labels, {"v": ids[1]}) | codes(db_url, "SELECT code FROM v_categories")
    assert "next_gen_network" in codes(db_url, labels, {"v": ids[1]})
    assert reverted not in (first, second) and load_taxonomy(db_url) == reverted   # a reload is still a no-op
