"""The classifier's compiled modules (classify/native.py, built by mypyc at `make install`) and
their Python sources give the same results, and the loader says which of the two runs."""

from __future__ import annotations

import json
import os
import runpy
import subprocess
import sys
import time
from pathlib import Path

import pytest

from classify import native

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "fixtures" / "classify_gold"
FIXTURES = REPO / "tests" / "fixtures"

# Runs in a child process: which kind was loaded, the extractor digest, then every field of the
# result of each input line.
DUMP = """
import sys, msgspec
from classify import native
from classify.classifier import default_classifier
from classify.entities import extractor_digest
clf = default_classifier()
print(msgspec.json.encode([sorted(set(native.kind().values())), extractor_digest()]).decode())
for line in sys.stdin.buffer:
    item = msgspec.json.decode(line)
    r = clf.classify(item["title"], item["text"])
    out = [[[l.code, l.score, l.support, [[e.term, e.field, e.start, e.end] for e in l.evidence]] for l in r.labels],
           [list(e) for e in r.entities]]
    print(msgspec.json.encode(out).decode())
"""


def real_texts() -> list[dict]:
    """The repository's real texts: classification gold, holdout and seeds, and the article texts
    the source parsers' fixtures expect (tests read nothing outside the repository)."""
    out = []
    for name in ("gold.jsonl", "holdout.jsonl"):
        out += [{"title": i.get("title") or "", "text": i["text"]}
                for i in map(json.loads, (GOLD / name).read_text("utf-8").splitlines()) if i.get("text")]
    out += [{"title": "", "text": p.read_text("utf-8")} for p in sorted((GOLD / "seeds").glob("*.txt"))]
    for path in sorted(FIXTURES.rglob("*.expected.json")):
        for version in json.loads(path.read_text("utf-8")).values():
            if isinstance(version, dict) and version.get("text"):
                out.append({"title": version.get("title") or "", "text": version["text"]})
    return out


def run_dump(lines: str, *, pure: bool) -> tuple[list, list[str]]:
    env = {k: v for k, v in os.environ.items() if k != native.PURE_ENV}
    if pure:
        env[native.PURE_ENV] = "1"
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run([sys.executable, "-c", DUMP], input=lines, capture_output=True, text=True, cwd=REPO,
                          env=env, check=True)
    head, *rows = done.stdout.splitlines()
    return json.loads(head), rows


def built() -> bool:
    return not native.pure_requested() and native._choose() == "compiled"


def test_the_compiled_modules_and_the_sources_classify_the_real_texts_alike():
    if not built():
        pytest.skip("the compiled modules are not built here (or FUTUREWATCH_PURE_PYTHON is set): `make install`")
    texts = real_texts()
    assert len(texts) > 150
    lines = "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in texts)
    (compiled_kind, compiled_digest), compiled = run_dump(lines, pure=False)
    (pure_kind, pure_digest), pure = run_dump(lines, pure=True)
    assert (compiled_kind, pure_kind) == (["compiled"], ["pure"])
    assert compiled_digest == pure_digest   # the entity extractor's identity is its sources', either way
    assert len(compiled) == len(pure) == len(texts)
    differ = [i for i, (a, b) in enumerate(zip(compiled, pure)) if a != b]
    assert not differ, f"{len(differ)} texts differ, the first: {texts[differ[0]]['text'][:80]!r}"
    assert sum(len(json.loads(row)[0]) for row in compiled) > 100   # labels were found, not just none alike


def test_the_loader_says_which_modules_run(monkeypatch):
    """FUTUREWATCH_PURE_PYTHON loads the sources; otherwise the compiled modules when built and
    current (`make test` sets FUTUREWATCH_EXPECT_COMPILED=1: its install compiles them)."""
    expect_compiled = os.environ.get("FUTUREWATCH_EXPECT_COMPILED") == "1" and not native.pure_requested()
    (kind, _), _ = run_dump("", pure=True)
    assert kind == ["pure"]
    monkeypatch.delenv(native.PURE_ENV, raising=False)
    (kind, _), _ = run_dump("", pure=False)
    assert kind == [native._choose()]
    if expect_compiled:
        assert kind == ["compiled"], "`make install` should have compiled classify/native.py's COMPILED"


def fake_tree(tmp_path: Path, *, library: bool = True, stubs: bool = True) -> dict:
    """classify/native.py in an empty tree with empty sources and, as asked, extensions: its functions."""
    (tmp_path / "classify").mkdir(parents=True)
    (tmp_path / "classify" / "native.py").write_bytes((REPO / "classify" / "native.py").read_bytes())
    code = runpy.run_path(str(tmp_path / "classify" / "native.py"))
    suffix = code["importlib"].machinery.EXTENSION_SUFFIXES[0]
    for name in code["COMPILED"]:
        source = code["source_path"](name)
        source.write_text("")
        if stubs:
            source.with_suffix(suffix).write_bytes(b"")
    if library:
        (tmp_path / f"{code['GROUP']}__mypyc{suffix}").write_bytes(b"")
    return code


def test_missing_or_stale_extensions_load_the_sources(tmp_path, monkeypatch):
    monkeypatch.delenv(native.PURE_ENV, raising=False)
    code = fake_tree(tmp_path / "built")
    assert code["_choose"]() == "compiled"
    monkeypatch.setenv(native.PURE_ENV, "1")
    assert code["_choose"]() == "pure"
    monkeypatch.setenv(native.PURE_ENV, "0")
    assert code["_choose"]() == "compiled"
    monkeypatch.delenv(native.PURE_ENV)
    assert fake_tree(tmp_path / "no_library", library=False)["_choose"]() == "pure"
    assert fake_tree(tmp_path / "no_stubs", stubs=False)["_choose"]() == "pure"
    code = fake_tree(tmp_path / "edited")
    later = time.time() + 5
    os.utime(code["source_path"]("classify.focus"), (later, later))   # edited after the build
    with pytest.warns(UserWarning, match="classify.focus: source newer"):
        assert code["_choose"]() == "pure"

