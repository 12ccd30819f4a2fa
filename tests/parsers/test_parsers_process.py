"""process_pending on a real PostgreSQL: reprints, versions, idempotence, --reparse, attachments."""

from __future__ import annotations

import gzip
import io
import json
from datetime import datetime, timedelta
from pathlib import Path

import docx
import pytest

from futurewatch.core.db import connect
from futurewatch.core.rawstore import open_raw_store
from parsers.process import process_pending
from futurewatch.core.config import load_settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SOURCES = ("c114", "nanfang", "gd_gov", "govcn", "miit", "chinanews", "takungpao")


def fixture(stem: str) -> tuple[bytes, dict]:
    source = stem.rsplit("_", 3)[0]
    folder = FIXTURES / source / "constructed"
    return gzip.decompress((folder / f"{stem}.html.gz").read_bytes()), json.loads((folder / f"{stem}.meta.json").read_text())


def add_sources(db_url: str) -> None:
    with connect(db_url) as conn:
        for sid in SOURCES:
            conn.execute("INSERT INTO sources (source_id, name, kind) VALUES (%(s)s, %(s)s, 'news') ON CONFLICT DO NOTHING",
                         {"s": sid})


def add_fetch(db_url: str, source_id: str, page_url: str, body: bytes, fetched_at: datetime, *, kind: str = "page",
              parent_url: str | None = None, hints: dict | None = None, storage_key: str | None = None) -> int:
    sha, key = open_raw_store(load_settings()).put(body)
    with connect(db_url) as conn:
        row = conn.execute(
            """INSERT INTO raw_fetches (source_id, url, final_url, status, fetched_at, sha256, size_bytes, storage_key,
                   kind, parent_url, hints)
               VALUES (%(s)s, %(u)s, %(u)s, 200, %(t)s, %(sha)s, %(n)s, %(k)s, %(kind)s, %(parent)s, %(hints)s)
               RETURNING raw_fetch_id""",
            {"s": source_id, "u": page_url, "t": fetched_at, "sha": sha, "n": len(body), "k": storage_key or key,
             "kind": kind, "parent": parent_url, "hints": json.dumps(hints or {})}).fetchone()
    return row["raw_fetch_id"]


def add_fixture(db_url: str, stem: str, *, body: bytes | None = None, days_later: int = 0) -> int:
    raw, meta = fixture(stem)
    when = datetime.fromisoformat(meta["crawl_date"]) + timedelta(days=days_later)
    return add_fetch(db_url, stem.rsplit("_", 3)[0], meta["url"], body or raw, when)


def rows(db_url: str, sql: str, params: dict | None = None) -> list[dict]:
    with connect(db_url) as conn:
        return conn.execute(sql, params or {}).fetchall()


@pytest.fixture
def db(fw_env):
    url = fw_env.db_url
    add_sources(url)
    return url


def test_reprint_clusters_into_one_story_with_two_documents(db):
    add_fixture(db, "chinanews_2024_03_01")
    add_fixture(db, "nanfang_2024_03_01")
    add_fixture(db, "c114_2025_02_14")
    summary = process_pending(db, settings=load_settings())
    assert summary.pages == 3 and summary.documents_new == 3 and summary.failed == 0
    docs = rows(db, "SELECT source_id, story_id, doc_key FROM documents ORDER BY source_id")
    by_source = {d["source_id"]: d for d in docs}
    assert by_source["chinanews"]["story_id"] == by_source["nanfang"]["story_id"] is not None
    assert by_source["c114"]["story_id"] != by_source["nanfang"]["story_id"]
    assert by_source["c114"]["doc_key"] == "c114:a1283251"
    assert summary.stories_new == 2
    version = rows(db, "SELECT editor, text, parser, lang FROM document_versions v JOIN documents d USING (document_id) "
                       "WHERE d.source_id = 'chinanews'")[0]
    assert version["editor"] == "张燕玲" and "万博" not in version["text"] and version["parser"] == "chinanews.V1"


def test_changed_page_becomes_version_two_and_rerun_is_idempotent(db):
    raw, _ = fixture("chinanews_2024_03_01")
    add_fixture(db, "chinanews_2024_03_01")
    process_pending(db, settings=load_settings())
    changed = raw.replace("到2035年，基本形成若干领跑全球的未来产业集群。".encode(), "更正：新增一段说明。".encode())
    assert changed != raw
    add_fixture(db, "chinanews_2024_03_01", body=changed, days_later=1)
    summary = process_pending(db, settings=load_settings())
    assert summary.pages == 1 and summary.versions_new == 1 and summary.documents_new == 0
    versions = rows(db, "SELECT version_no, replaces_version_id, change_summary FROM document_versions ORDER BY version_no")
    assert [v["version_no"] for v in versions] == [1, 2]
    assert "更正：新增一段说明。" in " ".join(versions[1]["change_summary"]["added"])
    assert versions[1]["change_summary"]["removed"]
    current = rows(db, "SELECT current_version_id FROM documents")[0]["current_version_id"]
    assert current == rows(db, "SELECT version_id FROM document_versions WHERE version_no = 2")[0]["version_id"]
    again = process_pending(db, settings=load_settings())
    assert again.pages == 0
    assert rows(db, "SELECT count(*) AS n FROM document_versions")[0]["n"] == 2


