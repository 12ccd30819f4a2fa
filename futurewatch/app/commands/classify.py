"""CLI: `futurewatch taxonomy load|reclassify|candidates`, `futurewatch classify [--jsonl]`,
`futurewatch classify train`, `futurewatch eval`."""

from __future__ import annotations

import json
import os
import select
import sys
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Optional

import typer

from futurewatch.app.commands import current_db_url
from futurewatch.core.localtime import source_day

taxonomy_app = typer.Typer(help="The future-industry taxonomy: load versions, reclassify, emerging terms.",
                           no_args_is_help=True)


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@taxonomy_app.command("load")
def load_cmd(path: Optional[Path] = typer.Argument(None, help="Taxonomy YAML (default: the packaged one).")) -> None:
    """Store the taxonomy as a new version (no-op when unchanged); prints the version id."""
    from futurewatch.core.taxonomy import TaxonomyError
    from classify.taxonomy import load_taxonomy

    try:
        typer.echo(load_taxonomy(current_db_url(), path))
    except TaxonomyError as exc:
        _fail(str(exc))


@taxonomy_app.command("reclassify")
def reclassify_cmd(
    path: Optional[Path] = typer.Argument(None, help="Taxonomy YAML to load first (default: the packaged one)."),
    batch_size: int = typer.Option(500, min=1),
    workers: int = typer.Option(min(2, os.cpu_count() or 1), min=1, help="Worker processes (version-id ranges)."),
    entities: bool = typer.Option(False, "--entities", help="Extract every version's entities again, even "
                                  "where the current extractor produced the stored ones (restores missing mentions)."),
) -> None:
    """Load the taxonomy, then classify every version the newest taxonomy version has not classified.
    Entities are extracted again only where the entity extractor changed since (or with --entities)."""
    from futurewatch.core.taxonomy import TaxonomyError
    from classify.taxonomy import load_taxonomy

    db_url = current_db_url()
    try:
        load_taxonomy(db_url, path)
    except TaxonomyError as exc:
        _fail(str(exc))
    _run_pending(db_url, batch_size, workers, "reclassify", force_entities=entities)


@taxonomy_app.command("candidates")
def candidates_cmd(
    days: int = typer.Option(30, min=1, help="Window of recent days."),
    min_docs: int = typer.Option(3, min=1, help="Least number of recent documents a term must occur in."),
    top: int = typer.Option(50, min=1),
    until: Optional[str] = typer.Option(None, help="Last day of the window (YYYY-MM-DD; default today in Asia/Shanghai)."),
    store: bool = typer.Option(True, help="Upsert the list into term_candidates."),
) -> None:
    """List frequent new terms that the taxonomy does not know yet."""
    from classify.candidates import select_candidates, store_candidates
    from classify.taxonomy import load_taxonomy, select_latest_taxonomy

    db_url = current_db_url()
    try:
        end = date.fromisoformat(until) if until else source_day(datetime.now(timezone.utc))
    except ValueError:
        _fail(f"--until must be YYYY-MM-DD, got {until!r}")
    latest = select_latest_taxonomy(db_url) or select_latest_taxonomy(db_url, load_taxonomy(db_url))
    found = select_candidates(db_url, latest[1], until=end, days=days, min_docs=min_docs, top=top)
    if store:
        store_candidates(db_url, found)
    for c in found:
        typer.echo(f"{c.term}\tdocs={c.doc_count}\tbefore={c.background_docs}\tscore={c.score}\t{c.example}")
    if not found:
        typer.echo("no candidates", err=True)


def _run_pending(db_url: str, batch_size: int, workers: int = 1, stage: str = "classify",
                 force_entities: bool = False) -> None:
    from classify.parallel import classify_parallel
    from futurewatch.core.forkpool import WorkerFailed
    from futurewatch.app.progress import open_progress

    with open_progress() as progress:
        try:
            summary = classify_parallel(db_url, workers=workers, batch_size=batch_size,
                                        progress=progress.step(stage, "versions"), force_entities=force_entities)
        except WorkerFailed as exc:
            _fail(f"a classification worker failed: {exc}; rerun to continue where it stopped")
    typer.echo(f"taxonomy version {summary.taxonomy_version_id}: classified {summary.classified} versions, "
               f"{summary.labels} labels, {summary.mentions} entity mentions"
               f" ({summary.entities_kept} versions kept their stored entities)")


