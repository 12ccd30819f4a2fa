"""Every fault page of the mirror: what the run recorded, and that nothing else was lost."""

from __future__ import annotations

from crawlers.runner import crawl_sources
from tests.crawlers.conftest import query
from futurewatch.core.config import load_settings

C114 = "https://www.c114.com.cn"
EXPECTED_FAILURES = {
    f"{C114}/news/16/a9000404.html": "http_404",
    f"{C114}/news/16/a9000500.html": "http_500",
    f"{C114}/news/16/a9000408.html": "timeout",
    f"{C114}/news/16/a9000310.html": "redirect_loop",
    f"{C114}/news/16/a9000206.html": "truncated",
    f"{C114}/news/16/a9000413.html": "too_large",
    f"{C114}/news/16/a9000307.html": "refused_redirect",
    f"{C114}/news/16/a9000301.html": "refused_redirect",
    f"{C114}/private/a9000999.html": "robots_disallowed",
}
EXPECTED_BLOCKED = {f"{C114}/news/16/a9000403.html": "challenge_title:安全验证",
                    f"{C114}/news/16/a9000200.html": "js_shell"}


def test_c114_fault_pages_are_recorded_and_good_pages_kept(fw_env, db_url, fault_mirror):
    [run] = crawl_sources(db_url, ["c114"], mirror=fault_mirror.url, run_key="faults", settings=load_settings())
    assert run.status == "partial"
    failures = {f["url"]: f["reason"] for f in run.details["failures"]}
    assert {u: r.split(":")[0] for u, r in failures.items()} == EXPECTED_FAILURES
    assert "169.254.169.254" in failures[f"{C114}/news/16/a9000307.html"]
    assert "outside allowed domains" in failures[f"{C114}/news/16/a9000301.html"]
    assert run.failed == len(EXPECTED_FAILURES) and run.blocked == len(EXPECTED_BLOCKED)
    assert {b["url"]: b["reason"] for b in run.details["blocked"]} == EXPECTED_BLOCKED
    assert not any(h[0] in ("169.254.169.254", "evil.example.com") for h in fault_mirror.hits)
    assert sum(1 for h in fault_mirror.hits if h[1] == "/news/16/a9000500.html") == 2  # retried once

    pages = query(db_url, "SELECT url, blocked_reason FROM raw_fetches WHERE kind = 'page'")
    kept = {p["url"] for p in pages if p["blocked_reason"] is None}
    good = set(fault_mirror.site.urls("c114", kind="page", folder="mirror"))  # the site's own articles
    assert kept == good and run.new == len(good)  # nothing else lost, no fault page kept as content
    assert {p["url"]: p["blocked_reason"] for p in pages if p["blocked_reason"]} == EXPECTED_BLOCKED
    seen = {r["url"]: r for r in query(db_url, "SELECT url, last_status, last_sha256 FROM seen_urls")}
    assert seen[f"{C114}/news/16/a9000404.html"]["last_status"] == 404
    assert seen[f"{C114}/news/16/a9000404.html"]["last_sha256"] is None  # retried next run, not skipped
    stored = query(db_url, "SELECT status, error, failed, blocked FROM crawl_runs WHERE run_key = 'faults'")[0]
    assert stored["status"] == "partial" and stored["failed"] == run.failed and "blocked" in stored["error"]


def test_attachment_caps_and_failures_are_recorded_per_page(fw_env, db_url, fault_mirror):
    [run] = crawl_sources(db_url, ["gd_gov"], mirror=fault_mirror.url, run_key="att", settings=load_settings())
    page = "http://gdii.gd.gov.cn/gkmlpt/content/4/4915/post_4915026.html"
    rows = {r["filename"]: r for r in query(db_url, "SELECT * FROM attachments WHERE page_url = %(p)s", {"p": page})}
    assert rows["big.zip"]["status"] == "too_large" and rows["big.zip"]["storage_key"] is None
    assert rows["missing.pdf"]["status"] == "failed"
    for name in ("4915026.pdf", "行动计划.docx"):
        assert rows[name]["status"] == "stored" and rows[name]["sha256"] and rows[name]["raw_fetch_id"], name
    assert rows["行动计划.docx"]["ext"] == "docx"
    # the fault listing's API page opens with a row that is no object, one without an address and a
    # create_time out of any calendar, and its real row's create_time in milliseconds: the odd row is one
    # listing failure, the real row is followed all the same
    listing = "http://gdii.gd.gov.cn/gkmlpt/api/all/0?page=1&sid=4"
    assert {(f["url"], f["reason"]) for f in run.details["failures"] if f["kind"] == "listing"} == {
        (listing, "malformed_row: string in articles")}
    assert run.new == run.listed == 5 and run.failed == 3 and run.status == "partial"
