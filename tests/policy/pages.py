"""Policy texts wrapped in the markup of the sites that publish them, for parse_page.

gkmlpt (Guangdong portals: body and metadata in window._CONFIG.DETAIL), gov.cn template A
(table.bd1 metadata cells), gov.cn template B (h1#ti, div.pages-date, no metadata), and MIIT
(div.xxgk-box spans). The texts come from tests/fixtures/policy (copies of the seeds).
"""

from __future__ import annotations

import html
import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from parsers.api import parse_page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "policy"
FETCHED = datetime(2024, 3, 1, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def seed_lines(name: str) -> list[str]:
    """Non-empty lines of a seed text (front matter dropped)."""
    text = next(FIXTURES.glob(f"seed_{name}_*.txt")).read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text[3:].partition("\n---")[2]
    return [line.strip() for line in text.splitlines() if line.strip()]


def paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{html.escape(line)}</p>" for line in lines)


def gkmlpt(title: str, lines: list[str], **detail) -> str:
    data = {"title": title, "content": paragraphs(lines), "created_at": "2024-02-18 10:00:00", **detail}
    script = json.dumps(data, ensure_ascii=False).replace("<", "\\u003C")
    return (f"<html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head><body><div id='app'></div>"
            f"<script>window._CONFIG = {{SID: '4', DETAIL: {script}}};</script></body></html>")


def govcn_a(title: str, lines: list[str], cells: dict[str, str], extra: str = "") -> str:
    rows = "".join(f"<tr><td><b>{k}：</b></td><td>{html.escape(v)}</td></tr>" for k, v in cells.items())
    return (f"<html><head><meta charset='utf-8'><title>{html.escape(title)}__中国政府网</title></head><body>"
            f"<table class='bd1'>{rows}</table><div class='pages_content'><div id='UCAP-CONTENT'>{paragraphs(lines)}"
            f"</div></div>{extra}</body></html>")


def govcn_b(title: str, lines: list[str], day: str = "2024-01-29 10:30") -> str:
    return (f"<html><head><meta charset='utf-8'><title>{html.escape(title)}_中国政府网</title></head><body>"
            f"<div class='article'><h1 id='ti'>{html.escape(title)}</h1><div class='pages-date'>{day}"
            f"<span class='font'>来源：工业和信息化部网站</span></div><div id='UCAP-CONTENT'>{paragraphs(lines)}</div>"
            "</div></body></html>")


def miit(title: str, lines: list[str], cells: dict[str, str]) -> str:
    spans = "".join(f"<p><span>{k}：</span><span>{html.escape(v)}</span></p>" for k, v in cells.items())
    return (f"<html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head><body>"
            f"<div class='xxgk-box'>{spans}</div><h1 id='con_title'>{html.escape(title)}</h1>"
            f"<div class='cinfo'>发布时间：2024-01-29</div><div id='con_con'>{paragraphs(lines)}</div></body></html>")


def parse(markup: str, url: str, source_id: str | None = None):
    return parse_page(markup.encode("utf-8"), url, source_id=source_id, fetched_at=FETCHED)