MAX_LINE_BYTES = 1 << 20  # one JSON line of `classify --jsonl` (1 MiB); documented in docs/taxonomy.md


READ_BYTES = 1 << 16   # what `--jsonl` reads at a time


class InputLines:
    """The lines of a binary stream as (line bytes | None, length), read READ_BYTES at a time: a
    line over `limit` bytes (its newline aside) is skipped to its end and stands as None, so
    memory stays bounded. `waiting()`: can the next line be had without waiting for input (a
    whole line already read, the end of the stream reached, or the stream readable now)?"""

    def __init__(self, stream, limit: int):
        self.stream, self.limit = stream, limit
        self._read = getattr(stream, "read1", None) or stream.read   # read1: at most one read of the OS
        self._buffer, self._at, self._ended = b"", 0, False

    def __iter__(self):
        return self

    def __next__(self) -> tuple[bytes | None, int]:
        buffer, at, limit = self._buffer, self._at, self.limit
        while True:
            end = buffer.find(b"\n", at, at + limit + 1)
            if end >= 0:
                self._at = end + 1
                return buffer[at:end + 1], end + 1 - at
            if len(buffer) - at > limit:
                end = buffer.find(b"\n", at)
                if end >= 0:
                    self._at = end + 1
                    return None, end + 1 - at
                return None, self._skip(len(buffer) - at)
            if self._ended:
                if at == len(buffer):
                    raise StopIteration
                self._at = len(buffer)
                return buffer[at:], len(buffer) - at
            chunk = self._read(READ_BYTES)
            self._ended = not chunk
            buffer, at = buffer[at:] + chunk, 0
            self._buffer, self._at = buffer, at

    def _skip(self, size: int) -> int:
        """Read on to the end of an over-long line; its length."""
        self._buffer, self._at = b"", 0
        while True:
            chunk = self._read(READ_BYTES)
            if not chunk:
                self._ended = True
                return size
            end = chunk.find(b"\n")
            if end >= 0:
                self._buffer, self._at = chunk, end + 1
                return size + end + 1
            size += len(chunk)

    def waiting(self) -> bool:
        return self._ended or self._buffer.find(b"\n", self._at) >= 0 or input_waiting(self.stream)


def run_jsonl(stdin, stdout, err, *, max_line_bytes: int = MAX_LINE_BYTES) -> int:
    """The contract: one JSON line in → one JSON line out, same order, bounded memory.

    `stdin` is a binary stream (or a text stream with a binary `.buffer`). Lines already waiting
    (read ahead, or readable at once) are classified BATCH_LINES at a time
    (Classifier.classify_batch) and their answers written together; a caller sending one line at
    a time gets each answer before sending the next."""
    import msgspec

    from classify.classifier import default_classifier

    classifier = default_classifier()
    encode = msgspec.json.Encoder().encode
    lines = InputLines(getattr(stdin, "buffer", stdin), max_line_bytes)
    out_bytes = getattr(stdout, "buffer", None)   # write the encoded bytes as they are
    if out_bytes is not None:
        stdout.flush()
    bad = 0
    for batch in ready_batches(enumerate(lines, 1), lines.waiting):
        answers = []
        for n, out in answer_lines(classifier, batch, max_line_bytes):
            if isinstance(out, ValueError):
                bad += 1
                print(f"line {n}: {out}", file=err)
                out = {"id": None, "error": f"line {n}: {out}", "categories": [], "entities": []}
            answers.append(encode(out))
        if not answers:
            continue
        if out_bytes is None:
            stdout.write("".join(a.decode("utf-8") + "\n" for a in answers))
            stdout.flush()
        else:
            out_bytes.write(b"\n".join(answers) + b"\n")
            out_bytes.flush()
    return bad


BATCH_LINES = 8   # more lines per batch make each step's data leave the caches