def test_same_bytes_fetched_again_add_nothing(db):
    add_fixture(db, "c114_2025_02_14")
    process_pending(db, settings=load_settings())
    raw, meta = fixture("c114_2025_02_14")
    add_fetch(db, "c114", meta["url"] + "?utm_source=rss", raw, datetime.fromisoformat(meta["crawl_date"]))
    summary = process_pending(db, settings=load_settings())
    assert summary.pages == 1 and summary.unchanged == 1 and summary.versions_new == 0
    assert rows(db, "SELECT count(*) AS n FROM documents")[0]["n"] == 1


def test_reparse_rebuilds_in_place_without_new_versions(db):
    for stem in ("govcn_2024_01_29", "govcn_2024_01_30", "takungpao_2023_06_02"):
        add_fixture(db, stem)
    first = process_pending(db, settings=load_settings())
    assert first.documents_new == 3
    with connect(db) as conn:
        conn.execute("UPDATE document_versions SET text = 'stale', parser = 'old.V0'")
    again = process_pending(db, reparse=True, batch_size=2, settings=load_settings())
    assert again.reparsed == 3 and again.versions_new == 0
    texts = rows(db, "SELECT text, parser FROM document_versions")
    assert all(t["text"] != "stale" and t["parser"] != "old.V0" for t in texts)
    assert rows(db, "SELECT count(*) AS n FROM document_versions")[0]["n"] == 3


@pytest.mark.parametrize("order", [("govcn_2024_01_29", "govcn_2024_01_30"), ("govcn_2024_01_30", "govcn_2024_01_29")],
                         ids=["policy_first", "interpretation_first"])
def test_policy_metadata_and_interpretation_link(db, order):
    for stem in order:
        add_fixture(db, stem)
    process_pending(db, settings=load_settings())
    meta = rows(db, """SELECT d.doc_key, d.kind, p.* FROM policy_metadata p JOIN document_versions v USING (version_id)
                       JOIN documents d ON d.document_id = v.document_id ORDER BY d.doc_key""")
    policy, jiedu = meta
    assert policy["doc_number"] == "国办函〔2024〕5号" and policy["issuers"] == ["国务院办公厅"] and policy["kind"] == "policy"
    assert str(policy["written_at"]) == "2024-01-18" and str(policy["effective_on"]) == "2024-03-01"
    policy_id = rows(db, "SELECT document_id FROM documents WHERE doc_key = 'govcn:6929011'")[0]["document_id"]
    assert jiedu["kind"] == "interpretation" and jiedu["interprets_document_id"] == policy_id


