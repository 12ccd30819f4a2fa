"""Emerging-term candidates: frequent in recent documents, unknown to the taxonomy."""

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from classify.candidates import select_candidates, store_candidates
from futurewatch.core.db import connect
from futurewatch.core.localtime import source_day
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



def test_the_default_window_ends_on_the_shanghai_day_not_the_machines(db_url):
    # at 16:30 UTC it is already the next day in Shanghai: the documents of its first half hour are "today"
    now = datetime(2025, 3, 20, 16, 30, tzinfo=timezone.utc)
    assert source_day(now) == date(2025, 3, 21) and source_day(now - timedelta(hours=1)) == date(2025, 3, 20)
    just_after_midnight = datetime(2025, 3, 21, 0, 5, tzinfo=ZoneInfo("Asia/Shanghai"))
    with connect(db_url) as conn, conn.transaction():
        for i in range(3):
            insert_version(conn, f"night{i}", "快讯", f"第{i}家企业发布光子算力卡。", just_after_midnight + timedelta(minutes=i))
    found = select_candidates(db_url, read_taxonomy(), until=source_day(now), days=1, min_docs=3)
    assert any("光子算力" in c.term for c in found)
    assert select_candidates(db_url, read_taxonomy(), until=now.date(), days=1, min_docs=3) == []  # the UTC day misses them
