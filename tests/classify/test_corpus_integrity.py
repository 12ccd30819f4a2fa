"""Integrity and licence hygiene of the committed classification corpus.

Reads tests/fixtures/classify_corpus/items_*.jsonl as committed (no text cache needed): every
line has the schema, ids and excerpt hashes are unique, codes are taxonomy codes, the split
follows the id rule (re-implemented here on purpose, so a change to the build script cannot move
items unnoticed), every licence is the one licences.yaml decides, and text is present exactly
where that licence allows it. The shipped validator must flag what these tests flag."""

import hashlib
import importlib.util
import json
import logging
from collections import Counter
from pathlib import Path

import pytest

from classify import corpus as fc
from classify.corpus_licences import licence_for, read_licences
from futurewatch.core.taxonomy import read_taxonomy

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "classify_corpus"
REQUIRED = {"id", "lang", "title", "codes", "genre", "trap_terms", "url", "origin", "retrieved",
            "sha256", "split", "licence", "length", "anchor_head", "anchor_tail", "spaces"}


def expected_split(item_id: str) -> str:
    h = int(hashlib.sha256(item_id.encode("utf-8")).hexdigest(), 16)
    if h % 4 == 0:
        return "test"
    return "dev" if h % 5 == 0 else "train"


def load_script():
    spec = importlib.util.spec_from_file_location("build_classify_corpus",
                                                  ROOT / "scripts" / "build_classify_corpus.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


@pytest.fixture(scope="module")
def items():
    files = sorted(CORPUS.glob("items_*.jsonl"))
    assert [f.name for f in files] == ["items_sc.jsonl", "items_tc.jsonl"]
    rows = []
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                pytest.fail(f"{path.name}:{n} is not JSON: {exc}")
    return rows


@pytest.fixture(scope="module")
def table():
    return read_licences(CORPUS / "licences.yaml")


def test_every_item_has_the_schema_fields(items):
    missing = {i.get("id", "?"): sorted(REQUIRED - set(i)) for i in items if REQUIRED - set(i)}
    assert not missing


def test_ids_and_excerpt_hashes_are_unique(items):
    for field in ("id", "sha256"):
        repeated = [v for v, n in Counter(i[field] for i in items).items() if n > 1]
        assert not repeated, (field, repeated[:3])


def test_codes_are_taxonomy_codes(items):
    codes = set(read_taxonomy().codes())
    bad = {i["id"]: i["codes"] for i in items
           if set(i["codes"]) - codes or len(set(i["codes"])) != len(i["codes"])}
    assert not bad


def test_split_follows_the_id_rule(items):
    wrong = {i["id"]: i["split"] for i in items if i["split"] != expected_split(i["id"])}
    assert not wrong


def test_corpus_meets_the_issue_minimums(items):
    negatives_with_traps = [i for i in items if not i["codes"] and i["trap_terms"]]
    present = {c for i in items for c in i["codes"]}
    assert len(items) >= 600
    assert len(negatives_with_traps) >= 200
    assert sum(i["lang"] == "zh-Hant" for i in items) >= 150
    assert present == set(read_taxonomy().codes())


def test_each_licence_is_what_the_table_decides(items, table):
    wrong = {i["id"]: i["licence"] for i in items if i["licence"] != licence_for(i["id"], i["url"], table)}
    assert not wrong


def test_text_is_committed_only_where_the_licence_allows(items, table):
    misplaced = [i["id"] for i in items if ("text" in i) != table.store_text(i["licence"])]
    stored = [i for i in items if "text" in i]
    assert not misplaced
    assert stored, "the openly licensed and official items keep their text"
    assert all(i["licence"] != "not-redistributed" for i in stored)


def test_anchors_are_short_and_stored_texts_match_hash_and_anchors(items):
    long_anchors = [i["id"] for i in items if max(len(i["anchor_head"]), len(i["anchor_tail"])) > fc.ANCHOR]
    assert not long_anchors
    for item in (i for i in items if "text" in i):
        assert fc.text_sha256(item["text"]) == item["sha256"], item["id"]
        assert {k: item[k] for k in ("length", "anchor_head", "anchor_tail", "spaces")} == fc.anchors_of(item["text"])


def test_spaces_carry_only_whitespace(items):
    bad = [i["id"] for i in items for _, run in i["spaces"] if run.strip()]
    assert not bad


def test_load_corpus_joins_stored_texts_and_reports_the_rest(items, caplog):
    with caplog.at_level(logging.INFO, logger="classify.corpus"):
        loaded = fc.load_corpus(texts={})
    assert [i.id for i in loaded] == sorted(i["id"] for i in items)
    with_text = {i.id for i in loaded if i.text is not None}
    assert with_text == {i["id"] for i in items if "text" in i}
    assert f"missing {len(items) - len(with_text)}" in caplog.text
    assert fc.REBUILD_HINT in caplog.text


def test_build_script_passes_the_corpus_and_flags_broken_items(items, table):
    script = load_script()
    codes = set(read_taxonomy().codes())
    assert script.corpus_problems(items, codes, table) == []
    stored = next(i for i in items if "text" in i)
    hidden = next(i for i in items if i["licence"] == "not-redistributed")
    broken = [
        dict(stored, text=stored["text"] + "。", codes=["no_such_code"], split="nowhere"),
        dict(hidden, text="不該出現在倉庫裡的全文"),
        dict(hidden, id="sc-9999", url="https://www.example.gov.cn/a.html", licence="prc-official-document"),
        {k: v for k, v in stored.items() if k != "licence"},
        {k: v for k, v in next(i for i in items if "attribution" in i).items() if k != "attribution"},
    ]
    problems = "\n".join(script.corpus_problems(broken, codes, table))
    for expected in ("sha256", "codes", "split", "text must be absent", "needs a licence review",
                     "missing field licence", "attribution"):
        assert expected in problems


def test_bad_table_or_import_gives_a_one_line_error(tmp_path, capsys):
    (tmp_path / "licences.yaml").write_text("hosts: [\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a valid licence table"):
        read_licences(tmp_path / "licences.yaml")
    (tmp_path / "licences.yaml").write_text((CORPUS / "licences.yaml").read_text(encoding="utf-8"),
                                            encoding="utf-8")
    scratch = tmp_path / "new_items.jsonl"
    scratch.write_text('{"id": "sc-9000", "lang": "zh-Hans"}\n', encoding="utf-8")
    script = load_script()
    assert script.main(["--folder", str(tmp_path), "--texts", str(tmp_path / "t.jsonl"),
                        "--import", str(scratch)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "sc-9000 lacks text" in err[0]
    assert not (tmp_path / "t.jsonl").exists()  # nothing half-imported
