"""`futurewatch parse` prints a policy's completed metadata (issuers with level and region, dates,
links, measures) besides the contract keys."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from futurewatch.app.cli import app
from tests.policy.test_policy_store import CITY


def test_parse_prints_policy_issuers_links_and_measures(tmp_path):
    url, markup = CITY
    page = tmp_path / "page.html"
    page.write_text(markup, encoding="utf-8")
    result = CliRunner().invoke(app, ["parse", str(page), "--url", url, "--source", "gd_gov",
                                      "--fetched-at", "2024-03-01T12:00:00+08:00"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["doc_number"] == "穗府办规〔2024〕3号"
    policy = out["policy"]
    assert policy["issuers"] == [{"name": "广州市人民政府办公厅", "level": "city", "region": "广州市"}]
    assert policy["validity"] == "in_force" and policy["region"] == "广州市"
    [ref] = [r for r in policy["references"] if r["relation"] == "implements"]
    assert ref["doc_number"] == "粤工信电子〔2024〕2号"
    assert [(m["kind"], m["amount_yuan"], m["due_on"]) for m in policy["measures"]] == [
        ("funding", 10000000, None), ("deadline", None, "2024-03-20")]


def test_parse_of_news_has_no_policy_key(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes("<html><body><h1>未来产业</h1><p>广东培育发展未来产业，建设现代化产业体系。</p></body></html>".encode())
    result = CliRunner().invoke(app, ["parse", str(page), "--url", "https://blog.example.cn/p/1.html"])
    assert result.exit_code == 0 and "policy" not in json.loads(result.stdout)
