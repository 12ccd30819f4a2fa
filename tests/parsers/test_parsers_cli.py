"""`futurewatch parse` and `futurewatch process` through the real CLI app."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from typer.testing import CliRunner

from futurewatch.app.cli import app
from tests.parsers.test_parsers_process import add_fixture, add_sources, rows

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
KEYS = {"title", "text", "published_at", "author", "origin", "lang", "doc_number", "issuers", "index_no",
        "written_at", "attachments", "parser"}


def test_parse_prints_one_json_object_with_the_contract_keys(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(gzip.decompress((FIXTURES / "c114" / "constructed" / "c114_2025_02_14.html.gz").read_bytes()))  # GBK bytes
    result = CliRunner().invoke(app, ["parse", str(page), "--url", "https://www.c114.com.cn/4app/3542/a1283251.html",
                                      "--fetched-at", "2025-09-01T10:00:00+08:00"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert KEYS <= set(out)
    assert out["parser"] == "c114.V1_1" and out["published_at"] == "2025-02-14T09:25:00+08:00"
    assert "量子科技" in out["text"] and out["lang"] == "zh-Hans"


def test_parse_unknown_host_uses_generic_and_bad_input_is_one_line(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes("<html><body><h1>未来产业</h1><p>广东培育发展未来产业，建设现代化产业体系。</p></body></html>".encode())
    result = CliRunner().invoke(app, ["parse", str(page), "--url", "https://blog.example.cn/p/1.html"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["parser"] == "generic.V1"
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    refused = CliRunner().invoke(app, ["parse", str(empty), "--url", "https://blog.example.cn/p/1.html"])
    assert refused.exit_code == 1 and refused.stdout == "" and refused.stderr.strip().endswith("empty page")
    missing = CliRunner().invoke(app, ["parse", str(tmp_path / "nope.html"), "--url", "https://x.cn/"])
    assert missing.exit_code == 2 and "Traceback" not in missing.output


def test_process_command_runs_and_reports(fw_env):
    add_sources(fw_env.db_url)
    add_fixture(fw_env.db_url, "nanfang_2024_03_01")
    result = CliRunner().invoke(app, ["process", "--batch-size", "5"])
    assert result.exit_code == 0, result.output
    assert "1 pages: 1 new documents" in result.stdout
    assert rows(fw_env.db_url, "SELECT count(*) AS n FROM documents")[0]["n"] == 1
    again = CliRunner().invoke(app, ["process", "--reparse"])
    assert again.exit_code == 0 and "1 reparsed" in again.stdout
