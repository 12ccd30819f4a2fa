"""One parametrized test over the registry: every stored page parses to its expected JSON."""

from __future__ import annotations

import gzip
import json
from datetime import datetime
from pathlib import Path

import pytest

from parsers.api import parse_page
from futurewatch.core.encoding import decode_html, find_mojibake
from parsers.registry import PUBLISHERS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def fixture_cases():
    for pub in PUBLISHERS:
        for kind in ("constructed", "real"):  # real pages count once their expected JSON is written
            for page in sorted((FIXTURES / pub.source_id / kind).glob("*.html.gz")):
                if page.with_name(page.name.replace(".html.gz", ".expected.json")).exists():
                    yield pytest.param(pub, page, id=f"{kind}/{page.name.removesuffix('.html.gz')}")


def load_case(page: Path):
    stem = page.name.removesuffix(".html.gz")
    meta = json.loads((page.parent / f"{stem}.meta.json").read_text())
    expected = json.loads((page.parent / f"{stem}.expected.json").read_text("utf-8"))
    return gzip.decompress(page.read_bytes()), meta, expected


@pytest.mark.parametrize("pub", PUBLISHERS, ids=lambda p: p.source_id)
def test_every_publisher_has_a_fixture(pub):
    assert list((FIXTURES / pub.source_id / "constructed").glob("*.html.gz")), f"no fixture page for {pub.source_id}"


@pytest.mark.parametrize("pub,page", list(fixture_cases()))
def test_fixture_parses_to_expected(pub, page):
    body, meta, expected = load_case(page)
    fetched_at = datetime.fromisoformat(meta["crawl_date"])
    version = pub.parser_for(fetched_at)
    assert version.__name__ in expected, f"no expected output for {version.name()}"
    doc = parse_page(body, meta["url"], fetched_at=fetched_at)  # source found from the URL host
    assert doc.source_id == pub.source_id
    assert doc.to_contract() == expected[version.__name__]


@pytest.mark.parametrize("pub,page", list(fixture_cases()))
def test_fixture_output_has_no_mojibake(pub, page):
    body, meta, _ = load_case(page)
    assert find_mojibake(decode_html(body).text) is None
    doc = parse_page(body, meta["url"], fetched_at=datetime.fromisoformat(meta["crawl_date"]))
    for value in (doc.title, doc.text, doc.author or "", doc.origin or ""):
        assert find_mojibake(value) is None
    assert not doc.is_empty


def test_version_is_chosen_by_fetch_date():
    pub = next(p for p in PUBLISHERS if p.source_id == "takungpao")
    assert pub.parser_for(datetime.fromisoformat("2019-06-02T08:00:00+08:00")).__name__ == "V1"
    assert pub.parser_for(datetime.fromisoformat("2023-06-02T08:00:00+08:00")).__name__ == "V1_1"
    assert pub.parser_for(None).__name__ == "V1_1"


def test_the_fetch_day_is_the_shanghai_day_whatever_zone_the_time_carries():
    pub = next(p for p in PUBLISHERS if p.source_id == "takungpao")  # V1 until 2020-12-31
    last_v1 = datetime.fromisoformat("2020-12-31T15:59:59+00:00")  # 23:59:59 in Shanghai
    first_v1_1 = datetime.fromisoformat("2020-12-31T16:00:00+00:00")  # 2021-01-01 00:00 in Shanghai: still the 31st in UTC
    assert pub.parser_for(last_v1).__name__ == "V1" and pub.parser_for(first_v1_1).__name__ == "V1_1"


def test_capture_tool_turns_an_article_capture_into_a_real_fixture(tmp_path):
    """scripts/capture_fixtures.py's offline half: a stored capture → page, provenance, expected JSON."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("capture_fixtures", FIXTURES.parents[1] / "scripts" / "capture_fixtures.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    body, meta, _ = load_case(FIXTURES / "nanfang" / "constructed" / "nanfang_2024_03_01.html.gz")
    captures = tmp_path / "captures" / "nanfang"
    captures.mkdir(parents=True)
    (captures / "nanfang_2024_03_01_01.html.gz").write_bytes(gzip.compress(body))
    capture_meta = {"url": meta["url"], "final_url": meta["url"], "status": 200, "kind": "page",
                    "fetched_at": meta["crawl_date"], "headers": {}, "file": "nanfang_2024_03_01_01.html.gz"}
    (captures / "nanfang_2024_03_01_01.meta.json").write_text(json.dumps(capture_meta))
    written = tool.write_real_fixture(captures / "nanfang_2024_03_01_01.meta.json", tmp_path / "fixtures")
    assert written == tmp_path / "fixtures" / "nanfang" / "real" / "nanfang_2024_03_01_01.meta.json"
    stored = json.loads(written.read_text())
    assert stored["origin"]["kind"] == "real" and stored["crawl_date"] == meta["crawl_date"]
    expected = json.loads(written.with_name("nanfang_2024_03_01_01.expected.json").read_text())
    assert "V1" in expected and expected["V1"]["title"]
    listing = dict(capture_meta, kind="listing", file="x.html.gz")
    (captures / "x.meta.json").write_text(json.dumps(listing))
    assert tool.write_real_fixture(captures / "x.meta.json", tmp_path / "fixtures") is None


def test_write_expected_stores_the_parse_under_its_version(tmp_path):
    from tests.parsers.write_expected import write_expected
    page = FIXTURES / "govcn" / "constructed" / "govcn_2024_01_29.html.gz"
    stem = page.name.removesuffix(".html.gz")
    for name in (page.name, f"{stem}.meta.json"):
        (tmp_path / name).write_bytes((page.parent / name).read_bytes())
    version = write_expected(tmp_path / page.name)
    written = json.loads((tmp_path / f"{stem}.expected.json").read_text("utf-8"))
    committed = json.loads((page.parent / f"{stem}.expected.json").read_text("utf-8"))
    assert list(written) == [version]
    assert written[version] == committed[version]
