"""CLI: `futurewatch taxonomy load|reclassify|candidates`, `futurewatch classify [--jsonl]`,
`futurewatch eval`."""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Optional

import typer

from futurewatch.db import database_url

taxonomy_app = typer.Typer(help="The future-industry taxonomy: load versions, reclassify, emerging terms.",
                           no_args_is_help=True)


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@taxonomy_app.command("load")
def load_cmd(path: Optional[Path] = typer.Argument(None, help="Taxonomy YAML (default: the packaged one).")) -> None:
    """Store the taxonomy as a new version (no-op when unchanged); prints the version id."""
    from futurewatch.taxonomy import TaxonomyError, load_taxonomy

    try:
        typer.echo(load_taxonomy(database_url(), path))
    except TaxonomyError as exc:
        _fail(str(exc))


@taxonomy_app.command("reclassify")
def reclassify_cmd(
    path: Optional[Path] = typer.Argument(None, help="Taxonomy YAML to load first (default: the packaged one)."),
    batch_size: int = typer.Option(500, min=1),
    workers: int = typer.Option(min(2, os.cpu_count() or 1), min=1, help="Worker processes (version-id ranges)."),
) -> None:
    """Load the taxonomy, then classify every version the newest taxonomy version has not classified."""
    from futurewatch.taxonomy import TaxonomyError, load_taxonomy

    url = database_url()
    try:
        load_taxonomy(url, path)
    except TaxonomyError as exc:
        _fail(str(exc))
    _run_pending(url, batch_size, workers)


@taxonomy_app.command("candidates")
def candidates_cmd(
    days: int = typer.Option(30, min=1, help="Window of recent days."),
    min_docs: int = typer.Option(3, min=1, help="Least number of recent documents a term must occur in."),
    top: int = typer.Option(50, min=1),
    until: Optional[str] = typer.Option(None, help="Last day of the window (YYYY-MM-DD; default today)."),
    store: bool = typer.Option(True, help="Upsert the list into term_candidates."),
) -> None:
    """List frequent new terms that the taxonomy does not know yet."""
    from futurewatch.classify.candidates import select_candidates, store_candidates
    from futurewatch.taxonomy import load_taxonomy, select_latest_taxonomy

    url = database_url()
    try:
        end = date.fromisoformat(until) if until else date.today()
    except ValueError:
        _fail(f"--until must be YYYY-MM-DD, got {until!r}")
    latest = select_latest_taxonomy(url) or select_latest_taxonomy(url, load_taxonomy(url))
    found = select_candidates(url, latest[1], until=end, days=days, min_docs=min_docs, top=top)
    if store:
        store_candidates(url, found)
    for c in found:
        typer.echo(f"{c.term}\tdocs={c.doc_count}\tbefore={c.background_docs}\tscore={c.score}\t{c.example}")
    if not found:
        typer.echo("no candidates", err=True)


def _run_pending(url: str, batch_size: int, workers: int = 1) -> None:
    from rich.progress import Progress

    from futurewatch.classify.parallel import WorkerFailed, classify_parallel

    with Progress(transient=True) as bar:
        task = bar.add_task("classifying", total=None)
        try:
            summary = classify_parallel(url, workers=workers, batch_size=batch_size,
                                        progress=lambda done, total: bar.update(task, completed=done, total=total))
        except WorkerFailed as exc:
            _fail(f"a classification worker failed: {exc}; rerun to continue where it stopped")
    typer.echo(f"taxonomy version {summary.taxonomy_version_id}: classified {summary.classified} versions, "
               f"{summary.labels} labels, {summary.mentions} entity mentions")


def run_jsonl(stdin, stdout, err) -> int:
    """The contract: one JSON line in → one JSON line out, same order, constant memory."""
    from futurewatch.classify.classifier import default_classifier

    classifier = default_classifier()
    bad = 0
    for n, line in enumerate(stdin, 1):
        line = line.lstrip("\ufeff") if n == 1 else line  # a byte-order mark from Windows tools
        if not line.strip():
            continue
        try:
            if not is_utf8(line):
                raise ValueError("not valid UTF-8")
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("not a JSON object")
            out = render_result(item.get("id"), classifier.classify(str(item.get("title") or ""), str(item.get("text") or "")))
        except ValueError as exc:
            bad += 1
            print(f"line {n}: {exc}", file=err)
            out = {"id": None, "error": f"line {n}: {exc}", "categories": [], "entities": []}
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        stdout.flush()
    return bad


def is_utf8(line: str) -> bool:
    """Undecodable input bytes arrive as lone surrogates (errors="surrogateescape")."""
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def render_result(doc_id, result) -> dict:
    entities, seen = [], set()
    for e in result.entities:
        key = (e.type, e.text, e.canonical)
        if key not in seen:
            seen.add(key)
            entities.append({"type": e.type, "text": e.text, "canonical": e.canonical})
    return {
        "id": doc_id,
        "categories": [
            {"code": lb.code, "score": lb.score,
             "evidence": [{"term": ev.term, "field": ev.field, "start": ev.start, "end": ev.end} for ev in lb.evidence]}
            for lb in result.labels
        ],
        "entities": entities,
    }


def classify_cmd(
    jsonl: bool = typer.Option(False, "--jsonl", help="Read {id,title,text} JSON lines on stdin, write results on stdout."),
    batch_size: int = typer.Option(500, min=1, help="Versions per transaction (database mode)."),
) -> None:
    """Classify the archive (pending versions), or a JSON-lines stream with --jsonl."""
    if not jsonl:
        _run_pending(database_url(), batch_size)
        return
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(encoding="utf-8", errors="surrogateescape")
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    bad = run_jsonl(sys.stdin, sys.stdout, sys.stderr)
    if bad:
        raise typer.Exit(1)


def eval_cmd(
    gold: Optional[Path] = typer.Option(None, help="Gold JSONL (default: tests/fixtures/classify_gold/gold.jsonl)."),
    as_json: bool = typer.Option(False, "--json", help="Print the full report as JSON."),
) -> None:
    """Score the classifier on the gold set: P/R/F1 per code and micro, entity P/R."""
    from futurewatch.classify.evaluate import evaluate

    if gold is not None and not gold.exists():
        _fail(f"gold file not found: {gold}")
    report = evaluate(gold).as_dict()
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    typer.echo(f"{'code':22} {'P':>6} {'R':>6} {'F1':>6}  tp fp fn")
    for code, s in report["per_code"].items():
        typer.echo(f"{code:22} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}  {s['tp']} {s['fp']} {s['fn']}")
    m, e = report["micro"], report["entities"]
    typer.echo(f"{'micro':22} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f}  {m['tp']} {m['fp']} {m['fn']}")
    typer.echo(f"entities: precision {e['precision']:.3f} recall {e['recall']:.3f}  ({report['documents']} documents)")


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""
    app.add_typer(taxonomy_app, name="taxonomy")
    app.command("classify")(classify_cmd)
    app.command("eval")(eval_cmd)