def ready_batches(lines, waiting, size: int = BATCH_LINES):
    """Lists of up to `size` of `lines`; a batch takes one more only when `waiting()` says the
    next line can be had without waiting for input."""
    batch = []
    for line in lines:
        batch.append(line)
        if len(batch) >= size or not waiting():
            yield batch
            batch = []
    if batch:
        yield batch


def input_waiting(stream) -> bool:
    """Can the stream be read without waiting? (One without a file descriptor is in memory: yes.)"""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return True
    return bool(select.select([fd], [], [], 0)[0])


def answer_lines(classifier, batch, limit: int) -> list[tuple[int, object]]:
    """(line number, output line or the ValueError that stands for it) per non-blank line of a
    batch of (number, (raw, size)), in order; a document's error fails only its own line."""
    from futurewatch.app.commands.classify_lines import render_result

    parsed = []
    for n, (raw, size) in batch:
        try:
            item = parse_line(raw, n, size, limit)
        except ValueError as exc:
            item = exc
        if item is not None:
            parsed.append((n, item))
    docs = [(str(i.get("title") or ""), str(i.get("text") or "")) for _, i in parsed if isinstance(i, dict)]
    try:
        results = iter(classifier.classify_batch(docs))
    except ValueError:   # one document failed: each one alone, so only its line has the error
        results = iter([_classified(classifier, doc) for doc in docs])
    out = []
    for n, item in parsed:
        result = item if isinstance(item, ValueError) else next(results)
        if not isinstance(result, ValueError):
            try:
                result = render_result(item.get("id"), result)
            except ValueError as exc:
                result = exc
        out.append((n, result))
    return out


def _classified(classifier, doc: tuple[str, str]):
    try:
        return classifier.classify(*doc)
    except ValueError as exc:
        return exc


def parse_line(raw: bytes | None, n: int, size: int, limit: int) -> dict | None:
    """The JSON object of one line; None for a blank line; ValueError with a one-line reason."""
    import msgspec

    if raw is None:
        raise ValueError(f"line of {size:,} bytes is over the {limit:,}-byte limit; skipped")
    if n == 1 and raw.startswith(b"\xef\xbb\xbf"):  # a byte-order mark from Windows tools
        raw = raw[3:]
    try:   # a line msgspec decodes is valid UTF-8 (it checks every string) and not blank
        item = msgspec.json.decode(raw)
    except (msgspec.DecodeError, UnicodeDecodeError):
        item = _refused(raw)
        if item is None:
            return None
    if not isinstance(item, dict):
        raise ValueError("not a JSON object")
    return item


def _refused(raw: bytes) -> dict | None:
    """The checks of a line msgspec refused, in order: ValueError with the reason; None for a blank line."""
    import msgspec

    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("not valid UTF-8") from None
    if not line.strip():
        return None
    try:
        return msgspec.json.decode(raw)
    except msgspec.DecodeError as exc:
        raise ValueError(f"invalid JSON: {exc}") from None


classify_app = typer.Typer(help="Classify the archive or a JSON-lines stream; retrain stage 2.",
                           invoke_without_command=True)


@classify_app.callback()
def classify_cmd(
    ctx: typer.Context,
    jsonl: bool = typer.Option(False, "--jsonl", help="Read {id,title,text} JSON lines on stdin, write results on stdout."),
    batch_size: int = typer.Option(500, min=1, help="Versions per transaction (database mode)."),
    max_line_bytes: int = typer.Option(MAX_LINE_BYTES, min=1, help="Longest input line for --jsonl (bytes)."),
) -> None:
    """Classify the archive (pending versions), or a JSON-lines stream with --jsonl."""
    if ctx.invoked_subcommand:
        return
    if not jsonl:
        _run_pending(current_db_url(), batch_size)
        return
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    bad = run_jsonl(sys.stdin, sys.stdout, sys.stderr, max_line_bytes=max_line_bytes)
    if bad:
        raise typer.Exit(1)


