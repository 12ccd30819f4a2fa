"""Rebuilding corpus texts that are not redistributed, offline.

`rebuild_text` is tested on synthetic text; `build_classify_corpus.py --fetch` runs end to end
against a real HTTP server on loopback that serves pages built from synthetic text and from a
public-domain item of the corpus (a Taiwan Legislative Yuan report, whose text is committed).
The pages differ from the stored excerpts the way live pages do: full-width punctuation,
paragraph markup instead of newlines, menus and footers around the article."""

import html
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from classify import corpus as fc
from tests.classify.test_corpus_integrity import load_script

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "classify_corpus"

SYNTHETIC = ("本測試段落由專案自行撰寫,描述一家虛構企業在量子通訊設備上的研發計畫。\n"
             "該企業表示,明年將擴大產能 2,000 台, 並與三所大學合作建立聯合實驗室。")
NEGATIVE = "這是一段自行撰寫的生活短文:週末到公園散步,看見孩子們放風箏,天氣晴朗。"


def to_page_style(text: str) -> str:
    """How a live page shows an excerpt: full-width commas and colons, no stored line breaks."""
    return text.replace(",", "\uff0c").replace(":", "\uff1a")


def article_page(title: str, text: str) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(to_page_style(p))}</p>" for p in text.split("\n"))
    return (f"<html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head><body>"
            f"<div class='nav'><a href='/'>首頁</a> <a href='/news'>新聞</a></div>"
            f"<div class='article'><h1>{html.escape(title)}</h1>{paragraphs}</div>"
            f"<div class='footer'>版權所有 測試網站</div></body></html>").encode("utf-8")


def item_for(text: str, **extra) -> dict:
    return {"sha256": fc.text_sha256(text), **fc.anchors_of(text), **extra}


def test_rebuild_finds_the_excerpt_despite_width_and_line_breaks():
    page = "選單 首頁 新聞\n" + to_page_style(SYNTHETIC).replace("\n", "\n\n  ") + "\n相關新聞 版權所有"
    assert fc.rebuild_text(item_for(SYNTHETIC), page) == SYNTHETIC


def test_rebuild_refuses_a_changed_or_missing_excerpt():
    changed = SYNTHETIC.replace("三所", "四所")
    assert fc.rebuild_text(item_for(SYNTHETIC), "前言\n" + changed + "\n後記") is None
    assert fc.rebuild_text(item_for(SYNTHETIC), "完全無關的頁面內容。") is None
    assert fc.rebuild_text(item_for(SYNTHETIC), "") is None


def test_anchors_hold_no_more_than_six_characters_at_each_end():
    anchors = fc.anchors_of(SYNTHETIC)
    assert anchors["anchor_head"] == SYNTHETIC[:6] and anchors["anchor_tail"] == SYNTHETIC[-6:]
    assert anchors["length"] == len(SYNTHETIC)
    assert fc.with_spaces("".join(SYNTHETIC.split()), anchors["spaces"]) == SYNTHETIC


def test_text_cache_path_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(fc.TEXTS_ENV, str(tmp_path / "t.jsonl"))
    assert fc.default_texts_path() == tmp_path / "t.jsonl"
    monkeypatch.delenv(fc.TEXTS_ENV)
    assert fc.default_texts_path().parts[-3:] == ("futurewatch", "classify_corpus", "texts.jsonl")


def test_a_bad_cache_line_is_a_one_line_error(tmp_path):
    cache = tmp_path / "texts.jsonl"
    cache.write_text('{"id": "a", "text": "x"}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"texts.jsonl:2: not JSON"):
        fc.read_texts(cache)


class _Pages(BaseHTTPRequestHandler):
    pages: dict[str, bytes] = {}

    def do_GET(self):  # noqa: N802 - http.server's hook name
        body = self.pages.get(self.path)
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body or b"not found")

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Pages.pages
    server.shutdown()
    server.server_close()
    _Pages.pages.clear()


def public_domain_item() -> dict:
    rows = fc.read_jsonl(CORPUS / "items_tc.jsonl")
    return next(r for r in rows if r["id"] == "tc-0179")  # Legislative Yuan report: tw-official-document