def _docx_bytes(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_short_policy_notice_takes_attachment_text(db):
    raw, meta = fixture("miit_2024_01_29")
    att_url = "https://www.miit.gov.cn/cms_files/filemanager/1226211233/attach/20241/实施意见.docx"
    full = ["一、总体要求", "以传统产业的高端化升级和前沿技术的产业化落地为主线。" * 40, "二、重点任务"]
    add_fetch(db, "miit", att_url, _docx_bytes(full), datetime.fromisoformat(meta["crawl_date"]), kind="attachment",
              parent_url=meta["url"])
    add_fixture(db, "miit_2024_01_29")
    summary = process_pending(db, settings=load_settings())
    assert summary.pages == 1  # the attachment fetch is not a page
    text = rows(db, "SELECT text FROM document_versions")[0]["text"]
    assert "一、总体要求" in text and "二、重点任务" in text
    att = rows(db, "SELECT status, ext, size_bytes, document_id FROM attachments")[0]
    assert att["status"] == "extracted" and att["ext"] == "docx" and att["size_bytes"] > 0 and att["document_id"]


def test_an_attachment_whose_bytes_are_gone_fails_alone(db):
    """The raw store lost an attachment's file: the attachment is 'failed', the page still a document
    (store.get raised out of parse_row and the page got a process_error instead)."""
    raw, meta = fixture("gd_gov_2024_02_24")
    ofd = "http://www.gd.gov.cn/attachment/0/540/540513/4366123.ofd"
    add_fetch(db, "gd_gov", ofd, b"PK", datetime.fromisoformat(meta["crawl_date"]), kind="attachment",
              parent_url=meta["url"], storage_key="local:" + "0" * 64)
    add_fixture(db, "gd_gov_2024_02_24")
    summary = process_pending(db, settings=load_settings())
    assert (summary.failed, summary.documents_new) == (0, 1)
    atts = {a["ext"]: a["status"] for a in rows(db, "SELECT ext, status FROM attachments")}
    assert atts["ofd"] == "failed" and atts["pdf"] == "linked"


def test_an_attachment_lost_after_extraction_keeps_its_text(db):
    """A short notice took its attachment's text; the raw store then lost the file. --reparse (and any
    reprocessing) keeps the text extracted before: the version is not rewritten to the bare notice, and
    the attachment is not marked failed."""
    raw, meta = fixture("miit_2024_01_29")
    att_url = "https://www.miit.gov.cn/cms_files/filemanager/1226211233/attach/20241/实施意见.docx"
    full = ["一、总体要求", "以传统产业的高端化升级和前沿技术的产业化落地为主线。" * 40, "二、重点任务"]
    body = _docx_bytes(full)
    add_fetch(db, "miit", att_url, body, datetime.fromisoformat(meta["crawl_date"]), kind="attachment",
              parent_url=meta["url"])
    add_fixture(db, "miit_2024_01_29")
    process_pending(db, settings=load_settings())
    before = rows(db, "SELECT version_id, text, content_hash FROM document_versions")
    store = open_raw_store(load_settings())
    store._path(store.put(body)[0]).unlink()  # the file is gone; its raw_fetches row stays
    reparse = process_pending(db, settings=load_settings(), reparse=True)
    assert (reparse.failed, reparse.reparsed) == (0, 1)
    assert rows(db, "SELECT version_id, text, content_hash FROM document_versions") == before
    assert "二、重点任务" in before[0]["text"]
    assert rows(db, "SELECT status FROM attachments")[0]["status"] == "extracted"


def test_unsupported_attachment_recorded_with_type_and_size(db):
    raw, meta = fixture("gd_gov_2024_02_24")
    ofd = "http://www.gd.gov.cn/attachment/0/540/540513/4366123.ofd"
    add_fetch(db, "gd_gov", ofd, b"PK\x03\x04ofd-bytes" * 10, datetime.fromisoformat(meta["crawl_date"]),
              kind="attachment", parent_url=meta["url"])
    add_fixture(db, "gd_gov_2024_02_24")
    process_pending(db, settings=load_settings())
    atts = {a["ext"]: a for a in rows(db, "SELECT ext, status, size_bytes FROM attachments")}
    assert atts["ofd"]["status"] == "unsupported" and atts["ofd"]["size_bytes"] == 130
    assert atts["pdf"]["status"] == "linked"


def test_a_broken_row_is_recorded_and_the_run_continues(db):
    raw, meta = fixture("c114_2025_02_14")
    add_fetch(db, "c114", "https://www.c114.com.cn/4app/3542/a1.html", raw, datetime.fromisoformat(meta["crawl_date"]),
              storage_key="local:" + "0" * 64)
    add_fixture(db, "takungpao_2023_06_02")
    summary = process_pending(db, settings=load_settings())
    assert summary.failed == 1 and summary.pages == 2 and summary.documents_new == 1
    errors = rows(db, "SELECT process_error FROM raw_fetches WHERE process_error IS NOT NULL")
    assert len(errors) == 1 and "FileNotFoundError" in errors[0]["process_error"]
    assert process_pending(db, settings=load_settings()).pages == 0


def test_identical_content_at_two_urls_of_a_site_without_ids_is_one_document(db):
    with connect(db) as conn:
        conn.execute("INSERT INTO sources (source_id, name, kind) VALUES ('example', 'Example', 'news')")
    body = ("<html><head><title>某县召开未来产业推进会</title></head><body><div class='nav'><a href='/'>首页</a></div>"
            "<div class='article'><h1>某县召开未来产业推进会</h1>" + "<p>会议强调，要抢抓机遇，加快培育未来产业，推动高质量发展。</p>" * 6
            + "</div></body></html>").encode()
    when = datetime.fromisoformat("2024-03-01T10:00:00+08:00")
    add_fetch(db, "example", "https://news.example.cn/a/1.html", body, when)
    add_fetch(db, "example", "https://news.example.cn/print/1.html", body, when)
    summary = process_pending(db, settings=load_settings())
    assert summary.pages == 2 and summary.documents_new == 1
    assert rows(db, "SELECT count(*) AS n FROM document_urls")[0]["n"] == 2
    assert rows(db, "SELECT parser FROM document_versions")[0]["parser"] == "generic.V1"
