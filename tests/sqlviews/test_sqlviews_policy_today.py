"""v_policy_documents.validity is as of today in China, the day its expires_on is counted in and
the alert stage uses, whatever the reader's session TimeZone (real PostgreSQL)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from futurewatch.core.db import connect
from tests.policy.pages import govcn_a
from tests.policy.test_policy_store import db, doc_id, store  # noqa: F401  (db: the fixture)

PAGE = "https://www.gov.cn/zhengce/content/202401/content_6930002.htm"


def test_validity_counts_expiry_in_china_days_in_any_session_time_zone(db):
    now = datetime.now(ZoneInfo("Asia/Shanghai"))
    # A session zone whose date differs from China's right now: 20 hours behind (before 20:00 in
    # China it is still yesterday there) or 6 hours ahead (after 18:00 in China it is tomorrow there).
    zone, expires, expected = (("Etc/GMT+12", now.date() - timedelta(days=1), "expired") if now.hour < 20
                               else ("Etc/GMT-14", now.date(), "in_force"))
    store(db, (PAGE, govcn_a("广东省人民政府关于某某工作的通知",
                             [f"本通知自印发之日起施行，有效期至{expires.year}年{expires.month}月{expires.day}日。"],
                             {"发文字号": "粤府〔2019〕2号", "成文日期": "2019年1月2日"})))
    with connect(db) as conn:
        conn.execute(f"SET TIME ZONE '{zone}'")
        row = conn.execute("SELECT expires_on, validity FROM v_policy_documents WHERE document_id = %(d)s",
                           {"d": doc_id(db, PAGE)}).fetchone()
    assert (row["expires_on"], row["validity"]) == (expires, expected)