def full_item(item_id: str, text: str, url: str, codes: list[str], title: str = "") -> dict:
    return {"id": item_id, "lang": "zh-Hant", "title": title, "text": text, "codes": codes,
            "genre": "industry_news" if codes else "lifestyle_health", "trap_terms": [], "url": url,
            "origin": "test", "retrieved": "2026-11-30"}


def test_fetch_rebuilds_texts_over_http_into_the_cache(tmp_path, site, capsys):
    base, pages = site
    official = public_domain_item()
    folder, cache = tmp_path / "corpus", tmp_path / "cache" / "texts.jsonl"
    folder.mkdir()
    (folder / "licences.yaml").write_text((CORPUS / "licences.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    full = [full_item("tc-9001", SYNTHETIC, f"{base}/a.html", ["quantum"], "虛構企業研發量子通訊"),
            full_item("tc-9002", official["text"], f"{base}/ly.html", official["codes"], official["title"]),
            full_item("tc-9003", NEGATIVE, f"{base}/gone.html", [])]
    pages["/a.html"] = article_page("虛構企業研發量子通訊", SYNTHETIC)
    pages["/ly.html"] = article_page(official["title"], official["text"])
    scratch = tmp_path / "items_tc.jsonl"
    scratch.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in full), encoding="utf-8")
    script = load_script()

    assert script.main(["--folder", str(folder), "--texts", str(tmp_path / "scratch_cache.jsonl"),
                        "--import", str(scratch)]) == 0
    committed = (folder / "items_tc.jsonl").read_text(encoding="utf-8")
    assert "虛構企業在量子通訊" not in committed and '"text"' not in committed  # loopback host: not redistributed
    assert [i.text for i in fc.load_corpus(folder, texts=cache)] == [None, None, None]

    assert script.main(["--folder", str(folder), "--texts", str(cache), "--fetch", "--delay", "0"]) == 1
    err = capsys.readouterr().err
    assert "tc-9003: fetch failed" in err and "rebuilt 2" in err
    loaded = {i.id: i.text for i in fc.load_corpus(folder, texts=cache)}
    assert loaded == {"tc-9001": SYNTHETIC, "tc-9002": official["text"], "tc-9003": None}

    pages["/gone.html"] = article_page("散步", "前一段。\n" + NEGATIVE.replace("散步", "跑步"))
    assert script.main(["--folder", str(folder), "--texts", str(cache), "--fetch", "--delay", "0"]) == 1
    assert "tc-9003: excerpt not found" in capsys.readouterr().err
    pages["/gone.html"] = article_page("散步", NEGATIVE)
    assert script.main(["--folder", str(folder), "--texts", str(cache), "--fetch", "--delay", "0"]) == 0
    assert all(i.text for i in fc.load_corpus(folder, texts=cache))


def test_from_pages_rebuilds_texts_offline_from_page_text_files(tmp_path, capsys):
    folder, cache = tmp_path / "corpus", tmp_path / "texts.jsonl"
    folder.mkdir()
    (folder / "licences.yaml").write_text((CORPUS / "licences.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    full = [full_item("tc-9101", SYNTHETIC, "https://example.invalid/a", ["quantum"]),
            full_item("tc-9102", NEGATIVE, "https://example.invalid/b", [])]
    scratch = tmp_path / "items_tc.jsonl"
    scratch.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in full), encoding="utf-8")
    script = load_script()
    assert script.main(["--folder", str(folder), "--texts", str(tmp_path / "scratch.jsonl"),
                        "--import", str(scratch)]) == 0
    plain = tmp_path / "page.txt"
    plain.write_text("選單 首頁\n" + to_page_style(SYNTHETIC) + "\n版權所有", encoding="utf-8")
    pages = tmp_path / "pages.jsonl"
    pages.write_text(json.dumps({"text": "無關頁面"}, ensure_ascii=False) + "\n"
                     + json.dumps({"text": NEGATIVE.replace("散步", "跑步")}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    capsys.readouterr()

    assert script.main(["--folder", str(folder), "--texts", str(cache), "--from-pages", str(plain), str(pages)]) == 0
    out, err = capsys.readouterr()
    assert out.split() == ["tc-9101"] and "1 of 2 missing texts rebuilt from 2 files" in err
    assert {i.id: i.text for i in fc.load_corpus(folder, texts=cache)} == {"tc-9101": SYNTHETIC, "tc-9102": None}
