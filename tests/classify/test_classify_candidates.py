"""Emerging-term candidates: frequent in recent documents, unknown to the taxonomy."""

from datetime import date, datetime, timezone

from classify.candidates import select_candidates, store_candidates
from futurewatch.core.db import connect
from futurewatch.core.taxonomy import read_taxonomy

from tests.classify.test_classify_pipeline import insert_version


def test_new_frequent_terms_are_listed_and_stored(db_url):
    with connect(db_url) as conn, conn.transaction():
        for i in range(4):
            insert_version(conn, f"new{i}", "新闻", f"多家企业布局量子计算，并发布光子算力卡新品，第{i}批光子算力卡已交付。",
                           datetime(2025, 3, 10 + i, tzinfo=timezone.utc))
        for i in range(4):
            insert_version(conn, f"old{i}", "旧闻", "多家企业布局量子计算，推进相关项目。",
                           datetime(2025, 1, 5 + i, tzinfo=timezone.utc))
    found = select_candidates(db_url, read_taxonomy(), until=date(2025, 3, 20), days=30, min_docs=3)
    terms = [c.term for c in found]
    assert "光子算力卡" in terms or "光子算力" in terms
    assert "量子计算" not in terms   # a taxonomy term is not "new"
    assert store_candidates(db_url, found) == len(found)
    with connect(db_url) as conn:
        conn.execute("UPDATE term_candidates SET status = 'rejected'")
        conn.commit()
    store_candidates(db_url, found)   # rerun keeps the analyst's decision
    with connect(db_url) as conn:
        statuses = {r["status"] for r in conn.execute("SELECT status FROM term_candidates")}
    assert statuses == {"rejected"}