@classify_app.command("train")
def train_cmd(
    corpus: Optional[Path] = typer.Option(None, help="Corpus folder with items_*.jsonl (default: tests/fixtures/classify_corpus)."),
    out: Optional[Path] = typer.Option(None, help="Weights file to write (default: the packaged focus_model.json)."),
    threshold: float = typer.Option(0.5, min=0.0, max=1.0, help="Probability from which a candidate is a label."),
    allow_missing: bool = typer.Option(False, "--allow-missing", help="Leave out corpus items whose text is not cached."),
) -> None:
    """Retrain stage 2 on the gold set + corpus train and dev splits; C by cross-validation."""
    from classify.corpus import CorpusError
    from classify.focus import MODEL_PATH
    from classify.train import train_model

    if corpus is not None and not corpus.is_dir():
        _fail(f"corpus folder not found: {corpus}")
    try:
        report = train_model(corpus, out or MODEL_PATH, threshold=threshold, allow_missing=allow_missing)
    except ImportError:
        _fail("training needs scikit-learn: pip install 'futurewatch[train]'")
    except CorpusError as exc:
        _fail(str(exc))
    cv = report["cv"]
    typer.echo(f"trained on {report['train']['items']} items ({report['train']['candidates']} candidates), C={report['C']}")
    for name in ("stage1", "stage2"):
        m = cv[name]
        typer.echo(f"{cv['folds']}-fold cross-validation, {name}: P {m['precision']:.3f} R {m['recall']:.3f} "
                   f"F1 {m['f1']:.3f}  ({cv['items']} corpus items)")
    typer.echo(f"wrote {out or MODEL_PATH}")


def eval_cmd(
    gold: Optional[Path] = typer.Option(None, help="Gold JSONL (default: tests/fixtures/classify_gold/gold.jsonl)."),
    corpus: Optional[Path] = typer.Option(None, help="Corpus folder with items_*.jsonl (default: tests/fixtures/classify_corpus)."),
    split: str = typer.Option("test", help="Corpus split to score: train, dev or test."),
    as_json: bool = typer.Option(False, "--json", help="Print the full reports as JSON."),
    allow_missing: bool = typer.Option(False, "--allow-missing",
                                       help="Score the split's items whose text is cached; say how many are left out."),
    before: Optional[str] = typer.Option(None, help="Also score the classifier of this git revision (its code and "
                                                    "weights, e.g. main) on the same items, in the same run."),
) -> None:
    """Score stage 1 alone and stage 1+2 side by side on the gold set and a corpus split:
    micro and per-code P/R/F1, negatives that get a label (by genre), entity P/R."""
    from classify.corpus import CORPUS_DIR, SPLITS, CorpusError, read_corpus
    from classify.evaluate import DEFAULT_GOLD, read_gold
    from futurewatch.app.commands.classify_eval import before_reports, compare_classifiers, print_reports

    if gold is not None and not gold.exists():
        _fail(f"gold file not found: {gold}")
    if corpus is not None and not corpus.is_dir():
        _fail(f"corpus folder not found: {corpus}")
    if split not in SPLITS:
        _fail(f"--split must be one of {', '.join(SPLITS)}")
    sets = {"gold": read_gold(gold or DEFAULT_GOLD)}
    try:
        items = read_corpus(corpus, (split,), allow_missing=allow_missing)
    except CorpusError as exc:  # the texts are not redistributed: a clone has the gold set only
        print(f"note: corpus not scored: {exc}", file=sys.stderr)
        items = []
    if items:
        sets[f"corpus {split}"] = items
    reports = compare_classifiers(sets)
    if before:
        args = ["--gold", str((gold or DEFAULT_GOLD).resolve()), "--corpus", str((corpus or CORPUS_DIR).resolve()),
                "--split", split] + (["--allow-missing"] if allow_missing else [])
        try:
            old = before_reports(before, args)
        except ValueError as exc:
            _fail(str(exc))
        for name, by in reports.items():
            if name in old:
                reports[name] = {"stage1": by["stage1"], "before": old[name], "stage2": by["stage2"]}
    if as_json:
        typer.echo(json.dumps({s: {c: r.as_dict() for c, r in by.items()} for s, by in reports.items()},
                              ensure_ascii=False, indent=2))
        return
    print_reports(reports, typer.echo)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""
    app.add_typer(taxonomy_app, name="taxonomy")
    app.add_typer(classify_app, name="classify")
    app.command("eval")(eval_cmd)
